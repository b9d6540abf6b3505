import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PassThrough, Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDatabase, type TestDb } from '../../test/harness.ts'
import { openMigratedStore } from '../store.ts'
import { runDoctor, type DoctorOptions } from './doctor-command.ts'
import { run, type Io } from './jaga.ts'

let testDb: TestDb
/** Where the migrated test database is, as the server's environment would name it. */
let dbEnv: NodeJS.ProcessEnv
const plentyOfDisk: DoctorOptions['diskSpace'] = async () => ({ free: 50 * 2 ** 30, total: 100 * 2 ** 30 })
const GOOD = { JAGA_PUBLIC_URL: 'https://jaga.example.org', JAGA_TRUST_PROXY: '1', HOST: '127.0.0.1', LANG: 'C' }

beforeAll(async () => {
  testDb = await freshDatabase()
  // SQLite is checked in a real file, as the server keeps it; PostgreSQL in the test's fresh database.
  if (testDb.url) dbEnv = { DATABASE_URL: testDb.url }
  else {
    dbEnv = { JAGA_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'jaga-doctor-')) }
    await (await openMigratedStore({ dataDir: dbEnv.JAGA_DATA_DIR!, databaseUrl: undefined })).db.destroy()
  }
})
afterAll(async () => {
  await testDb?.drop()
})

async function recordBackup(takenAt: Date): Promise<void> {
  const store = await openMigratedStore({ dataDir: dbEnv.JAGA_DATA_DIR ?? '', databaseUrl: dbEnv.DATABASE_URL })
  await store.db
    .insertInto('backup_log' as any)
    .values({ id: crypto.randomUUID(), taken_at: takenAt.toISOString(), file_name: 'jaga-test.jaga', bytes: 10, row_count: 1, encrypted: 1, last_migration: 'x' } as any)
    .execute()
  await store.db.destroy()
}

async function doctor(env: NodeJS.ProcessEnv, opts: DoctorOptions = { diskSpace: plentyOfDisk }): Promise<{ code: number; out: string }> {
  const stdout = new PassThrough()
  let out = ''
  stdout.on('data', (d) => (out += d))
  const io: Io = { stdin: Readable.from(['']), stdout, stderr: new PassThrough(), env }
  const code = await runDoctor(io, opts)
  return { code, out }
}

describe('jaga doctor', () => {
  it('says what to fix and exits 1 on a database with no backup, behind an https address with no proxy trust', async () => {
    const { code, out } = await doctor({ ...dbEnv, JAGA_PUBLIC_URL: 'https://jaga.example.org', LANG: 'C' })
    expect(code).toBe(1)
    expect(out).toMatch(/OK +database: reachable/)
    expect(out).toMatch(/OK +migrations: up to date/)
    expect(out).toMatch(/FIX +backup: no backup recorded\. Run jaga backup/)
    expect(out).toMatch(/FIX +proxy: .*Set JAGA_TRUST_PROXY=1/)
    expect(out).toContain('2 things need fixing')
  })

  it('reports an unset or plain-http public address, an old backup and a full disk, in Indonesian when asked', async () => {
    await recordBackup(new Date(Date.now() - 3 * 86_400_000))
    const unset = await doctor({ ...dbEnv, LANG: 'C' }, { diskSpace: async () => ({ free: 2 ** 29, total: 100 * 2 ** 30 }) })
    expect(unset.code).toBe(1)
    expect(unset.out).toMatch(/FIX +public address: JAGA_PUBLIC_URL is not set/)
    expect(unset.out).toMatch(/FIX +backup: the last one was taken .*, 72 hours ago/)
    expect(unset.out).toMatch(/FIX +disk: only 0.5 GB free of 100 GB/)
    const id = await doctor({ ...dbEnv, JAGA_PUBLIC_URL: 'http://jaga.example.org', JAGA_LANG: 'id' })
    expect(id.code).toBe(1)
    expect(id.out).toMatch(/PERBAIKI +alamat publik: http:\/\/jaga\.example\.org bukan https/)
    expect(id.out).toMatch(/PERBAIKI +cadangan: yang terakhir dibuat/)
    expect(id.out).toContain('hal perlu diperbaiki')
  })

  it('passes every check and exits 0 on a good installation with a recent backup', async () => {
    await recordBackup(new Date(Date.now() - 2 * 3_600_000))
    const { code, out } = await doctor({ ...dbEnv, ...GOOD })
    expect(out).toContain('All checks passed.')
    expect(out).not.toContain('FIX')
    expect(out).toMatch(/OK +backup: the last one was taken .* \(2 hours ago\)/)
    expect(out).toMatch(/OK +proxy: JAGA_TRUST_PROXY=1/)
    expect(out).toMatch(/OK +disk: 50 GB free of 100 GB/)
    expect(code).toBe(0)
  })

  it('notes that a trusted proxy header can be forged when Jaga listens on every interface, without failing', async () => {
    const { code, out } = await doctor({ ...dbEnv, ...GOOD, HOST: '0.0.0.0' })
    expect(out).toMatch(/NOTE +proxy: JAGA_TRUST_PROXY is set but Jaga listens on every interface/)
    expect(code).toBe(0)
  })

  it('reports a bad setting, a missing SQLite file and pending migrations', async () => {
    const bad = await doctor({ ...dbEnv, JAGA_TRUST_PROXY: 'yes', LANG: 'C' })
    expect(bad.code).toBe(1)
    expect(bad.out).toMatch(/FIX +configuration: JAGA_TRUST_PROXY must be/)
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'jaga-doctor-empty-'))
    const missing = await doctor({ ...GOOD, JAGA_DATA_DIR: empty })
    expect(missing.out).toMatch(/FIX +database: there is no SQLite file at .*jaga\.sqlite/)
    expect(fs.readdirSync(empty)).toEqual([]) // the doctor creates nothing
    // A database file that no migration has touched yet.
    const Database = (await import('better-sqlite3')).default
    new Database(path.join(empty, 'jaga.sqlite')).close()
    const pending = await doctor({ ...GOOD, JAGA_DATA_DIR: empty })
    expect(pending.out).toMatch(/FIX +migrations: \d+ are not applied yet \(the first: 2026-11-27-01-accounts\)\. Run jaga migrate/)
  })

  it('runs as jaga doctor and is listed in the help', async () => {
    const stdout = new PassThrough()
    let out = ''
    stdout.on('data', (d) => (out += d))
    const code = await run(['doctor'], { stdin: Readable.from(['']), stdout, stderr: new PassThrough(), env: { ...dbEnv, LANG: 'C' } })
    expect(out).toContain('jaga doctor: checking this installation')
    expect(code).toBe(1) // no public address set
    let help = ''
    const helpOut = new PassThrough()
    helpOut.on('data', (d) => (help += d))
    await run(['--help'], { stdin: Readable.from(['']), stdout: helpOut, stderr: new PassThrough(), env: {} })
    expect(help).toContain('jaga doctor ')
  })
})
