import type { Kysely } from 'kysely'

// A facilitator kit's slide deck is edited with its session plan: a revision of a page with a deck
// carries the whole deck text (a line "---" between slides). Null for pages without a deck.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('library_revisions').addColumn('slides', 'text').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('library_revisions').dropColumn('slides').execute()
}
