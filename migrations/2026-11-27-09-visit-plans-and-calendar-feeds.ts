import type { Kysely } from 'kysely'

// Regular visits: a programme visits every neighbourhood of an area every N months. And calendar
// feeds a phone subscribes to: the URL carries a secret, of which only a hash is kept.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('visit_plans')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('programme_id', 'varchar(36)', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('area_id', 'varchar(36)', (c) => c.notNull().references('areas.id'))
    .addColumn('every_months', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('visit_plans_unique_idx').on('visit_plans').columns(['programme_id', 'area_id']).unique().execute()
  await db.schema
    .createTable('calendar_feeds')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    // A user id for a facilitator's feed, a programme id for a programme's.
    .addColumn('subject_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('owner_id', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('calendar_feeds_owner_idx').on('calendar_feeds').columns(['owner_id', 'kind', 'subject_id']).unique().execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('calendar_feeds').execute()
  await db.schema.dropTable('visit_plans').execute()
}
