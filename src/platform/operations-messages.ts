import { createTranslator, defineMessages, type Locale } from './i18n/i18n.ts'

/** What the server and the `jaga` command say to the person running them, on the console. */
export const operationsMessages = defineMessages({
  'ops.runsAsRoot': {
    id: 'jaga: server tidak mau berjalan sebagai root: celah keamanan di server web atau di salah satu pustakanya akan menguasai seluruh mesin. Jalankan sebagai pengguna biasa (mis. "jaga", lihat deploy/jaga.service), atau atur JAGA_ALLOW_ROOT=1 jika Anda sungguh perlu (mis. di dalam kontainer).',
    en: 'jaga: the server will not run as root: a flaw in a web server or one of its libraries would then own the whole machine. Run it as an ordinary user (e.g. "jaga", see deploy/jaga.service), or set JAGA_ALLOW_ROOT=1 if you really must (e.g. inside a container).',
  },
})

/** The console's language: JAGA_LANG (id or en), else LANG (id_ID… is Indonesian), else English. */
export function consoleLocale(env: NodeJS.ProcessEnv): Locale {
  const chosen = env.JAGA_LANG?.trim().toLowerCase()
  if (chosen === 'id' || chosen === 'en') return chosen
  return (env.LANG ?? '').toLowerCase().startsWith('id') ? 'id' : 'en'
}

/**
 * Why the server must not start, in one line, or undefined when it may: it refuses uid 0 unless
 * JAGA_ALLOW_ROOT=1. `uid` is undefined on systems without user ids (Windows), where there is no root.
 */
export function rootRefusal(uid: number | undefined, env: NodeJS.ProcessEnv): string | undefined {
  if (uid !== 0 || env.JAGA_ALLOW_ROOT === '1') return undefined
  return createTranslator(operationsMessages, consoleLocale(env))('ops.runsAsRoot')
}
