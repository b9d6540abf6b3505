import { describe, expect, it } from 'vitest'
import { loadConfig } from '../config.ts'
import { openMigratedStore } from '../store.ts'
import { runJaga, useCliDatabase } from '../../test/jaga-cli.ts'

const cli = useCliDatabase()
const jaga = (args: string[], env: NodeJS.ProcessEnv = {}) => runJaga(args, { ...cli.env, ...env })

async function auditedRuns(): Promise<{ runs: number; audits: number }> {
  const store = await openMigratedStore(loadConfig(cli.env))
  try {
    const runs = await store.db.selectFrom('retentionRuns').select('id').execute()
    const audits = await store.db.selectFrom('auditEntries').select('id').where('action', '=', 'evaluation.retention').execute()
    return { runs: runs.length, audits: audits.length }
  } finally {
    await store.db.destroy()
  }
}

describe('jaga retention run', () => {
  it('refuses to run without a setting, and refuses an invalid one, saying what is expected', async () => {
    const unset = await jaga(['retention', 'run'])
    expect(unset.code).toBe(2)
    expect(unset.err).toContain('JAGA_RETAIN_ANSWERS_MONTHS is not set')
    const bad = await jaga(['retention', 'run', '--months', '0'])
    expect(bad.code).toBe(2)
    expect(bad.err).toContain('JAGA_RETAIN_ANSWERS_MONTHS must be a whole number of months from 1 to 240')
    const badEnv = await jaga(['retention', 'run'], { JAGA_RETAIN_ANSWERS_MONTHS: 'forever' })
    expect(badEnv.code).toBe(2)
    expect((await jaga(['retention', 'sweep'], { JAGA_RETAIN_ANSWERS_MONTHS: '12' })).err).toContain('Usage: jaga retention run')
  })

  it('counts on a dry run without recording anything, and records and audits a real run, in the console’s language', async () => {
    const dry = await jaga(['retention', 'run', '--dry-run', '--months', '24'])
    expect(dry.code).toBe(0)
    expect(dry.out).toMatch(/Answers from sessions before \d{1,2} \w{3} \d{4} \(setting: 24 months\):/)
    expect(dry.out).toContain('0 submissions trimmed, 0 written or other answers removed')
    expect(dry.out).toContain('Dry run: nothing was changed.')
    expect(await auditedRuns()).toEqual({ runs: 0, audits: 0 })
    const real = await jaga(['retention', 'run'], { JAGA_RETAIN_ANSWERS_MONTHS: '1', JAGA_LANG: 'id' })
    expect(real.code).toBe(0)
    expect(real.out).toContain('(pengaturan: 1 bulan)')
    expect(real.out).toContain('Selesai dan dicatat di log audit.')
    expect(await auditedRuns()).toEqual({ runs: 1, audits: 1 })
  })

  it('refuses a real run with --months other than the deployment’s setting unless --yes is given, and says how, in both languages', async () => {
    const before = (await auditedRuns()).runs
    const runs = async () => (await auditedRuns()).runs - before
    const differs = await jaga(['retention', 'run', '--months', '1'], { JAGA_RETAIN_ANSWERS_MONTHS: '24' })
    expect(differs.code).toBe(2)
    expect(differs.err).toContain('--months 1 differs from the JAGA_RETAIN_ANSWERS_MONTHS setting (24 months)')
    expect(differs.err).toContain('add --yes')
    const unset = await jaga(['retention', 'run', '--months', '3'], { JAGA_LANG: 'id' })
    expect(unset.code).toBe(2)
    expect(unset.err).toContain('JAGA_RETAIN_ANSWERS_MONTHS belum diatur')
    expect(unset.err).toContain('tambahkan --yes')
    expect(await runs()).toBe(0)

    expect((await jaga(['retention', 'run', '--months', '24', '--dry-run'], { JAGA_RETAIN_ANSWERS_MONTHS: '12' })).code).toBe(0)
    const same = await jaga(['retention', 'run', '--months', '24'], { JAGA_RETAIN_ANSWERS_MONTHS: '24' })
    expect(same.code).toBe(0)
    expect(await runs()).toBe(1)
    const confirmed = await jaga(['retention', 'run', '--months', '6', '--yes'])
    expect(confirmed.code).toBe(0)
    expect(confirmed.out).toContain('(setting: 6 months)')
    expect(await runs()).toBe(2)
  })
})
