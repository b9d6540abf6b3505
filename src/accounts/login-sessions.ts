import crypto from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../database.ts'
import { Problem } from '../platform/http/problems.ts'
import { insertAuditEntry } from './audit-queries.ts'
import type { Role } from './permissions.ts'
import { newSecret, sha256, verifyPassword } from './secrets.ts'
import * as q from './user-queries.ts'

export interface CurrentUser {
  id: string
  email: string
  displayName: string
  role: Role
}

export const IDLE_LIFETIME_MS = 7 * 24 * 3600 * 1000
// Writing last-seen on every request would turn every page view into a write; once an hour is enough.
const TOUCH_EVERY_MS = 3600 * 1000

export const FAILURE_WINDOW_MS = 15 * 60 * 1000
export const MAX_FAILURES_PER_EMAIL = 5
export const MAX_FAILURES_PER_IP = 30

export type SignInResult = { ok: true; token: string; user: CurrentUser } | { ok: false }

/**
 * Checks a password. Failed attempts are counted in the database (so every app server sees them):
 * 5 for one email, or 30 from one address, within 15 minutes, and further attempts are refused
 * until the oldest failure leaves the window.
 */
export async function signIn(db: Kysely<Database>, input: { email: string; password: string; ip: string }): Promise<SignInResult> {
  const now = Date.now()
  const since = new Date(now - FAILURE_WINDOW_MS).toISOString()
  const byEmail = await q.countSignInFailures(db, { email: input.email }, since)
  const byIp = await q.countSignInFailures(db, { ip: input.ip }, since)
  const blocking = byEmail.count >= MAX_FAILURES_PER_EMAIL ? byEmail : byIp.count >= MAX_FAILURES_PER_IP ? byIp : null
  if (blocking?.oldest) {
    const minutes = Math.max(1, Math.ceil((Date.parse(blocking.oldest) + FAILURE_WINDOW_MS - now) / 60000))
    throw new Problem('rate-limited', { minutes }, [], undefined, { 'Retry-After': String(minutes * 60) })
  }

  const user = await q.findUserByEmail(db, input.email)
  const passwordOk = await verifyPassword(input.password, user?.passwordHash ?? null)
  if (!user || !passwordOk || user.status !== 'active') {
    await q.insertSignInFailure(db, { id: crypto.randomUUID(), email: input.email, ip: input.ip, at: new Date(now).toISOString() })
    await q.deleteSignInFailuresBefore(db, new Date(now - 24 * 3600 * 1000).toISOString())
    return { ok: false }
  }

  const token = newSecret()
  await db.transaction().execute(async (trx) => {
    await q.deleteSignInFailures(trx, input.email)
    const at = new Date(now).toISOString()
    await q.insertLoginSession(trx, { id: sha256(token), userId: user.id, now: at, expiresAt: new Date(now + IDLE_LIFETIME_MS).toISOString() })
    await insertAuditEntry(trx, { id: user.id, label: user.email }, 'login.sign-in', { type: 'user', id: user.id }, {})
  })
  return { ok: true, token, user: { id: user.id, email: user.email, displayName: user.displayName, role: user.role } }
}

export async function signOut(db: Kysely<Database>, token: string, user: CurrentUser): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await q.deleteLoginSession(trx, sha256(token))
    await insertAuditEntry(trx, { id: user.id, label: user.email }, 'login.sign-out', { type: 'user', id: user.id }, {})
  })
}

/** The user behind a login-session cookie, extending the session while it is used. */
export async function resolveLoginSession(db: Kysely<Database>, token: string): Promise<CurrentUser | undefined> {
  const now = Date.now()
  const id = sha256(token)
  const row = await q.findLoginSessionUser(db, id, new Date(now).toISOString())
  if (!row) return undefined
  if (now - Date.parse(row.lastSeenAt) > TOUCH_EVERY_MS) {
    await q.touchLoginSession(db, id, new Date(now).toISOString(), new Date(now + IDLE_LIFETIME_MS).toISOString())
  }
  return { id: row.id, email: row.email, displayName: row.displayName, role: row.role }
}
