import type { Kysely } from 'kysely'

// A round's link may open and close at set times (issue 13: "open the before-form from one hour
// before the session"). UTC instants as ISO text, like every other time in these tables; null means
// open from the start and until staff close it by hand (closed_at).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('collection_links').addColumn('opens_at', 'varchar(32)').execute()
  await db.schema.alterTable('collection_links').addColumn('closes_at', 'varchar(32)').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('collection_links').dropColumn('closes_at').execute()
  await db.schema.alterTable('collection_links').dropColumn('opens_at').execute()
}
