import type { Kysely } from 'kysely'

// Edits to library pages made in the web UI. The shipped Markdown stays the starting text; the
// newest published revision of a page replaces it, and survives upgrades that ship new Markdown.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('library_revisions')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('locale', 'varchar(5)', (c) => c.notNull())
    .addColumn('slug', 'varchar(120)', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('note', 'varchar(500)')
    .addColumn('author_id', 'varchar(36)')
    .addColumn('author_label', 'varchar(254)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('submitted_at', 'varchar(32)')
    .addColumn('reviewer_id', 'varchar(36)')
    .addColumn('reviewer_label', 'varchar(254)')
    .addColumn('reviewed_at', 'varchar(32)')
    .addColumn('review_note', 'varchar(500)')
    // sha256 of the shipped file the edit started from, to tell when an upgrade changed it since.
    .addColumn('shipped_hash', 'varchar(64)', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('library_revisions_page_idx').on('library_revisions').columns(['locale', 'slug', 'created_at']).execute()
  await db.schema.createIndex('library_revisions_status_idx').on('library_revisions').columns(['status', 'created_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('library_revisions').execute()
}
