import { sql } from 'kysely'
import type { Db } from '../database.ts'
import type { AreasTable } from './area-tables.ts'

export type Area = AreasTable

export async function listAreas(db: Db): Promise<Area[]> {
  return db.selectFrom('areas').selectAll().orderBy('name').execute()
}

export async function findArea(db: Db, id: string): Promise<Area | undefined> {
  return db.selectFrom('areas').selectAll().where('id', '=', id).executeTakeFirst()
}

/** A sibling with the same name, compared without regard to case. */
export async function findSiblingByName(db: Db, parentId: string | null, name: string, exceptId?: string): Promise<Area | undefined> {
  let q = db
    .selectFrom('areas')
    .selectAll()
    .where(sql<string>`lower(name)`, '=', name.toLowerCase())
  q = parentId === null ? q.where('parentId', 'is', null) : q.where('parentId', '=', parentId)
  if (exceptId) q = q.where('id', '!=', exceptId)
  return q.executeTakeFirst()
}

export async function findAreaByCode(db: Db, column: 'kemendagriCode' | 'bpsCode', code: string, exceptId?: string): Promise<Area | undefined> {
  let q = db.selectFrom('areas').selectAll().where(column, '=', code)
  if (exceptId) q = q.where('id', '!=', exceptId)
  return q.executeTakeFirst()
}

export async function countChildren(db: Db, id: string): Promise<number> {
  const row = await db
    .selectFrom('areas')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parentId', '=', id)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function insertAreas(db: Db, areas: Area[]): Promise<void> {
  // Batches keep each statement under SQLite's and PostgreSQL's bound-parameter limits.
  for (let i = 0; i < areas.length; i += 500) await db.insertInto('areas').values(areas.slice(i, i + 500)).execute()
}

export async function updateArea(db: Db, id: string, changes: Pick<Area, 'name' | 'kind' | 'kemendagriCode' | 'bpsCode'>): Promise<void> {
  await db
    .updateTable('areas')
    .set({ ...changes, updatedAt: new Date().toISOString() })
    .where('id', '=', id)
    .execute()
}

export async function deleteArea(db: Db, id: string): Promise<void> {
  await db.deleteFrom('areas').where('id', '=', id).execute()
}
