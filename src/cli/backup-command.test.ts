import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dialect } from '../../test/harness.ts'
import { runJaga } from '../../test/jaga-cli.ts'
import { emptyDatabase, serveOn, type Place } from '../platform/backup/backup-test-support.ts'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jaga-backup-cli-'))
let place: Place
let env: NodeJS.ProcessEnv

beforeAll(async () => {
  place = await emptyDatabase(dialect)
  await (await serveOn(place)).close()
  env = place.target.databaseUrl ? { DATABASE_URL: place.target.databaseUrl, LANG: 'C' } : { JAGA_DATA_DIR: path.dirname(place.target.sqliteFile!), LANG: 'C' }
})
afterAll(async () => {
  await place?.drop()
  fs.rmSync(dir, { recursive: true, force: true })
})

const jaga = (args: string[], extraEnv: NodeJS.ProcessEnv = {}) => runJaga(args, { ...env, ...extraEnv })

describe('jaga backup and jaga restore', () => {
  it('warns that an unencrypted backup holds disclosures and password hashes, and restores it into a new SQLite file', async () => {
    const out = path.join(dir, 'plain.jsonl.gz')
    const backup = await jaga(['backup', '--out', out])
    expect(backup.code).toBe(0)
    expect(backup.err).toMatch(/NOT encrypted.*disclosures.*password hashes/)
    expect(backup.out).toContain(`backup written: ${out}`)
    const restored = await jaga(['restore', out, '--database', path.join(dir, 'restored', 'jaga.sqlite')])
    expect(restored.code).toBe(0)
    expect(restored.out).toMatch(/counts and checksum match the manifest/)
    const again = await jaga(['restore', out, '--database', path.join(dir, 'restored', 'jaga.sqlite')])
    expect(again.code).toBe(1)
    expect(again.err).toMatch(/restore refused: .*not empty/)
  })

  it('encrypts with the passphrase from a file or JAGA_BACKUP_PASSPHRASE, and refuses a short or wrong one', async () => {
    const secret = path.join(dir, 'passphrase')
    fs.writeFileSync(secret, 'a long passphrase in a file\n')
    const out = path.join(dir, 'sealed.enc')
    const backup = await jaga(['backup', '--out', out, '--passphrase-file', secret])
    expect(backup.code).toBe(0)
    expect(backup.err).not.toMatch(/NOT encrypted/)
    expect(fs.readFileSync(out).subarray(0, 8).toString()).toBe('JAGA-ENC')
    const wrong = await jaga(['restore', out, '--database', path.join(dir, 'w.sqlite')], { JAGA_BACKUP_PASSPHRASE: 'another long passphrase' })
    expect(wrong.code).toBe(1)
    expect(wrong.err).toMatch(/refused: the passphrase does not open this backup/)
    const right = await jaga(['restore', out, '--database', path.join(dir, 'r.sqlite')], { JAGA_BACKUP_PASSPHRASE: 'a long passphrase in a file' })
    expect(right.code).toBe(0)
    const short = await jaga(['backup', '--out', path.join(dir, 'x')], { JAGA_BACKUP_PASSPHRASE: 'short' })
    expect(short.code).toBe(1)
    expect(short.err).toMatch(/at least 12 characters/)
  })

  it('explains its usage mistakes', async () => {
    expect((await jaga(['restore'])).err).toMatch(/restore takes one backup file/)
    expect((await jaga(['backup', 'file.gz'])).err).toMatch(/use --out FILE/)
    expect((await jaga(['--help'])).out).toMatch(/jaga restore FILE \[--database URL\|PATH\]/)
  })

  it('fails on a SQLite database that is not there, without creating an empty one', async () => {
    const nowhere = path.join(dir, 'nowhere')
    const res = await jaga(['backup', '--out', path.join(dir, 'none.gz')], { DATABASE_URL: '', JAGA_DATA_DIR: nowhere })
    expect(res.code).toBe(1)
    expect(fs.existsSync(path.join(nowhere, 'jaga.sqlite'))).toBe(false)
    expect(fs.existsSync(path.join(dir, 'none.gz'))).toBe(false)
  })
})
