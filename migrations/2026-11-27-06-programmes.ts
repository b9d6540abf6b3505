import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('programmes')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(160)', (c) => c.notNull())
    .addColumn('goal', 'varchar(1000)')
    .addColumn('starts_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('ends_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('coordinator_id', 'varchar(36)', (c) => c.references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('programmes_name_idx').on('programmes').column('name').unique().execute()

  // Links to areas, facilitators and partners: deleting a linked area or partner fails on these keys.
  await db.schema
    .createTable('programme_areas')
    .addColumn('programme_id', 'varchar(36)', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('area_id', 'varchar(36)', (c) => c.notNull().references('areas.id'))
    .addPrimaryKeyConstraint('programme_areas_pk', ['programme_id', 'area_id'])
    .execute()
  await db.schema
    .createTable('programme_facilitators')
    .addColumn('programme_id', 'varchar(36)', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addPrimaryKeyConstraint('programme_facilitators_pk', ['programme_id', 'user_id'])
    .execute()
  await db.schema
    .createTable('programme_partners')
    .addColumn('programme_id', 'varchar(36)', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('partner_id', 'varchar(36)', (c) => c.notNull().references('partners.id'))
    .addPrimaryKeyConstraint('programme_partners_pk', ['programme_id', 'partner_id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['programme_partners', 'programme_facilitators', 'programme_areas', 'programmes']) await db.schema.dropTable(t).execute()
}
