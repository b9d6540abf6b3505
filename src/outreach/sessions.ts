import crypto from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database, Db } from '../database.ts'
import { insertAuditEntry, type Actor } from '../accounts/audit-queries.ts'
import type { Role } from '../accounts/permissions.ts'
import { Problem, type FieldError } from '../platform/http/problems.ts'
import { getProgramme } from './programmes.ts'
import { ageBandsOf, cellField, type AttendanceCell, type SessionInput } from './session-form.ts'
import * as q from './session-queries.ts'
import { canMoveTo, canRecordAttendance, localNow } from './session-rules.ts'

export type { Session, SessionLinks, AttendanceRow } from './session-queries.ts'
export type SessionWithLinks = q.Session & q.SessionLinks

/** What a session's rules need from outside the database. */
export interface SessionContext {
  timeZone: string
  /** Whether a material key names a library page, brochure or kit that exists. */
  isMaterial: (key: string) => boolean
}

export interface Clash {
  sessionId: string
  title: string
  startsAt: string
  facilitatorId: string
}

export async function getSession(db: Db, id: string): Promise<SessionWithLinks> {
  const session = await q.findSession(db, id)
  if (!session) throw new Problem('not-found')
  return { ...session, ...(await q.listSessionLinks(db, [id])).get(id)! }
}

/** Whether an area is one of the areas given, or lies inside one of them. */
export function isWithin(areaId: string, areaIds: string[], parents: Map<string, string | null>): boolean {
  for (let id: string | null | undefined = areaId, depth = 0; id && depth < 10; id = parents.get(id), depth++) if (areaIds.includes(id)) return true
  return false
}

async function checkSession(db: Db, input: SessionInput, ctx: SessionContext): Promise<FieldError[]> {
  const errors: FieldError[] = []
  const programme = await db.selectFrom('programmes').selectAll().where('id', '=', input.programmeId).executeTakeFirst()
  if (!programme) return [{ field: 'programmeId', message: 'session.noSuchProgramme' }]
  const areas = (await db.selectFrom('programmeAreas').select('areaId').where('programmeId', '=', programme.id).execute()).map((a) => a.areaId)
  if (!isWithin(input.areaId, areas, await q.listAreaParents(db))) errors.push({ field: 'areaId', message: 'session.areaNotInProgramme' })
  if (input.startsAt.slice(0, 10) < programme.startsOn || input.startsAt.slice(0, 10) > programme.endsOn)
    errors.push({ field: 'startsAt', message: 'session.outsidePeriod', params: { start: programme.startsOn, end: programme.endsOn } })
  else if (input.endsAt.slice(0, 10) > programme.endsOn) errors.push({ field: 'endsAt', message: 'session.outsidePeriod', params: { start: programme.startsOn, end: programme.endsOn } })
  if (input.facilitatorIds.length) {
    const users = await db.selectFrom('users').select(['id', 'status']).where('id', 'in', input.facilitatorIds).execute()
    if (users.length !== new Set(input.facilitatorIds).size || users.some((u) => u.status === 'deactivated')) errors.push({ field: 'facilitatorIds', message: 'session.noSuchFacilitator' })
  }
  if (input.partnerIds.length) {
    const partners = await db.selectFrom('partners').select('id').where('id', 'in', input.partnerIds).execute()
    if (partners.length !== new Set(input.partnerIds).size) errors.push({ field: 'partnerIds', message: 'programme.noSuchPartner' })
  }
  if (input.materials.some((m) => !ctx.isMaterial(m))) errors.push({ field: 'materials', message: 'session.noSuchMaterial' })
  return errors
}

const linksOf = (input: SessionInput): q.SessionLinks => ({
  audiences: [...new Set(input.audiences)],
  facilitatorIds: [...new Set(input.facilitatorIds)],
  partnerIds: [...new Set(input.partnerIds)],
  materials: [...new Set(input.materials)],
})

/** The facilitators of this session who are already booked at that time. */
export async function findClashes(db: Db, input: Pick<SessionInput, 'facilitatorIds' | 'startsAt' | 'endsAt'>, exceptId: string | null = null): Promise<Clash[]> {
  const rows = await q.listClashes(db, input.facilitatorIds, input.startsAt, input.endsAt, exceptId)
  return rows.map((r) => ({ sessionId: r.id, title: r.title, startsAt: r.startsAt, facilitatorId: r.userId }))
}

const fieldsOf = (input: SessionInput) => ({
  programmeId: input.programmeId,
  title: input.title,
  format: input.format,
  areaId: input.areaId,
  venue: input.venue,
  onlineLink: input.onlineLink,
  startsAt: input.startsAt,
  endsAt: input.endsAt,
})

/**
 * Schedules a session. A facilitator booked elsewhere at that time is not an error but a warning:
 * unless the input confirms the overlap, nothing is saved and the clashes are returned.
 */
export async function scheduleSession(db: Kysely<Database>, actor: Actor, input: SessionInput, ctx: SessionContext): Promise<{ session?: SessionWithLinks; clashes: Clash[] }> {
  return db.transaction().execute(async (trx) => {
    const errors = await checkSession(trx, input, ctx)
    if (errors.length) throw new Problem('validation', {}, errors)
    const clashes = await findClashes(trx, input)
    if (clashes.length && !input.confirmOverlap) return { clashes }
    const now = new Date().toISOString()
    const session: q.Session = { id: crypto.randomUUID(), ...fieldsOf(input), status: 'planned', cancelReason: null, notes: null, followUps: null, createdAt: now, updatedAt: now }
    await q.insertSession(trx, session)
    const links = linksOf(input)
    await q.replaceSessionLinks(trx, session.id, links)
    await insertAuditEntry(trx, actor, 'session.create', { type: 'session', id: session.id }, { title: session.title, format: session.format, startsAt: session.startsAt, overlapConfirmed: clashes.length > 0 })
    return { session: { ...session, ...links }, clashes }
  })
}

export async function editSession(db: Kysely<Database>, actor: Actor, id: string, input: SessionInput, ctx: SessionContext): Promise<{ saved: boolean; clashes: Clash[] }> {
  return db.transaction().execute(async (trx) => {
    const before = await getSession(trx, id)
    if (before.status === 'cancelled') throw new Problem('conflict', {}, [], 'problem.session.cancelled')
    if (before.programmeId !== input.programmeId) throw new Problem('validation', {}, [{ field: 'programmeId', message: 'session.programmeFixed' }])
    const errors = await checkSession(trx, input, ctx)
    if (errors.length) throw new Problem('validation', {}, errors)
    const clashes = await findClashes(trx, input, id)
    if (clashes.length && !input.confirmOverlap) return { saved: false, clashes }
    const fields = fieldsOf(input)
    await q.updateSession(trx, id, { ...fields, updatedAt: new Date().toISOString() })
    await q.replaceSessionLinks(trx, id, linksOf(input))
    const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter((k) => before[k] !== fields[k])
    await insertAuditEntry(trx, actor, 'session.update', { type: 'session', id }, { title: before.title, ...Object.fromEntries(changed.map((k) => [k, [before[k], fields[k]]])) })
    return { saved: true, clashes }
  })
}

/** Facilitators record only their own sessions; coordinators and admins any. */
export function assertMayRecord(role: Role, userId: string, session: SessionWithLinks): void {
  if (role === 'facilitator' && !session.facilitatorIds.includes(userId)) throw new Problem('forbidden', {}, [], 'problem.session.notYours')
}

/**
 * Records the attendance of a session that has started, as counts by group × gender × age band.
 * A planned session becomes held. A cell of a group the session was not for, or an age band the group
 * cannot have (a parent aged 6–9), is refused; nothing is saved unless every cell is right.
 */
export async function recordAttendance(db: Kysely<Database>, actor: Actor & { role: Role }, id: string, cells: AttendanceCell[], ctx: SessionContext): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const session = await getSession(trx, id)
    assertMayRecord(actor.role, actor.id ?? '', session)
    if (!canRecordAttendance(session, localNow(ctx.timeZone))) throw new Problem('conflict', {}, [], session.status === 'cancelled' ? 'problem.session.cancelled' : 'problem.session.notStarted')
    const errors: FieldError[] = []
    const seen = new Set<string>()
    for (const cell of cells) {
      const field = cellField(cell)
      if (!session.audiences.includes(cell.groupKind) || !ageBandsOf(cell.groupKind).includes(cell.ageBand)) {
        if (cell.count > 0) errors.push({ field, message: 'attendance.impossible' })
      } else if (seen.has(field)) errors.push({ field, message: 'attendance.duplicate' })
      seen.add(field)
    }
    if (errors.length) throw new Problem('validation', {}, errors)
    const valid = cells.filter((c) => session.audiences.includes(c.groupKind) && ageBandsOf(c.groupKind).includes(c.ageBand))
    await q.replaceAttendance(trx, id, valid)
    if (session.status === 'planned') await q.updateSession(trx, id, { status: 'held', updatedAt: new Date().toISOString() })
    await insertAuditEntry(trx, actor, 'session.attendance', { type: 'session', id }, { title: session.title, people: valid.reduce((n, c) => n + c.count, 0) })
  })
}

/** Closes a held session with its notes and follow-ups. */
export async function reportSession(db: Kysely<Database>, actor: Actor & { role: Role }, id: string, input: { notes: string | null; followUps: string | null }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const session = await getSession(trx, id)
    assertMayRecord(actor.role, actor.id ?? '', session)
    if (!canMoveTo(session.status, 'reported')) throw new Problem('conflict', {}, [], 'problem.session.notHeld')
    await q.updateSession(trx, id, { status: 'reported', notes: input.notes, followUps: input.followUps, updatedAt: new Date().toISOString() })
    await insertAuditEntry(trx, actor, 'session.report', { type: 'session', id }, { title: session.title })
  })
}

export async function cancelSession(db: Kysely<Database>, actor: Actor, id: string, reason: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const session = await getSession(trx, id)
    if (!canMoveTo(session.status, 'cancelled')) throw new Problem('conflict', {}, [], 'problem.session.notPlanned')
    await q.updateSession(trx, id, { status: 'cancelled', cancelReason: reason, updatedAt: new Date().toISOString() })
    await insertAuditEntry(trx, actor, 'session.cancel', { type: 'session', id }, { title: session.title, reason })
  })
}

/** A programme's sessions with their links, for lists and the API. */
export async function listProgrammeSessions(db: Db, programmeId: string): Promise<SessionWithLinks[]> {
  await getProgramme(db, programmeId)
  return withLinks(db, await q.listSessions(db, { programmeIds: [programmeId] }))
}

export async function withLinks(db: Db, sessions: q.Session[]): Promise<SessionWithLinks[]> {
  const links = await q.listSessionLinks(db, sessions.map((s) => s.id))
  return sessions.map((s) => ({ ...s, ...links.get(s.id)! }))
}

/** People reached per session (sum of its attendance counts); sessions without attendance are absent. */
export async function peopleBySession(db: Db, sessionIds: string[]): Promise<Map<string, number>> {
  const people = new Map<string, number>()
  for (const row of await q.listAttendance(db, sessionIds)) people.set(row.sessionId, (people.get(row.sessionId) ?? 0) + row.count)
  return people
}
