import type { Db } from '../database.ts'

/** An API token as people may see it: never the secret, nor its hash. */
export interface ApiTokenInfo {
  id: string
  label: string
  createdAt: string
  lastUsedAt: string | null
  expiresAt: string | null
  revokedAt: string | null
}

const INFO_COLUMNS = ['id', 'label', 'createdAt', 'lastUsedAt', 'expiresAt', 'revokedAt'] as const

export async function insertApiToken(db: Db, t: { id: string; userId: string; tokenHash: string; label: string; now: string; expiresAt: string | null }): Promise<void> {
  await db
    .insertInto('apiTokens')
    .values({ id: t.id, userId: t.userId, tokenHash: t.tokenHash, label: t.label, createdAt: t.now, lastUsedAt: null, revokedAt: null, expiresAt: t.expiresAt })
    .execute()
}

/** The token's owner, if the token is not revoked and its owner is active; expiry is the caller's to judge. */
export async function findApiTokenUser(db: Db, tokenHash: string) {
  return db
    .selectFrom('apiTokens as t')
    .innerJoin('users as u', 'u.id', 't.userId')
    .select(['t.id as tokenId', 't.lastUsedAt', 't.expiresAt', 'u.id', 'u.email', 'u.displayName', 'u.role', 'u.status'])
    .where('t.tokenHash', '=', tokenHash)
    .where('t.revokedAt', 'is', null)
    .where('u.status', '=', 'active')
    .executeTakeFirst()
}

/** Sets last-used unless another request (or app server) already did so since `notBefore`. */
export async function touchApiToken(db: Db, tokenId: string, now: string, notBefore: string): Promise<void> {
  await db
    .updateTable('apiTokens')
    .set({ lastUsedAt: now })
    .where('id', '=', tokenId)
    .where((eb) => eb.or([eb('lastUsedAt', 'is', null), eb('lastUsedAt', '<', notBefore)]))
    .execute()
}

/** A user's tokens, newest first. */
export async function listApiTokensOfUser(db: Db, userId: string): Promise<ApiTokenInfo[]> {
  return db.selectFrom('apiTokens').select(INFO_COLUMNS).where('userId', '=', userId).orderBy('createdAt', 'desc').orderBy('id').execute()
}

export async function findApiToken(db: Db, tokenId: string) {
  return db
    .selectFrom('apiTokens as t')
    .innerJoin('users as u', 'u.id', 't.userId')
    .select(['t.id', 't.label', 't.userId', 't.revokedAt', 'u.email'])
    .where('t.id', '=', tokenId)
    .executeTakeFirst()
}

export async function revokeApiTokenById(db: Db, tokenId: string, now: string): Promise<void> {
  await db.updateTable('apiTokens').set({ revokedAt: now }).where('id', '=', tokenId).where('revokedAt', 'is', null).execute()
}

/** Revokes every token of the user still in force; returns how many. */
export async function revokeApiTokensOfUser(db: Db, userId: string, now: string): Promise<number> {
  const result = await db.updateTable('apiTokens').set({ revokedAt: now }).where('userId', '=', userId).where('revokedAt', 'is', null).executeTakeFirst()
  return Number(result.numUpdatedRows)
}
