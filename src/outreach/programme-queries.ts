import { sql } from 'kysely'
import type { Db } from '../database.ts'
import type { ProgrammesTable } from './outreach-tables.ts'

export type Programme = ProgrammesTable

export interface ProgrammeLinks {
  areaIds: string[]
  facilitatorIds: string[]
  partnerIds: string[]
}

export async function listProgrammes(db: Db): Promise<Programme[]> {
  return db.selectFrom('programmes').selectAll().orderBy('startsOn', 'desc').orderBy('name').execute()
}

export async function findProgramme(db: Db, id: string): Promise<Programme | undefined> {
  return db.selectFrom('programmes').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findProgrammeByName(db: Db, name: string, exceptId?: string): Promise<Programme | undefined> {
  let q = db.selectFrom('programmes').selectAll().where(sql<string>`lower(name)`, '=', name.toLowerCase())
  if (exceptId) q = q.where('id', '!=', exceptId)
  return q.executeTakeFirst()
}

export async function listLinks(db: Db, programmeIds: string[]): Promise<Map<string, ProgrammeLinks>> {
  const links = new Map<string, ProgrammeLinks>(programmeIds.map((id) => [id, { areaIds: [], facilitatorIds: [], partnerIds: [] }]))
  if (programmeIds.length === 0) return links
  for (const r of await db.selectFrom('programmeAreas').selectAll().where('programmeId', 'in', programmeIds).execute()) links.get(r.programmeId)?.areaIds.push(r.areaId)
  for (const r of await db.selectFrom('programmeFacilitators').selectAll().where('programmeId', 'in', programmeIds).execute()) links.get(r.programmeId)?.facilitatorIds.push(r.userId)
  for (const r of await db.selectFrom('programmePartners').selectAll().where('programmeId', 'in', programmeIds).execute()) links.get(r.programmeId)?.partnerIds.push(r.partnerId)
  return links
}

export async function insertProgramme(db: Db, p: Programme): Promise<void> {
  await db.insertInto('programmes').values(p).execute()
}

export async function updateProgramme(db: Db, id: string, changes: Omit<Programme, 'id' | 'createdAt'>): Promise<void> {
  await db.updateTable('programmes').set(changes).where('id', '=', id).execute()
}

/** Replaces a programme's areas, facilitators and partners with the given ones. */
export async function replaceLinks(db: Db, programmeId: string, links: ProgrammeLinks): Promise<void> {
  await db.deleteFrom('programmeAreas').where('programmeId', '=', programmeId).execute()
  await db.deleteFrom('programmeFacilitators').where('programmeId', '=', programmeId).execute()
  await db.deleteFrom('programmePartners').where('programmeId', '=', programmeId).execute()
  if (links.areaIds.length) await db.insertInto('programmeAreas').values(links.areaIds.map((areaId) => ({ programmeId, areaId }))).execute()
  if (links.facilitatorIds.length) await db.insertInto('programmeFacilitators').values(links.facilitatorIds.map((userId) => ({ programmeId, userId }))).execute()
  if (links.partnerIds.length) await db.insertInto('programmePartners').values(links.partnerIds.map((partnerId) => ({ programmeId, partnerId }))).execute()
}
