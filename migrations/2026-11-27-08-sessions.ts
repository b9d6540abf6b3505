import type { Kysely } from 'kysely'

// Outreach sessions of a programme and their attendance. Attendance is counts by group × gender ×
// age band only: Jaga never stores a participant's name.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sessions')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('programme_id', 'varchar(36)', (c) => c.notNull().references('programmes.id'))
    .addColumn('title', 'varchar(160)', (c) => c.notNull())
    .addColumn('format', 'varchar(20)', (c) => c.notNull())
    .addColumn('area_id', 'varchar(36)', (c) => c.notNull().references('areas.id'))
    .addColumn('venue', 'varchar(300)')
    .addColumn('online_link', 'varchar(500)')
    // Local wall-clock time in the deployment's time zone, YYYY-MM-DDTHH:MM (sorts as text).
    .addColumn('starts_at', 'varchar(16)', (c) => c.notNull())
    .addColumn('ends_at', 'varchar(16)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('cancel_reason', 'varchar(500)')
    .addColumn('notes', 'varchar(2000)')
    .addColumn('follow_ups', 'varchar(2000)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('sessions_programme_idx').on('sessions').columns(['programme_id', 'starts_at']).execute()
  await db.schema.createIndex('sessions_area_idx').on('sessions').columns(['area_id', 'starts_at']).execute()
  const link = async (table: string, column: string, references: string) =>
    db.schema
      .createTable(table)
      .addColumn('session_id', 'varchar(36)', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
      .addColumn(column, 'varchar(60)', (c) => (references ? c.notNull().references(references) : c.notNull()))
      .addPrimaryKeyConstraint(`${table}_pk`, ['session_id', column])
      .execute()
  await link('session_audiences', 'group_kind', '')
  await link('session_facilitators', 'user_id', 'users.id')
  await link('session_partners', 'partner_id', 'partners.id')
  // A library page key, or brochure:<audience> / kit:<key>; not a foreign key, as content lives in files.
  await link('session_materials', 'material', '')
  await db.schema.createIndex('session_facilitators_user_idx').on('session_facilitators').column('user_id').execute()
  await db.schema
    .createTable('attendance')
    .addColumn('session_id', 'varchar(36)', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('group_kind', 'varchar(30)', (c) => c.notNull())
    .addColumn('gender', 'varchar(10)', (c) => c.notNull())
    .addColumn('age_band', 'varchar(10)', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('attendance_pk', ['session_id', 'group_kind', 'gender', 'age_band'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['attendance', 'session_materials', 'session_partners', 'session_facilitators', 'session_audiences', 'sessions']) await db.schema.dropTable(t).execute()
}
