import { parseArgs } from 'node:util'
import { loadConfig } from '../config.ts'
import { runRetention } from '../evaluation/retention.ts'
import { createTranslator } from '../platform/i18n/i18n.ts'
import { consoleLocale } from '../platform/operations-messages.ts'
import { retentionMessages } from '../platform/retention-messages.ts'
import { openMigratedStore } from '../store.ts'
import type { Io } from './io.ts'

export const RETENTION_HELP = `  jaga retention run [--dry-run] [--months N] [--yes]
                                                 remove participants' written and other raw answers
                                                 from sessions older than JAGA_RETAIN_ANSWERS_MONTHS
                                                 months, keeping scores and choices; --dry-run only
                                                 counts; --months N other than the setting needs
                                                 --dry-run or --yes (the server also runs it daily)
`

/** The deployment's own setting, or undefined when it is not set (or not valid). */
function settingOf(env: NodeJS.ProcessEnv): number | undefined {
  try {
    return loadConfig(env).retainAnswersMonths ?? undefined
  } catch {
    return undefined
  }
}

/** `jaga retention run`; returns the exit code (2: usage or setting, 1: failed). */
export async function runRetentionCommand(argv: string[], io: Io): Promise<number> {
  const t = createTranslator(retentionMessages, consoleLocale(io.env))
  const say = (s: string) => io.stdout.write(s + '\n')
  const complain = (s: string) => io.stderr.write(s + '\n')
  let values: { 'dry-run'?: boolean; months?: string; yes?: boolean }
  let positionals: string[]
  try {
    ;({ values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { 'dry-run': { type: 'boolean' }, months: { type: 'string' }, yes: { type: 'boolean' } } }))
  } catch (e) {
    complain(`jaga: ${(e as Error).message}\n${t('retention.usage')}`)
    return 2
  }
  if (positionals.length !== 2 || positionals[1] !== 'run') {
    complain(t('retention.usage'))
    return 2
  }
  let config
  try {
    config = loadConfig(values.months === undefined ? io.env : { ...io.env, JAGA_RETAIN_ANSWERS_MONTHS: values.months })
  } catch (e) {
    complain(`jaga: ${(e as Error).message}`)
    return 2
  }
  if (!config.retainAnswersMonths) {
    complain(t('retention.notSet'))
    return 2
  }
  // A real run deletes for good: with a setting other than the deployment's only when asked twice.
  const deployed = settingOf(io.env)
  if (values.months !== undefined && !values['dry-run'] && !values.yes && deployed !== config.retainAnswersMonths) {
    complain(deployed === undefined ? t('retention.monthsNotSetting', { months: config.retainAnswersMonths }) : t('retention.monthsDiffer', { months: config.retainAnswersMonths, setting: deployed }))
    return 2
  }
  const store = await openMigratedStore(config)
  try {
    const result = await runRetention(store.db, { months: config.retainAnswersMonths, timeZone: config.timeZone, dryRun: !!values['dry-run'], actor: { id: null, label: 'cli' } })
    if (result.skipped) throw new Error('a command-line run is never skipped')
    say(t('retention.scope', { cutoff: result.cutoff, months: result.months }))
    say(t('retention.counts', { submissions: result.submissions, texts: result.texts, reviews: result.reviews, disclosures: result.disclosures }))
    say(values['dry-run'] ? t('retention.dryRun') : t('retention.done'))
    return 0
  } catch (e) {
    complain(`jaga: retention failed: ${e instanceof Error ? e.message : String(e)}`)
    return 1
  } finally {
    await store.db.destroy()
  }
}
