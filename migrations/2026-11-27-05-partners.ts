import type { Kysely } from 'kysely'

// Partner institutions of a programme. The contact person is staff data (never a participant's)
// and is shown only to roles with partner.view.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('partners')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(160)', (c) => c.notNull())
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('area_id', 'varchar(36)', (c) => c.references('areas.id'))
    .addColumn('contact_name', 'varchar(120)')
    .addColumn('contact_phone', 'varchar(30)')
    .addColumn('contact_email', 'varchar(254)')
    .addColumn('mou_start', 'varchar(10)')
    .addColumn('mou_end', 'varchar(10)')
    .addColumn('roles', 'varchar(500)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('partners_name_idx').on('partners').column('name').unique().execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('partners').execute()
}
