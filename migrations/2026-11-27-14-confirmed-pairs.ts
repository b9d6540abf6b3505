import type { Kysely } from 'kysely'

// Pairs of a before and an after answer that a person matched by hand, when the codes were too alike
// to pair on their own (two candidates differing in one part).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('confirmed_pairs')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('session_id', 'varchar(36)', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('pre_id', 'varchar(36)', (c) => c.notNull().unique().references('submissions.id').onDelete('cascade'))
    .addColumn('post_id', 'varchar(36)', (c) => c.notNull().unique().references('submissions.id').onDelete('cascade'))
    .addColumn('confirmed_by', 'varchar(36)', (c) => c.references('users.id'))
    .addColumn('confirmed_at', 'varchar(32)', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('confirmed_pairs').execute()
}
