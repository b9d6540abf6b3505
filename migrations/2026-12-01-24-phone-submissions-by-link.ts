import type { Kysely } from 'kysely'

// Every phone submission asks how many phone answers its link took in the last 10 minutes (the flood
// hold). With (link_id, received_at) alone each counted row was a table lookup for its source, so a
// busy link made every request slower than the one before; this index answers from the index alone.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('submissions_link_source_received_idx').on('submissions').columns(['link_id', 'source', 'received_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('submissions_link_source_received_idx').execute()
}
