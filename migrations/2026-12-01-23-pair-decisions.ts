import type { Kysely } from 'kysely'

// A person's decision that a before and an after answer paired by tolerance (codes one part apart)
// are not the same participant. Kept like a confirmed pair, so the pair is never proposed again and
// every result, export and `jaga analyze` run leaves it apart; deleting the row undoes the decision.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rejected_pairs')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('session_id', 'varchar(36)', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('pre_id', 'varchar(36)', (c) => c.notNull().references('submissions.id').onDelete('cascade'))
    .addColumn('post_id', 'varchar(36)', (c) => c.notNull().references('submissions.id').onDelete('cascade'))
    .addColumn('rejected_by', 'varchar(36)', (c) => c.references('users.id'))
    .addColumn('rejected_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('rejected_pairs_pre_post', ['pre_id', 'post_id'])
    .execute()
  await db.schema.createIndex('rejected_pairs_session_idx').on('rejected_pairs').column('session_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rejected_pairs').execute()
}
