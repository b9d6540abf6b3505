import type { Kysely } from 'kysely'

// Who a programme means to reach in each of its areas, and how aware they are before it starts.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('target_groups')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('programme_id', 'varchar(36)', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('area_id', 'varchar(36)', (c) => c.notNull().references('areas.id'))
    .addColumn('group_kind', 'varchar(30)', (c) => c.notNull())
    .addColumn('estimated_size', 'integer')
    .addColumn('baseline_level', 'varchar(20)', (c) => c.notNull())
    .addColumn('baseline_note', 'varchar(500)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('target_groups_unique_idx').on('target_groups').columns(['programme_id', 'area_id', 'group_kind']).unique().execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('target_groups').execute()
}
