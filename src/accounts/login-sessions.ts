import crypto from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../database.ts'
import { Problem } from '../platform/http/problems.ts'
import { insertAuditEntry } from './audit-queries.ts'
import type { Role } from './permissions.ts'
import { newSecret, sha256, verifyPassword } from './secrets.ts'
import * as q from './user-queries.ts'
import * as sq from './sign-in-queries.ts'
import { addressBucket, ATTEMPT_MEMORY_MS, FREE_FAILURES, TRUSTED_DEVICE_MS, waitAfter } from './sign-in-throttle.ts'

export interface CurrentUser {
  id: string
  email: string
  displayName: string
  role: Role
}

export const IDLE_LIFETIME_MS = 7 * 24 * 3600 * 1000
/** However actively it is used, a login session ends 30 days after sign-in. */
export const ABSOLUTE_LIFETIME_MS = 30 * 24 * 3600 * 1000
// Writing last-seen on every request would turn every page view into a write; once an hour is enough.
const TOUCH_EVERY_MS = 3600 * 1000

export type SignInResult = { ok: true; token: string; user: CurrentUser; deviceToken: string } | { ok: false }

/**
 * Checks a password, slowed down by earlier failures (sign-in-throttle.ts). The attempt is written
 * before the password is checked and counts as a failure until it succeeds: parallel guesses cannot
 * race past the limit, and an attempt that crashes half-way still counts.
 */
export async function signIn(db: Kysely<Database>, input: { email: string; password: string; ip: string; deviceToken?: string }): Promise<SignInResult> {
  const now = Date.now()
  const at = new Date(now).toISOString()
  const deviceHash = input.deviceToken && /^[\w-]{43}$/.test(input.deviceToken) ? sha256(input.deviceToken) : undefined
  const device = deviceHash && (await sq.isTrustedDevice(db, deviceHash, input.email, new Date(now - TRUSTED_DEVICE_MS).toISOString())) ? deviceHash : null
  const attemptId = crypto.randomUUID()
  const ip = addressBucket(input.ip)
  await sq.insertAttempt(db, { id: attemptId, email: input.email, ip, device, at })

  const since = new Date(now - ATTEMPT_MEMORY_MS).toISOString()
  const scopes = device ? ([[{ device }, FREE_FAILURES.device]] as const) : ([[{ email: input.email, device: null }, FREE_FAILURES.email], [{ ip, device: null }, FREE_FAILURES.ip]] as const)
  let wait = 0
  for (const [scope, free] of scopes) {
    const { count, latest } = await sq.countAttempts(db, scope, since, attemptId)
    wait = Math.max(wait, waitAfter(count, latest, free, now))
  }
  if (wait > 0) {
    // A refused attempt checked nothing, so it does not lengthen the wait.
    await sq.deleteAttempt(db, attemptId)
    const seconds = Math.ceil(wait / 1000)
    throw new Problem('rate-limited', { minutes: Math.max(1, Math.ceil(seconds / 60)) }, [], undefined, { 'Retry-After': String(seconds) })
  }

  const user = await q.findUserByEmail(db, input.email)
  const passwordOk = await verifyPassword(input.password, user?.passwordHash ?? null)
  if (!user || !passwordOk || user.status !== 'active') {
    await sq.markAttemptFailed(db, attemptId)
    await sq.deleteAttemptsBefore(db, since)
    return { ok: false }
  }

  const token = newSecret()
  const deviceToken = input.deviceToken && deviceHash ? input.deviceToken : newSecret()
  await db.transaction().execute(async (trx) => {
    await sq.deleteAttempt(trx, attemptId)
    // The owner on a trusted browser clears nothing: a guesser elsewhere keeps their count.
    if (!device) await sq.deleteUntrustedFailures(trx, input.email)
    await sq.trustDevice(trx, sha256(deviceToken), input.email, at)
    await sq.deleteExpiredLoginSessions(trx, at, new Date(now - ABSOLUTE_LIFETIME_MS).toISOString())
    await q.insertLoginSession(trx, { id: sha256(token), userId: user.id, now: at, expiresAt: new Date(now + IDLE_LIFETIME_MS).toISOString() })
    await insertAuditEntry(trx, { id: user.id, label: user.email }, 'login.sign-in', { type: 'user', id: user.id }, {})
  })
  return { ok: true, token, deviceToken, user: { id: user.id, email: user.email, displayName: user.displayName, role: user.role } }
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
  const row = await q.findLoginSessionUser(db, id, new Date(now).toISOString(), new Date(now - ABSOLUTE_LIFETIME_MS).toISOString())
  if (!row) return undefined
  if (now - Date.parse(row.lastSeenAt) > TOUCH_EVERY_MS) {
    await q.touchLoginSession(db, id, new Date(now).toISOString(), new Date(now + IDLE_LIFETIME_MS).toISOString())
  }
  return { id: row.id, email: row.email, displayName: row.displayName, role: row.role }
}
