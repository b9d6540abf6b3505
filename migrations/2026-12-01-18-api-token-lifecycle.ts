import type { Kysely } from 'kysely'

// API tokens get an optional expiry; last_used_at and revoked_at were already there (2026-11-27-01),
// but nothing could list or revoke one token. Listing a person's tokens reads by user_id.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('api_tokens').addColumn('expires_at', 'varchar(32)').execute()
  await db.schema.createIndex('api_tokens_user_idx').on('api_tokens').column('user_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('api_tokens_user_idx').execute()
  await db.schema.alterTable('api_tokens').dropColumn('expires_at').execute()
}
