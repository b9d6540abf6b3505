import type { Kysely } from 'kysely'

// How many submissions each questionnaire link received per hour, by what became of them: the trace
// of participants' traffic that needs no personal data (no address, no browser, no answer). And an
// index so the flood check (submissions on one link in the last minutes) reads a range, not a table.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('link_submission_counts')
    .addColumn('link_id', 'varchar(36)', (c) => c.notNull().references('collection_links.id').onDelete('cascade'))
    /** The hour in UTC, 'YYYY-MM-DDTHH'. */
    .addColumn('hour', 'varchar(13)', (c) => c.notNull())
    /** accepted | duplicate | refused | held */
    .addColumn('outcome', 'varchar(10)', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('link_submission_counts_pk', ['link_id', 'hour', 'outcome'])
    .execute()
  await db.schema.createIndex('submissions_link_received_idx').on('submissions').columns(['link_id', 'received_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('submissions_link_received_idx').execute()
  await db.schema.dropTable('link_submission_counts').execute()
}
