import crypto from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { useTestApp } from '../../../test/harness.ts'
import { isForeignKeyViolation, isUniqueViolation } from './errors.ts'

const jaga = useTestApp()

async function errorOf(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run()
  } catch (e) {
    return e
  }
  throw new Error('expected the database to refuse the write')
}

const now = new Date().toISOString()
const aUserRow = (email: string) => ({ id: crypto.randomUUID(), email, displayName: 'x', role: 'facilitator' as const, status: 'active' as const, passwordHash: null, createdAt: now, updatedAt: now })

describe('database refusals', () => {
  it('recognises a duplicate unique value, and nothing else, as a unique violation', async () => {
    await jaga.db.insertInto('users').values(aUserRow('same@example.org')).execute()
    const duplicate = await errorOf(() => jaga.db.insertInto('users').values(aUserRow('same@example.org')).execute())
    expect(isUniqueViolation(duplicate)).toBe(true)
    expect(isForeignKeyViolation(duplicate)).toBe(false)
  })

  it('recognises a row that points at nothing as a foreign-key violation', async () => {
    const dangling = await errorOf(() =>
      jaga.db.insertInto('loginSessions').values({ id: crypto.randomUUID(), userId: crypto.randomUUID(), createdAt: now, lastSeenAt: now, expiresAt: now }).execute(),
    )
    expect(isForeignKeyViolation(dangling)).toBe(true)
    expect(isUniqueViolation(dangling)).toBe(false)
  })
})
