import type { Kysely } from 'kysely'

// A partner that serves the public (a UPTD PPA, a police unit) can appear in the library's help
// directory with a public phone number and what it handles, in both languages. The staff contact
// stays private; these are separate fields the coordinator fills on purpose.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('partners').addColumn('help_phone', 'varchar(30)').execute()
  await db.schema.alterTable('partners').addColumn('help_handles_id', 'varchar(300)').execute()
  await db.schema.alterTable('partners').addColumn('help_handles_en', 'varchar(300)').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const c of ['help_phone', 'help_handles_id', 'help_handles_en']) await db.schema.alterTable('partners').dropColumn(c).execute()
}
