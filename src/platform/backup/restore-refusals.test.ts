import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dialect } from '../../../test/harness.ts'
import { aUser } from '../../../test/agent.ts'
import { takeBackup } from './backup.ts'
import { restoreBackup } from './restore.ts'
import { openRawDatabase } from './raw-open.ts'
import { emptyDatabase, rewriteBackup, serveOn, type Place } from './backup-test-support.ts'

const PASSPHRASE = 'a passphrase for the tests'
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jaga-refusals-'))
const places: Place[] = []
let source: Place
let target: Place
const plain = path.join(dir, 'plain.jsonl.gz')
const sealed = path.join(dir, 'sealed.jsonl.gz.enc')

beforeAll(async () => {
  source = await emptyDatabase(dialect)
  places.push(source)
  const jaga = await serveOn(source)
  await aUser(jaga, 'coordinator')
  await jaga.close()
  await takeBackup({ source: source.target, out: plain })
  await takeBackup({ source: source.target, out: sealed, passphrase: PASSPHRASE })
  target = await emptyDatabase(dialect)
  places.push(target)
})
afterAll(async () => {
  for (const p of places) await p.drop()
  fs.rmSync(dir, { recursive: true, force: true })
})

/** The refused restore left the target as it found it: empty (a SQLite file it created is gone). */
async function expectStillEmpty(): Promise<void> {
  if (target.target.sqliteFile) {
    expect(fs.existsSync(target.target.sqliteFile)).toBe(false)
    return
  }
  const raw = await openRawDatabase(target.target)
  try {
    expect(await raw.isEmpty()).toBe(true)
  } finally {
    await raw.close()
  }
}

describe('jaga restore refuses', () => {
  it('a wrong passphrase, saying so, and a missing one', async () => {
    await expect(restoreBackup({ file: sealed, target: target.target, passphrase: 'not the right passphrase' })).rejects.toThrow(/passphrase does not open this backup/)
    await expect(restoreBackup({ file: sealed, target: target.target })).rejects.toThrow(/this backup is encrypted: give its passphrase/)
    await expectStillEmpty()
  })

  it('a database that is not empty, naming why', async () => {
    await expect(restoreBackup({ file: plain, target: source.target })).rejects.toThrow(/is not empty .*restore only goes into an empty database/)
  })

  it('a truncated file', async () => {
    const short = path.join(dir, 'short.jsonl.gz')
    const bytes = fs.readFileSync(plain)
    fs.writeFileSync(short, bytes.subarray(0, bytes.length - 40))
    await expect(restoreBackup({ file: short, target: target.target })).rejects.toThrow(/truncated or damaged|truncated/)
    await expectStillEmpty()
  })

  it('a file whose rows were altered, even when the gzip is valid', async () => {
    const altered = path.join(dir, 'altered.jsonl.gz')
    rewriteBackup(plain, altered, (text) => text.replace('"coordinator"', '"admin"'))
    expect(fs.readFileSync(altered).equals(fs.readFileSync(plain))).toBe(false)
    await expect(restoreBackup({ file: altered, target: target.target })).rejects.toThrow(/checksum does not match/)
    await expectStillEmpty()
  })

  it('a file whose manifest lost a row, and an encrypted file with one byte changed', async () => {
    const dropped = path.join(dir, 'dropped.jsonl.gz')
    rewriteBackup(plain, dropped, (text) => {
      const lines = text.split('\n')
      const at = lines.findIndex((l) => l.includes('"coordinator"'))
      lines.splice(at, 1)
      return lines.join('\n')
    })
    await expect(restoreBackup({ file: dropped, target: target.target })).rejects.toThrow(/checksum does not match|manifest says/)
    const flipped = path.join(dir, 'flipped.enc')
    const bytes = Buffer.from(fs.readFileSync(sealed))
    bytes[Math.floor(bytes.length / 2)]! ^= 1
    fs.writeFileSync(flipped, bytes)
    await expect(restoreBackup({ file: flipped, target: target.target, passphrase: PASSPHRASE })).rejects.toThrow(/altered or is damaged|truncated or damaged/)
    await expectStillEmpty()
  })

  it('a backup from a newer Jaga, whose migration this one does not have', async () => {
    const newer = path.join(dir, 'newer.jsonl.gz')
    rewriteBackup(plain, newer, (text) => text.replace(/"lastMigration":"[^"]+"/, '"lastMigration":"2099-01-01-99-from-the-future"'))
    await expect(restoreBackup({ file: newer, target: target.target })).rejects.toThrow(/made by a newer Jaga/)
    await expectStillEmpty()
  })

  it('a file that is not a backup', async () => {
    const other = path.join(dir, 'notes.txt')
    fs.writeFileSync(other, 'just some text\n')
    await expect(restoreBackup({ file: other, target: target.target })).rejects.toThrow(/not a Jaga backup/)
  })
})
