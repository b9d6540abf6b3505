// SQL for sign-in attempts, trusted devices and the clean-up of expired login sessions.
import type { Db } from '../database.ts'

export type AttemptScope = { email: string; device: null } | { ip: string; device: null } | { device: string }

export async function insertAttempt(db: Db, a: { id: string; email: string; ip: string; device: string | null; at: string }): Promise<void> {
  await db.insertInto('signInAttempts').values({ ...a, outcome: 'pending' }).execute()
}

export async function markAttemptFailed(db: Db, id: string): Promise<void> {
  await db.updateTable('signInAttempts').set({ outcome: 'failure' }).where('id', '=', id).execute()
}

export async function deleteAttempt(db: Db, id: string): Promise<void> {
  await db.deleteFrom('signInAttempts').where('id', '=', id).execute()
}

/** Failed and still-pending attempts in one scope since a time, other than `except`: how many, and the latest. */
export async function countAttempts(db: Db, scope: AttemptScope, since: string, except: string): Promise<{ count: number; latest: string | null }> {
  let q = db
    .selectFrom('signInAttempts')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('at').as('latest')])
    .where('at', '>', since)
    .where('id', '!=', except)
  if ('email' in scope) q = q.where('email', '=', scope.email).where('device', 'is', null)
  else if ('ip' in scope) q = q.where('ip', '=', scope.ip).where('device', 'is', null)
  else q = q.where('device', '=', scope.device)
  const row = await q.executeTakeFirstOrThrow()
  return { count: Number(row.n), latest: (row.latest as string | null) ?? null }
}

/** After a successful sign-in: the failures of strangers' browsers against this email are forgotten. */
export async function deleteUntrustedFailures(db: Db, email: string): Promise<void> {
  await db.deleteFrom('signInAttempts').where('email', '=', email).where('device', 'is', null).execute()
}

export async function deleteAttemptsBefore(db: Db, before: string): Promise<void> {
  await db.deleteFrom('signInAttempts').where('at', '<', before).execute()
}

/** Whether this browser signed in to the account since `usedSince` (a device unused for long is a stranger again). */
export async function isTrustedDevice(db: Db, tokenHash: string, email: string, usedSince: string): Promise<boolean> {
  return !!(await db.selectFrom('trustedDevices').select('email').where('tokenHash', '=', tokenHash).where('email', '=', email).where('lastUsedAt', '>', usedSince).executeTakeFirst())
}

export async function forgetTrustedDevices(db: Db, email: string): Promise<number> {
  return Number((await db.deleteFrom('trustedDevices').where('email', '=', email).executeTakeFirst()).numDeletedRows)
}

export async function trustDevice(db: Db, tokenHash: string, email: string, now: string): Promise<void> {
  await db
    .insertInto('trustedDevices')
    .values({ tokenHash, email, createdAt: now, lastUsedAt: now })
    .onConflict((oc) => oc.columns(['tokenHash', 'email']).doUpdateSet({ lastUsedAt: now }))
    .execute()
}

/** Login sessions past their idle expiry or their absolute lifetime are of no use to anyone. */
export async function deleteExpiredLoginSessions(db: Db, now: string, createdBefore: string): Promise<number> {
  const result = await db.deleteFrom('loginSessions').where((w) => w.or([w('expiresAt', '<=', now), w('createdAt', '<=', createdBefore)])).executeTakeFirst()
  return Number(result.numDeletedRows)
}
