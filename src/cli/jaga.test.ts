import { execFileSync, spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runJaga, useCliDatabase } from '../../test/jaga-cli.ts'
import { loadConfig } from '../config.ts'
import { openMigratedStore } from '../store.ts'

const ROOT = path.resolve(import.meta.dirname, '../..')
const cli = useCliDatabase()

const jaga = (args: string[], stdin = '') => runJaga(args, cli.env, stdin)

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
      const store = await openMigratedStore(loadConfig(cli.env))
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

  it('lists a user’s tokens without their secrets, revokes one by id, and makes one that expires', async () => {
    await jaga(['user', 'create', '--email', 'tokens@example.org', '--role', 'coordinator'], 'sebuah kata sandi panjang\n')
    const plain = (await jaga(['token', 'create', '--email', 'tokens@example.org', '--label', 'laporan mingguan'])).out.trim()
    const expiring = await jaga(['token', 'create', '--email', 'tokens@example.org', '--label', 'for one month', '--expires-in-days', '30'])
    expect(expiring.code).toBe(0)
    const list = await jaga(['token', 'list', '--email', 'Tokens@Example.org'])
    expect(list.code).toBe(0)
    const lines = list.out.trim().split('\n')
    expect(lines[0]).toMatch(/^id\s+label\s+created\s+last used\s+expires\s+revoked\s+status$/)
    expect(lines).toHaveLength(3)
    expect(list.out).not.toContain(plain)
    expect(list.out).not.toContain(expiring.out.trim())
    const month = lines.find((l) => l.includes('for one month'))!
    const in30Days = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString().slice(0, 10)
    expect(month).toContain(in30Days)
    expect(month).toMatch(/active$/)
    const weekly = lines.find((l) => l.includes('laporan mingguan'))!
    const id = weekly.split(/\s+/)[0]!
    expect(id).toMatch(/^[0-9a-f-]{36}$/)

    const revoked = await jaga(['token', 'revoke', id])
    expect(revoked.code).toBe(0)
    expect(revoked.out).toContain(`revoked API token ${id}`)
    expect((await jaga(['token', 'list', '--email', 'tokens@example.org'])).out.split('\n').find((l) => l.startsWith(id))).toMatch(/revoked$/)

    expect((await jaga(['token', 'revoke', 'not-an-id'])).code).toBe(2)
    const unknown = await jaga(['token', 'revoke', '5b1f0d1e-8f55-4f5e-9a8e-0d6f1b0c9a11'])
    expect(unknown.code).toBe(1)
    expect(unknown.err).toContain('There is no such API token on this account.')
    const badDays = await jaga(['token', 'create', '--email', 'tokens@example.org', '--expires-in-days', '0'])
    expect(badDays.code).toBe(1)
    expect(badDays.err).toContain('expiresInDays: The validity must be a whole number of days from 1 to 3650.')
    expect((await jaga(['token', 'list', '--email', 'nobody@example.org'])).err).toContain('There is no user with that email.')
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
      env: { ...process.env, ...cli.env },
      encoding: 'utf8',
    })
    expect(created.stderr).toBe('')
    expect(created.status).toBe(0)
    expect(created.stdout).toContain('created facilitator bin@example.org')
  })
})
