import type { Kysely } from 'kysely'

// Staff can leave an answer out of every result (a facilitator testing the link, a form sent twice
// under two codes, someone who was not a participant). The answer is kept, with who left it out, when
// and why, and can be taken back in.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('submissions').addColumn('excluded_at', 'varchar(32)').execute()
  await db.schema.alterTable('submissions').addColumn('excluded_by', 'varchar(36)').execute()
  await db.schema.alterTable('submissions').addColumn('excluded_reason', 'varchar(20)').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const c of ['excluded_at', 'excluded_by', 'excluded_reason']) await db.schema.alterTable('submissions').dropColumn(c).execute()
}
