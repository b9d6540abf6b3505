import type { Kysely } from 'kysely'

// Which records `jaga demo load` made, so the demo is labelled wherever it shows and `jaga demo
// remove` deletes exactly those, never real data.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('demo_records')
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('record_id', 'varchar(36)', (c) => c.notNull())
    .addPrimaryKeyConstraint('demo_records_pk', ['kind', 'record_id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('demo_records').execute()
}
