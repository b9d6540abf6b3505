import type { Kysely } from 'kysely'

// Participants' free-text answers are shown nowhere until a person with the referral role has read
// them: one row per answer looked at, 'released' (shown in results) or 'flagged' (moved to the
// disclosures, its words removed from the submission). No row means the answer is still waiting.
// The row never holds the text itself.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('free_text_reviews')
    .addColumn('submission_id', 'varchar(36)', (c) => c.notNull().references('submissions.id').onDelete('cascade'))
    .addColumn('item_id', 'varchar(32)', (c) => c.notNull())
    .addColumn('session_id', 'varchar(36)', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('reviewed_by', 'varchar(36)', (c) => c.references('users.id'))
    .addColumn('reviewed_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('free_text_reviews_pk', ['submission_id', 'item_id'])
    .execute()
  await db.schema.createIndex('free_text_reviews_session').on('free_text_reviews').column('session_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('free_text_reviews').execute()
}
