// A session whose parents' group has answered the shipped knowledge test before and after, seeded
// through the API and the collect route as phones would (shared by bench/answers-page.ts and
// bench/session-2000.ts).
import crypto from 'node:crypto'
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { ROOT } from '../test/server-process.ts'
import { readShippedQuestionnaires } from '../src/evaluation/questionnaires.ts'
import { scoredItems } from '../src/evaluation/questionnaire-schema.ts'
import { openMigratedStore } from '../src/store.ts'

export const PASSWORD = 'a long enough password'
/** Server settings that let one link take thousands of answers in a minute. */
export const NO_HOLD = { JAGA_COLLECT_HOLD_AFTER: '100000000', JAGA_COLLECT_HOLD_TOTAL: '100000000', JAGA_COLLECT_LINK_MAX: '100000000' }

export function cli(env: NodeJS.ProcessEnv, args: string[], input = ''): string {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/jaga.js'), ...args], { input, env: { ...process.env, ...env }, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(r.stderr)
  return r.stdout
}

const items = scoredItems(readShippedQuestionnaires().find((q) => q.key === 'knowledge-parents')!.definition)
const answers = (right: number) => Object.fromEntries(items.map((item, i) => [item.id, i < right ? String(item.answer) : item.kind === 'truefalse' ? String(item.answer) === 'true' ? 'false' : 'true' : item.options!.find((o) => o.value !== String(item.answer))!.value]))
const letters = (n: number) => String.fromCharCode(65 + (n % 26)) + String.fromCharCode(65 + Math.floor(n / 26) % 26)
const codeOf = (n: number) => [letters(n), String((n % 28) + 1), 'A', String(n % 4)] as const

/** A session with a parents' group whose pre and post links have each received `people` answers (codes unique up to 4,732). */
export async function sessionWithAnswers(url: string, env: NodeJS.ProcessEnv, people: number): Promise<string> {
  cli(env, ['user', 'create', '--email', 'bench@jaga.test', '--role', 'coordinator'], `${PASSWORD}\n`)
  const bearer = cli(env, ['token', 'create', '--email', 'bench@jaga.test']).trim().split('\n').pop()!
  const call = async (p: string, body: unknown, auth = true): Promise<any> => {
    const res = await fetch(url + p, { method: 'POST', headers: { ...(auth ? { Authorization: `Bearer ${bearer}` } : {}), 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
    if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`)
    return res.json()
  }
  const today = new Date().toISOString().slice(0, 10)
  const area = '0b7f4a52-2b41-4c4e-9a57-127109100400'
  const programme = await call('/api/v1/programmes', { name: 'Bench', startsOn: today, endsOn: today, status: 'active', areaIds: [area] })
  const session = await call('/api/v1/sessions', { programmeId: programme.id, title: 'Bench', format: 'seminar', areaId: area, venue: 'x', startsAt: `${today}T00:00`, endsAt: `${today}T23:59`, audiences: ['parents'] })
  const { links } = await call(`/api/v1/sessions/${session.id}/evaluation`, { groupKind: 'parents' })
  const token = (phase: string) => links.find((l: { phase: string }) => l.phase === phase).token
  for (const phase of ['pre', 'post']) {
    // 20 phones at a time.
    for (let start = 0; start < people; start += 20) {
      await Promise.all(
        Array.from({ length: Math.min(20, people - start) }, (_, i) => {
          const n = start + i
          const [mother, day, own, siblings] = codeOf(n)
          const code = { mother, day, own, siblings }
          return call(`/api/v1/collect/${token(phase)}`, { id: crypto.randomUUID(), code, answers: answers(phase === 'pre' ? n % 8 : 7 + (n % 9)) }, false)
        }),
      )
    }
  }
  return session.id
}

/**
 * Grows a session seeded by sessionWithAnswers with `seeded` people to `people`: each new person's
 * before and after rows are copies of a seeded person's (same answers and scores), with a code of its
 * own and a later time, written straight into the database (the server stopped). Thousands of answers
 * through the collect route take minutes on a loaded 2-core machine; the rows are the same.
 */
export async function growSession(config: { databaseUrl: string | undefined; dataDir: string }, sessionId: string, seeded: number, people: number): Promise<void> {
  const store = await openMigratedStore(config)
  try {
    const rows = await store.db.selectFrom('submissions').selectAll().where('sessionId', '=', sessionId).orderBy('receivedAt').execute()
    // The server stores the code in its own shape (a day as two digits): compare without leading zeros, write in the stored shape.
    const plain = (code: string) => code.split('-').map((p) => p.replace(/^0+(?=\d)/, ''))
    const byCode = new Map(rows.map((r) => [`${r.phase}:${plain(r.code).join('-')}`, r]))
    const copies = []
    for (let n = seeded; n < people; n++) {
      for (const phase of ['pre', 'post'] as const) {
        const from = byCode.get(`${phase}:${codeOf(n % seeded).join('-')}`)
        if (!from) throw new Error(`no seeded ${phase} answer for person ${n % seeded}`)
        const shape = from.code.split('-')
        const code = codeOf(n).map((p, i) => p.padStart(shape[i]!.length, '0')).join('-')
        copies.push({ ...from, id: crypto.randomUUID(), code, receivedAt: new Date(Date.parse(from.receivedAt) + n * 1000).toISOString() })
      }
    }
    for (let i = 0; i < copies.length; i += 200) await store.db.insertInto('submissions').values(copies.slice(i, i + 200)).execute()
  } finally {
    await store.db.destroy()
  }
}

/** Signs in through the login form (a CSRF cookie of our own, as a browser would have) and returns the cookie header. */
export async function signIn(url: string, lang = 'en'): Promise<string> {
  const csrf = crypto.randomBytes(32).toString('base64url')
  const res = await fetch(`${url}/login`, { method: 'POST', redirect: 'manual', headers: { Cookie: `jaga_csrf=${csrf}; jaga_lang=${lang}` }, body: new URLSearchParams({ _csrf: csrf, email: 'bench@jaga.test', password: PASSWORD }) })
  const session = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('jaga_session='))
  if (res.status !== 303 || !session) throw new Error(`sign-in failed: ${res.status}`)
  return `${session}; jaga_csrf=${csrf}; jaga_lang=${lang}`
}
