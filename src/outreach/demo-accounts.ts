import crypto from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../database.ts'
import { insertAuditEntry } from '../accounts/audit-queries.ts'
import { hashPassword } from '../accounts/secrets.ts'
import { deleteLoginSessionsOfUser, updateUser } from '../accounts/user-queries.ts'
import type { DemoAccount } from './demo.ts'

const ROLE_ORDER = ['coordinator', 'facilitator', 'partner']

/**
 * Gives every demo account a fresh random password (the ones `jaga demo load` printed are not stored
 * anywhere to show again) and signs them out everywhere; returns them to print once. Only accounts
 * the demo made (demo_records) are touched; none when no demo is loaded.
 */
export async function renewDemoPasswords(db: Kysely<Database>): Promise<DemoAccount[]> {
  const users = await db
    .selectFrom('demoRecords as d')
    .innerJoin('users as u', 'u.id', 'd.recordId')
    .select(['u.id', 'u.email', 'u.role', 'u.createdAt'])
    .where('d.kind', '=', 'user')
    .where('u.status', '!=', 'deactivated')
    .execute()
  users.sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || a.createdAt.localeCompare(b.createdAt) || a.email.localeCompare(b.email))
  const fresh = await Promise.all(users.map(async (u) => ({ user: u, password: crypto.randomBytes(9).toString('base64url') })))
  const hashes = await Promise.all(fresh.map((f) => hashPassword(f.password)))
  await db.transaction().execute(async (trx) => {
    for (const [i, { user }] of fresh.entries()) {
      await updateUser(trx, user.id, { passwordHash: hashes[i]!, status: 'active' })
      const sessionsEnded = await deleteLoginSessionsOfUser(trx, user.id)
      await insertAuditEntry(trx, { id: null, label: 'demo' }, 'user.set-password', { type: 'user', id: user.id }, { sessionsEnded })
    }
  })
  return fresh.map(({ user, password }) => ({ email: user.email, role: user.role, password }))
}
