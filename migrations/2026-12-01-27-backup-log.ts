import type { Kysely } from 'kysely'

// `jaga backup` writes one row here when a backup is complete, so the admin's home can say when the
// last one was taken (and `jaga doctor` can warn when it is old). Written after the snapshot, so a
// backup never contains its own row.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('backup_log')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    /** UTC instant as ISO text, like every other time in these tables. */
    .addColumn('taken_at', 'varchar(32)', (c) => c.notNull())
    /** The file's name only (never its folder): where backups go is the operator's business. */
    .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('bytes', 'bigint', (c) => c.notNull())
    .addColumn('row_count', 'bigint', (c) => c.notNull())
    .addColumn('encrypted', 'integer', (c) => c.notNull())
    .addColumn('last_migration', 'varchar(255)', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('backup_log_taken_at_idx').on('backup_log').column('taken_at').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('backup_log').execute()
}
