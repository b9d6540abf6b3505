import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PassThrough, Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDatabase, type TestDb } from '../../test/harness.ts'
import { run, type Io } from './jaga.ts'
import { loadConfig } from '../config.ts'
import { openMigratedStore } from '../store.ts'

const ROOT = path.resolve(import.meta.dirname, '../..')
let testDb: TestDb
let env: NodeJS.ProcessEnv

beforeAll(async () => {
  testDb = await freshDatabase()
  // SQLite runs use a real file, as the server does; PostgreSQL runs a fresh database of their own.
  env = testDb.url ? { DATABASE_URL: testDb.url, LANG: 'C' } : { JAGA_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'jaga-cli-')), LANG: 'C' }
})
afterAll(async () => {
  await testDb?.drop()
})

async function jaga(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  let out = ''
  let err = ''
  stdout.on('data', (d) => (out += d))
  stderr.on('data', (d) => (err += d))
  const io: Io = { stdin: Readable.from([stdin]), stdout, stderr, env }
  const code = await run(args, io)
  return { code, out, err }
}

describe('the jaga command', () => {
  it('loads a labelled demo once, prints its accounts, and removes it again', async () => {
    const loaded = await jaga(['demo', 'load'])
    expect(loaded.code).toBe(0)
    expect(loaded.out).toContain('loaded the demo programme "[DEMO] Jaga Medan Amplas"')
    expect(loaded.out).toMatch(/coordinator\s+koordinator@demo\.jaga\.example\s+\S{12}/)
    // Questionnaire answers in three demo sessions; they go with the sessions.
    const answers = Number(/with (\d+) made-up questionnaire answers/.exec(loaded.out)?.[1])
    expect(answers).toBeGreaterThan(50)
    // The database the command used (its own SQLite file, or the test's PostgreSQL database).
    const count = async (table: 'submissions' | 'collectionLinks') => {
      const store = await openMigratedStore(loadConfig(env))
      try {
        return Number((await store.db.selectFrom(table).select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
      } finally {
        await store.db.destroy()
      }
    }
    expect(await count('submissions')).toBe(answers)
    expect(await count('collectionLinks')).toBe(9)
    const again = await jaga(['demo', 'load'])
    expect(again.code).toBe(1)
    expect(again.err).toContain('demo data is already loaded')
    const removed = await jaga(['demo', 'remove'])
    expect(removed.code).toBe(0)
    expect(removed.out).toMatch(/removed the demo \(\d+ records/)
    expect(await count('submissions')).toBe(0)
    expect(await count('collectionLinks')).toBe(0)
    expect((await jaga(['demo', 'remove'])).out).toContain('no demo data was loaded')
  })

  it('prints help', async () => {
    const r = await jaga(['--help'])
    expect(r.code).toBe(0)
    expect(r.out).toContain('jaga user create --email E --role R')
  })

  it('migrates, then says the database is up to date', async () => {
    await jaga(['migrate'])
    const r = await jaga(['migrate'])
    expect(r.code).toBe(0)
    expect(r.out).toContain('the database is up to date')
  })

  it('creates a user with the password piped on stdin, then a token that is the last line of output', async () => {
    const created = await jaga(['user', 'create', '--email', 'Ketua@Example.org', '--role', 'admin', '--name', 'Ketua Tim'], 'sebuah kata sandi panjang\n')
    expect(created.code).toBe(0)
    expect(created.out).toMatch(/created admin ketua@example\.org/)
    const token = await jaga(['token', 'create', '--email', 'ketua@example.org'])
    expect(token.code).toBe(0)
    const last = token.out.trim().split('\n').at(-1)!
    expect(last).toMatch(/^jaga_[\w-]{43}$/)
  })

  it('explains bad input with exit codes: 2 for usage, 1 for refused data', async () => {
    const noRole = await jaga(['user', 'create', '--email', 'a@example.org', '--role', 'boss'])
    expect(noRole.code).toBe(2)
    expect(noRole.err).toContain('--role must be one of: admin, coordinator, facilitator, partner')
    const short = await jaga(['user', 'create', '--email', 'b@example.org', '--role', 'partner'], 'short\n')
    expect(short.code).toBe(1)
    expect(short.err).toContain('password: The password needs at least 10 characters.')
    const twice = await jaga(['user', 'create', '--email', 'ketua@example.org', '--role', 'partner'], 'another long password\n')
    expect(twice.code).toBe(1)
    expect(twice.err).toContain('email: A user with this email already exists.')
    const nobody = await jaga(['token', 'create', '--email', 'nobody@example.org'])
    expect(nobody.code).toBe(1)
    expect(nobody.err).toContain('There is no user with that email.')
    const unknown = await jaga(['frobnicate'])
    expect(unknown.code).toBe(2)
  })

  it('works as the installed npx jaga binary', () => {
    const help = execFileSync(process.execPath, [path.join(ROOT, 'bin/jaga.js'), '--help'], { encoding: 'utf8' })
    expect(help).toContain('jaga migrate')
    const created = spawnSync(process.execPath, [path.join(ROOT, 'bin/jaga.js'), 'user', 'create', '--email', 'bin@example.org', '--role', 'facilitator'], {
      input: 'piped password here\n',
      env: { ...process.env, ...env },
      encoding: 'utf8',
    })
    expect(created.stderr).toBe('')
    expect(created.status).toBe(0)
    expect(created.stdout).toContain('created facilitator bin@example.org')
  })
})
