import { sql } from 'kysely'
import type { Db } from '../database.ts'
import type { PartnersTable } from './outreach-tables.ts'

export type Partner = PartnersTable

export async function listPartners(db: Db): Promise<(Partner & { areaName: string | null })[]> {
  return db
    .selectFrom('partners as p')
    .leftJoin('areas as a', 'a.id', 'p.areaId')
    .selectAll('p')
    .select('a.name as areaName')
    .orderBy('p.name')
    .execute()
}

export async function findPartner(db: Db, id: string): Promise<Partner | undefined> {
  return db.selectFrom('partners').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Another partner with this name, compared without regard to case. */
export async function findPartnerByName(db: Db, name: string, exceptId?: string): Promise<Partner | undefined> {
  let q = db.selectFrom('partners').selectAll().where(sql<string>`lower(name)`, '=', name.toLowerCase())
  if (exceptId) q = q.where('id', '!=', exceptId)
  return q.executeTakeFirst()
}

export async function insertPartner(db: Db, p: Partner): Promise<void> {
  await db.insertInto('partners').values(p).execute()
}

export async function updatePartner(db: Db, id: string, changes: Omit<Partner, 'id' | 'createdAt'>): Promise<void> {
  await db.updateTable('partners').set(changes).where('id', '=', id).execute()
}

export async function deletePartner(db: Db, id: string): Promise<void> {
  await db.deleteFrom('partners').where('id', '=', id).execute()
}
