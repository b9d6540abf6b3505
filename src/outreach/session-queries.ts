import type { Db } from '../database.ts'
import type { AttendanceTable, SessionsTable } from './outreach-tables.ts'
import type { GroupKind } from './target-group-form.ts'

export type Session = SessionsTable
export type AttendanceRow = AttendanceTable

export interface SessionLinks {
  audiences: GroupKind[]
  facilitatorIds: string[]
  partnerIds: string[]
  materials: string[]
}

export interface SessionFilter {
  programmeIds?: string[] | undefined
  facilitatorId?: string | undefined
  /** Inclusive bounds on the start, YYYY-MM-DD or YYYY-MM-DDTHH:MM. */
  from?: string | undefined
  before?: string | undefined
  areaIds?: string[] | undefined
  statuses?: string[] | undefined
}

export async function listSessions(db: Db, f: SessionFilter = {}): Promise<Session[]> {
  let q = db.selectFrom('sessions').selectAll('sessions')
  if (f.programmeIds) q = f.programmeIds.length ? q.where('programmeId', 'in', f.programmeIds) : q.where('id', '=', '')
  if (f.areaIds) q = f.areaIds.length ? q.where('areaId', 'in', f.areaIds) : q.where('id', '=', '')
  if (f.statuses) q = q.where('status', 'in', f.statuses as Session['status'][])
  if (f.from) q = q.where('startsAt', '>=', f.from)
  if (f.before) q = q.where('startsAt', '<', f.before)
  if (f.facilitatorId) q = q.where('id', 'in', db.selectFrom('sessionFacilitators').select('sessionId').where('userId', '=', f.facilitatorId))
  return q.orderBy('startsAt').orderBy('title').execute()
}

export async function findSession(db: Db, id: string): Promise<Session | undefined> {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function listSessionLinks(db: Db, ids: string[]): Promise<Map<string, SessionLinks>> {
  const links = new Map<string, SessionLinks>(ids.map((id) => [id, { audiences: [], facilitatorIds: [], partnerIds: [], materials: [] }]))
  if (ids.length === 0) return links
  for (const r of await db.selectFrom('sessionAudiences').selectAll().where('sessionId', 'in', ids).execute()) links.get(r.sessionId)?.audiences.push(r.groupKind)
  for (const r of await db.selectFrom('sessionFacilitators').selectAll().where('sessionId', 'in', ids).execute()) links.get(r.sessionId)?.facilitatorIds.push(r.userId)
  for (const r of await db.selectFrom('sessionPartners').selectAll().where('sessionId', 'in', ids).execute()) links.get(r.sessionId)?.partnerIds.push(r.partnerId)
  for (const r of await db.selectFrom('sessionMaterials').selectAll().where('sessionId', 'in', ids).execute()) links.get(r.sessionId)?.materials.push(r.material)
  return links
}

export async function insertSession(db: Db, s: Session): Promise<void> {
  await db.insertInto('sessions').values(s).execute()
}

export async function updateSession(db: Db, id: string, changes: Partial<Omit<Session, 'id' | 'createdAt'>>): Promise<void> {
  await db.updateTable('sessions').set(changes).where('id', '=', id).execute()
}

export async function replaceSessionLinks(db: Db, sessionId: string, l: SessionLinks): Promise<void> {
  for (const t of ['sessionAudiences', 'sessionFacilitators', 'sessionPartners', 'sessionMaterials'] as const) await db.deleteFrom(t).where('sessionId', '=', sessionId).execute()
  if (l.audiences.length) await db.insertInto('sessionAudiences').values(l.audiences.map((groupKind) => ({ sessionId, groupKind }))).execute()
  if (l.facilitatorIds.length) await db.insertInto('sessionFacilitators').values(l.facilitatorIds.map((userId) => ({ sessionId, userId }))).execute()
  if (l.partnerIds.length) await db.insertInto('sessionPartners').values(l.partnerIds.map((partnerId) => ({ sessionId, partnerId }))).execute()
  if (l.materials.length) await db.insertInto('sessionMaterials').values(l.materials.map((material) => ({ sessionId, material }))).execute()
}

/** Sessions (not cancelled) of any of these facilitators that share time with the given range. */
export async function listClashes(db: Db, facilitatorIds: string[], startsAt: string, endsAt: string, exceptId: string | null) {
  if (facilitatorIds.length === 0) return []
  let q = db
    .selectFrom('sessions as s')
    .innerJoin('sessionFacilitators as f', 'f.sessionId', 's.id')
    .select(['s.id', 's.title', 's.startsAt', 's.endsAt', 'f.userId'])
    .where('f.userId', 'in', facilitatorIds)
    .where('s.status', '!=', 'cancelled')
    .where('s.startsAt', '<', endsAt)
    .where('s.endsAt', '>', startsAt)
  if (exceptId) q = q.where('s.id', '!=', exceptId)
  return q.orderBy('s.startsAt').execute()
}

export async function listAttendance(db: Db, sessionIds: string[]): Promise<AttendanceRow[]> {
  if (sessionIds.length === 0) return []
  return db.selectFrom('attendance').selectAll().where('sessionId', 'in', sessionIds).execute()
}

/** Replaces a session's attendance; zero cells are not stored. */
export async function replaceAttendance(db: Db, sessionId: string, rows: Omit<AttendanceRow, 'sessionId'>[]): Promise<void> {
  await db.deleteFrom('attendance').where('sessionId', '=', sessionId).execute()
  const kept = rows.filter((r) => r.count > 0).map((r) => ({ sessionId, ...r }))
  if (kept.length) await db.insertInto('attendance').values(kept).execute()
}

/** Each area's parent, to decide whether a neighbourhood lies inside a programme's village or district. */
export async function listAreaParents(db: Db): Promise<Map<string, string | null>> {
  return new Map((await db.selectFrom('areas').select(['id', 'parentId']).execute()).map((a) => [a.id, a.parentId]))
}
