import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('areas')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('parent_id', 'varchar(36)', (c) => c.references('areas.id'))
    .addColumn('level', 'varchar(20)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('name', 'varchar(120)', (c) => c.notNull())
    .addColumn('kemendagri_code', 'varchar(20)', (c) => c.unique())
    .addColumn('bps_code', 'varchar(20)', (c) => c.unique())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('areas_parent_idx').on('areas').column('parent_id').execute()
  // Names are unique among siblings, compared case-insensitively by the application.
  await db.schema.createIndex('areas_parent_name_idx').on('areas').columns(['parent_id', 'name']).unique().execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('areas').execute()
}
