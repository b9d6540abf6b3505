import type { Kysely } from 'kysely'

// The items the skip logic hid from a submission, decided once when its answers were checked (JSON
// array of item ids; '[]' when none). Working it out again later from the stored answers could differ:
// today() on another day, a relevance cycle, or an answer routed to help or blanked. Null: a row from
// before this column, when the results still work it out again (older questionnaires had no logic).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('submissions').addColumn('hidden_items', 'text').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('submissions').dropColumn('hidden_items').execute()
}
