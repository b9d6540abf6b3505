import type { Kysely } from 'kysely'

// Who sees which programme (issue 11, items 9 and 10).
// - users.partner_id: a partner account belongs to one partner institution and sees only the programmes
//   that institution is a partner in; without one it sees nothing programme-specific. Deleting the
//   institution unlinks its accounts (they then see nothing) rather than failing.
// - users.own_programmes_only: 1 limits a coordinator to the programmes whose team includes them.
// - partner_snapshots: the knowledge figures partners see are dated snapshots of a programme's matched
//   pre/post scores (no codes, no session, no answers), taken only when at least 5 new pairs arrived,
//   so a partner cannot read one child's scores as the difference between two reads.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('partner_id', 'varchar(36)', (c) => c.references('partners.id').onDelete('set null')).execute()
  await db.schema.alterTable('users').addColumn('own_programmes_only', 'integer', (c) => c.notNull().defaultTo(0)).execute()
  await db.schema
    .createTable('partner_snapshots')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('programme_id', 'varchar(36)', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('taken_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('pairs', 'integer', (c) => c.notNull())
    // JSON: [{ areaId, villageId, groupKind, format, pre, post }], scores as shares of the maximum.
    .addColumn('data', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('partner_snapshots_programme_idx').on('partner_snapshots').columns(['programme_id', 'taken_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('partner_snapshots').execute()
  await db.schema.alterTable('users').dropColumn('own_programmes_only').execute()
  await db.schema.alterTable('users').dropColumn('partner_id').execute()
}
