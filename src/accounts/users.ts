import crypto from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database, Db } from '../database.ts'
import { Problem } from '../platform/http/problems.ts'
import { validate } from '../platform/http/forms.ts'
import { insertAuditEntry, type Actor } from './audit-queries.ts'
import { hashPassword, newSecret, sha256 } from './secrets.ts'
import { createUserInput, type CreateUserInput, type InviteInput } from './user-form.ts'
import * as q from './user-queries.ts'
import { forgetTrustedDevices } from './sign-in-queries.ts'
import { revokeApiTokensOfUser } from './api-token-queries.ts'
import type { Role } from './permissions.ts'

// Token use cases live in api-tokens.ts; many callers know this one here.
export { createApiToken } from './api-tokens.ts'

export const INVITE_LIFETIME_MS = 7 * 24 * 3600 * 1000
export const RESET_LIFETIME_MS = 24 * 3600 * 1000

const fieldProblem = (field: string, message: string) => new Problem('validation', {}, [{ field, message }])

/** Creates an active user with a password (the command line's way to make the first admin). */
export async function createUser(db: Kysely<Database>, actor: Actor, input: CreateUserInput): Promise<q.PublicUser> {
  const parsed = validate(createUserInput, input)
  if (!parsed.ok) throw new Problem('validation', {}, Object.values(parsed.errors))
  const { email, role, password } = parsed.data
  const now = new Date().toISOString()
  const user: q.User = {
    id: crypto.randomUUID(),
    email,
    displayName: parsed.data.displayName ?? email.split('@')[0]!,
    role,
    status: 'active',
    passwordHash: await hashPassword(password),
    createdAt: now,
    updatedAt: now,
  }
  await db.transaction().execute(async (trx) => {
    if (await q.findUserByEmail(trx, email)) throw fieldProblem('email', 'account.emailTaken')
    await q.insertUser(trx, user)
    await insertAuditEntry(trx, actor, 'user.create', { type: 'user', id: user.id }, { email, role })
  })
  const { passwordHash: _, ...pub } = user
  return pub
}

/** Creates an invited user and the one-time link with which they choose a password. */
export async function inviteUser(db: Kysely<Database>, actor: Actor, input: InviteInput): Promise<{ user: q.PublicUser; token: string }> {
  const now = new Date()
  const user: q.PublicUser = {
    id: crypto.randomUUID(),
    email: input.email,
    displayName: input.displayName,
    role: input.role,
    status: 'invited',
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  }
  const token = newSecret()
  await db.transaction().execute(async (trx) => {
    if (await q.findUserByEmail(trx, input.email)) throw fieldProblem('email', 'account.emailTaken')
    await q.insertUser(trx, { ...user, passwordHash: null })
    await q.insertAccessLink(trx, accessLink(token, user.id, 'invite', actor, now, INVITE_LIFETIME_MS))
    await insertAuditEntry(trx, actor, 'user.invite', { type: 'user', id: user.id }, { email: user.email, role: user.role })
  })
  return { user, token }
}

/** A new one-time link to choose a password; older unused links of that user stop working. */
export async function createPasswordLink(db: Kysely<Database>, actor: Actor, userId: string): Promise<{ user: q.PublicUser; token: string }> {
  const now = new Date()
  const token = newSecret()
  const user = await db.transaction().execute(async (trx) => {
    const user = await getUser(trx, userId)
    if (user.status === 'deactivated') throw new Problem('conflict', {}, [], 'account.deactivatedNoLink')
    const purpose = user.status === 'invited' ? 'invite' : 'reset'
    await q.expireAccessLinksOfUser(trx, user.id, now.toISOString())
    const lifetime = purpose === 'invite' ? INVITE_LIFETIME_MS : RESET_LIFETIME_MS
    await q.insertAccessLink(trx, accessLink(token, user.id, purpose, actor, now, lifetime))
    // An admin resets a password when it is forgotten or may be known to someone else: whatever was
    // opened with the old one (browsers, API tokens) stops working now, not when the link is used.
    const ended = purpose === 'reset' ? await endAccessOf(trx, user.id, now.toISOString()) : {}
    await insertAuditEntry(trx, actor, purpose === 'invite' ? 'user.reinvite' : 'user.reset-password', { type: 'user', id: user.id }, { email: user.email, ...ended })
    return user
  })
  return { user, token }
}

export async function findAccessLink(db: Db, token: string) {
  return q.findUsableAccessLink(db, sha256(token), new Date().toISOString())
}

/** Sets the password chosen through a link, activates the account and ends its other login sessions. */
export async function usePasswordLink(db: Kysely<Database>, token: string, password: string): Promise<q.PublicUser> {
  const hash = await hashPassword(password)
  return db.transaction().execute(async (trx) => {
    const now = new Date().toISOString()
    const link = await q.findUsableAccessLink(trx, sha256(token), now)
    if (!link) throw new Problem('not-found', {}, [], 'account.linkInvalid')
    await q.markAccessLinkUsed(trx, link.id, now)
    await q.updateUser(trx, link.userId, { passwordHash: hash, status: 'active' })
    const ended = await endAccessOf(trx, link.userId, now)
    await insertAuditEntry(trx, { id: link.userId, label: link.email }, link.purpose === 'invite' ? 'user.accept-invite' : 'user.set-password', { type: 'user', id: link.userId }, ended)
    return getUser(trx, link.userId)
  })
}

/**
 * Ends every login session, revokes every API token and forgets every trusted browser of a user (so a
 * stolen phone that signed in before is throttled like a stranger's); the counts go to the audit entry.
 */
async function endAccessOf(db: Db, userId: string, now: string): Promise<{ sessionsEnded: number; tokensRevoked: number; devicesForgotten: number }> {
  const user = await getUser(db, userId)
  return { sessionsEnded: await q.deleteLoginSessionsOfUser(db, userId), tokensRevoked: await revokeApiTokensOfUser(db, userId, now), devicesForgotten: await forgetTrustedDevices(db, user.email) }
}

/** Refuses a change that would take away the last active admin (no one could manage users any more). */
async function assertNotLastAdmin(db: Db, user: q.PublicUser, field: 'role' | 'status'): Promise<void> {
  if (user.role !== 'admin' || user.status !== 'active') return
  if ((await q.lockActiveAdmins(db)) <= 1) throw fieldProblem(field, 'account.lastAdmin')
}

export async function changeRole(db: Kysely<Database>, actor: Actor, userId: string, role: Role): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const user = await getUser(trx, userId)
    if (user.role === role) return
    if (role !== 'admin') await assertNotLastAdmin(trx, user, 'role')
    await q.updateUser(trx, userId, { role })
    await insertAuditEntry(trx, actor, 'user.change-role', { type: 'user', id: userId }, { email: user.email, role: [user.role, role] })
  })
}

export async function deactivateUser(db: Kysely<Database>, actor: Actor, userId: string): Promise<void> {
  if (actor.id === userId) throw fieldProblem('status', 'account.cannotDeactivateSelf')
  await db.transaction().execute(async (trx) => {
    const user = await getUser(trx, userId)
    if (user.status === 'deactivated') return
    await assertNotLastAdmin(trx, user, 'status')
    const now = new Date().toISOString()
    await q.updateUser(trx, userId, { status: 'deactivated' })
    await endAccessOf(trx, userId, now)
    await q.expireAccessLinksOfUser(trx, userId, now)
    await insertAuditEntry(trx, actor, 'user.deactivate', { type: 'user', id: userId }, { email: user.email, status: [user.status, 'deactivated'] })
  })
}

export async function reactivateUser(db: Kysely<Database>, actor: Actor, userId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select(['email', 'status', 'passwordHash']).where('id', '=', userId).executeTakeFirst()
    if (!user) throw new Problem('not-found')
    if (user.status !== 'deactivated') return
    // Without a password the person still has to accept an invitation.
    const status = user.passwordHash ? 'active' : 'invited'
    await q.updateUser(trx, userId, { status })
    await insertAuditEntry(trx, actor, 'user.reactivate', { type: 'user', id: userId }, { email: user.email, status: ['deactivated', status] })
  })
}

export async function getUser(db: Db, id: string): Promise<q.PublicUser> {
  const user = await q.findUserById(db, id)
  if (!user) throw new Problem('not-found')
  return user
}

function accessLink(token: string, userId: string, purpose: 'invite' | 'reset', actor: Actor, now: Date, lifetimeMs: number) {
  return {
    id: sha256(token),
    userId,
    purpose,
    createdBy: actor.id,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + lifetimeMs).toISOString(),
    usedAt: null,
  }
}
