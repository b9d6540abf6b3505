import crypto from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database, Db } from '../database.ts'
import { validate } from '../platform/http/forms.ts'
import { Problem } from '../platform/http/problems.ts'
import * as tq from './api-token-queries.ts'
import { insertAuditEntry, type Actor } from './audit-queries.ts'
import type { CurrentUser } from './login-sessions.ts'
import { newSecret, sha256 } from './secrets.ts'
import { API_TOKEN_STATUSES, apiTokenInput, type ApiTokenInput } from './user-form.ts'
import { findUserByEmail } from './user-queries.ts'

export type ApiTokenStatus = (typeof API_TOKEN_STATUSES)[number]
export type ApiTokenView = tq.ApiTokenInfo & { status: ApiTokenStatus }

const DAY_MS = 24 * 3600 * 1000
// Last-used is a write on the API's hot path: at most once a minute per token is precise enough.
export const TOKEN_TOUCH_EVERY_MS = 60 * 1000

export function tokenStatus(t: Pick<tq.ApiTokenInfo, 'expiresAt' | 'revokedAt'>, now = new Date()): ApiTokenStatus {
  if (t.revokedAt) return 'revoked'
  if (t.expiresAt && Date.parse(t.expiresAt) <= now.getTime()) return 'expired'
  return 'active'
}

/** A new token for an active user, optionally expiring after a number of days; only its hash is kept. */
export async function createApiToken(db: Kysely<Database>, actor: Actor, email: string, label: string, options: Pick<ApiTokenInput, 'expiresInDays'> = {}): Promise<string> {
  const parsed = validate(apiTokenInput, { label, expiresInDays: options.expiresInDays })
  if (!parsed.ok) throw new Problem('validation', {}, Object.values(parsed.errors))
  const { expiresInDays } = parsed.data
  const token = newSecret('jaga_')
  await db.transaction().execute(async (trx) => {
    const user = await findUserByEmail(trx, email)
    if (!user) throw new Problem('not-found', {}, [], 'account.noSuchUser')
    if (user.status !== 'active') throw new Problem('conflict', {}, [], 'account.notActive')
    const id = crypto.randomUUID()
    const now = new Date()
    const expiresAt = expiresInDays === undefined ? null : new Date(now.getTime() + expiresInDays * DAY_MS).toISOString()
    await tq.insertApiToken(trx, { id, userId: user.id, tokenHash: sha256(token), label: parsed.data.label, now: now.toISOString(), expiresAt })
    await insertAuditEntry(trx, actor, 'token.create', { type: 'api-token', id }, { email: user.email, label: parsed.data.label, expiresAt })
  })
  return token
}

export async function listApiTokens(db: Db, userId: string): Promise<ApiTokenView[]> {
  const now = new Date()
  return (await tq.listApiTokensOfUser(db, userId)).map((t) => ({ ...t, status: tokenStatus(t, now) }))
}

/** The tokens of the user with this email (the command line names people by email). */
export async function listApiTokensByEmail(db: Db, email: string): Promise<ApiTokenView[]> {
  const user = await findUserByEmail(db, email.trim())
  if (!user) throw new Problem('not-found', {}, [], 'account.noSuchUser')
  return listApiTokens(db, user.id)
}

/**
 * Revokes one token. With `ownerId`, only a token of that user (the owner's own page, or the user an
 * admin is looking at); any other id is "not found", so ids of other people's tokens are not confirmed.
 * Revoking a revoked token changes nothing.
 */
export async function revokeApiToken(db: Kysely<Database>, actor: Actor, tokenId: string, ownerId?: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const token = await tq.findApiToken(trx, tokenId)
    if (!token || (ownerId !== undefined && token.userId !== ownerId)) throw new Problem('not-found', {}, [], 'account.noSuchToken')
    if (token.revokedAt) return
    await tq.revokeApiTokenById(trx, token.id, new Date().toISOString())
    await insertAuditEntry(trx, actor, 'token.revoke', { type: 'api-token', id: token.id }, { email: token.email, label: token.label })
  })
}

export type ResolvedToken = { ok: true; user: CurrentUser } | { ok: false; reason: 'unknown' | 'expired' }

/** The user behind a bearer token: unknown, revoked and deactivated owners alike are "unknown". */
export async function resolveApiToken(db: Kysely<Database>, token: string): Promise<ResolvedToken> {
  const row = await tq.findApiTokenUser(db, sha256(token))
  if (!row) return { ok: false, reason: 'unknown' }
  const now = Date.now()
  if (row.expiresAt && Date.parse(row.expiresAt) <= now) return { ok: false, reason: 'expired' }
  if (!row.lastUsedAt || now - Date.parse(row.lastUsedAt) >= TOKEN_TOUCH_EVERY_MS) {
    await tq.touchApiToken(db, row.tokenId, new Date(now).toISOString(), new Date(now - TOKEN_TOUCH_EVERY_MS).toISOString())
  }
  return { ok: true, user: { id: row.id, email: row.email, displayName: row.displayName, role: row.role } }
}
