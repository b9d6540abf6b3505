import { describe, expect, it } from 'vitest'
import { runJaga, useCliDatabase } from '../../test/jaga-cli.ts'
import { verifyPassword } from '../accounts/secrets.ts'
import { loadConfig } from '../config.ts'
import { openMigratedStore } from '../store.ts'

const cli = useCliDatabase()

const jaga = (args: string[]) => runJaga(args, cli.env)

/** email → password, from the lines the command prints. */
const accountsIn = (out: string) => new Map([...out.matchAll(/^\s+(coordinator|facilitator|partner)\s+(\S+@demo\.jaga\.example)\s+(\S+)$/gm)].map((m) => [m[2]!, m[3]!]))

async function storedHash(email: string): Promise<string | null> {
  const store = await openMigratedStore(loadConfig(cli.env))
  try {
    return (await store.db.selectFrom('users').select('passwordHash').where('email', '=', email).executeTakeFirstOrThrow()).passwordHash
  } finally {
    await store.db.destroy()
  }
}

describe('jaga demo accounts', () => {
  it('says there is no demo before one is loaded', async () => {
    const r = await jaga(['demo', 'accounts'])
    expect(r.code).toBe(0)
    expect(r.out).toContain('no demo data was loaded (load it with: jaga demo load)')
  })

  it('prints the demo accounts again with new passwords that work, and the old ones stop working', async () => {
    const loaded = accountsIn((await jaga(['demo', 'load'])).out)
    expect(loaded.size).toBe(4)
    const again = await jaga(['demo', 'accounts'])
    expect(again.code).toBe(0)
    expect(again.out).toContain('demo accounts with new passwords')
    const renewed = accountsIn(again.out)
    expect([...renewed.keys()].sort()).toEqual([...loaded.keys()].sort())
    expect(again.out.indexOf('coordinator')).toBeLessThan(again.out.indexOf('partner '))
    for (const [email, password] of renewed) {
      expect(password).not.toBe(loaded.get(email))
      const hash = await storedHash(email)
      expect(await verifyPassword(password, hash), email).toBe(true)
      expect(await verifyPassword(loaded.get(email)!, hash), email).toBe(false)
    }
    expect((await jaga(['--help'])).out).toContain('jaga demo accounts')
    await jaga(['demo', 'remove'])
  })
})
