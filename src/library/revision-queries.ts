import type { Db } from '../database.ts'
import type { Locale } from '../platform/i18n/i18n.ts'
import type { LibraryRevisionsTable, RevisionStatus } from './library-tables.ts'

export type Revision = LibraryRevisionsTable

export async function insertRevision(db: Db, r: Revision): Promise<void> {
  await db.insertInto('libraryRevisions').values(r).execute()
}

export async function findRevision(db: Db, id: string): Promise<Revision | undefined> {
  return db.selectFrom('libraryRevisions').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function listRevisionsOfPage(db: Db, locale: Locale, slug: string): Promise<Revision[]> {
  return db.selectFrom('libraryRevisions').selectAll().where('locale', '=', locale).where('slug', '=', slug).orderBy('createdAt', 'desc').execute()
}

export async function listRevisionsByStatus(db: Db, status: RevisionStatus): Promise<Revision[]> {
  return db.selectFrom('libraryRevisions').selectAll().where('status', '=', status).orderBy('createdAt').execute()
}

/** The newest published revision of every page that has one. */
export async function listPublishedSources(db: Db): Promise<Revision[]> {
  const rows = await db.selectFrom('libraryRevisions').selectAll().where('status', '=', 'published').orderBy('reviewedAt', 'desc').execute()
  const newest = new Map<string, Revision>()
  for (const r of rows) if (!newest.has(`${r.locale}/${r.slug}`)) newest.set(`${r.locale}/${r.slug}`, r)
  return [...newest.values()]
}

/**
 * How many revisions are published and the newest review time: changes with every publication on any
 * server (a count too, so two publications in the same millisecond are still told apart). One index range.
 */
export async function publishedStamp(db: Db): Promise<string> {
  const row = await db
    .selectFrom('libraryRevisions')
    .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.max('reviewedAt').as('latest')])
    .where('status', '=', 'published')
    .executeTakeFirst()
  return `${Number(row?.n ?? 0)}|${row?.latest ?? ''}`
}

export async function updateRevision(db: Db, id: string, changes: Partial<Omit<Revision, 'id'>>): Promise<void> {
  await db.updateTable('libraryRevisions').set(changes).where('id', '=', id).execute()
}

/** The published revision of the same page that readers saw just before this one was published. */
export async function findPublishedBefore(db: Db, r: Revision): Promise<Revision | undefined> {
  if (!r.reviewedAt) return undefined
  return db
    .selectFrom('libraryRevisions')
    .selectAll()
    .where('locale', '=', r.locale)
    .where('slug', '=', r.slug)
    .where('status', '=', 'published')
    .where('reviewedAt', '<', r.reviewedAt)
    .orderBy('reviewedAt', 'desc')
    .executeTakeFirst()
}
