import { sql, type Kysely } from 'kysely'

// A questionnaire version built or imported in Jaga is "not yet checked" until someone other than its
// author (programme.edit) checks it; links may still be handed out, with a warning. checked_by is null
// with checked_at set for a version that came with a release. Versions of shipped questionnaires that
// nobody edited count as checked; every other existing version waits for a check. No foreign key on
// checked_by: SQLite cannot drop a column that has one, and users are never deleted (they are disabled).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('questionnaire_versions').addColumn('checked_by', 'varchar(36)').execute()
  await db.schema.alterTable('questionnaire_versions').addColumn('checked_at', 'varchar(32)').execute()
  await db.schema.alterTable('questionnaire_versions').addColumn('check_note', 'varchar(500)').execute()
  await sql`update questionnaire_versions set checked_at = created_at
    where created_by is null and questionnaire_id in (select id from questionnaires where origin = 'shipped')`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('questionnaire_versions').dropColumn('check_note').execute()
  await db.schema.alterTable('questionnaire_versions').dropColumn('checked_at').execute()
  await db.schema.alterTable('questionnaire_versions').dropColumn('checked_by').execute()
}
