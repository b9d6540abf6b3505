import crypto from 'node:crypto'
import type { PublicUser } from '../src/accounts/user-queries.ts'
import { createPartner } from '../src/outreach/partners.ts'
import { createProgramme } from '../src/outreach/programmes.ts'
import type { SessionInput } from '../src/outreach/session-form.ts'
import { addDays, localNow } from '../src/outreach/session-rules.ts'
import { recordAttendance, scheduleSession, type SessionWithLinks } from '../src/outreach/sessions.ts'
import type { TestApp } from './harness.ts'

export const HARJOSARI_I = '0b7f4a52-2b41-4c4e-9a57-127109100400'
export const TIMBANG_DELI = '0b7f4a52-2b41-4c4e-9a57-127109100600'
export const cli = { id: null, label: 'test' }
export const TIME_ZONE = 'Asia/Jakarta'

/** Today in the programme's time zone, and a day relative to it, as YYYY-MM-DD. */
export const today = () => localNow(TIME_ZONE).slice(0, 10)
export const day = (offset: number) => addDays(today(), offset)
/** The wall-clock time this many minutes ago in the programme's time zone, YYYY-MM-DDTHH:MM (crosses midnight as the clock does). */
export const minutesAgo = (minutes: number) => localNow(TIME_ZONE, new Date(Date.now() - minutes * 60_000))

const unique = () => crypto.randomUUID().slice(0, 8)

export function aPartner(jaga: TestApp, over: { name?: string } = {}) {
  return createPartner(jaga.db, cli, { name: over.name ?? `Mitra ${unique()}`, kind: 'school', areaId: null, contactName: null, contactPhone: null, contactEmail: null, mouStart: null, mouEnd: null, roles: null, helpPhone: null, helpHandlesId: null, helpHandlesEn: null })
}

/** An active programme in Harjosari I and Timbang Deli running from a year ago to a year ahead. */
export function aProgramme(jaga: TestApp, over: { facilitators?: PublicUser[]; areaIds?: string[]; startsOn?: string; endsOn?: string; name?: string } = {}) {
  return createProgramme(jaga.db, cli, {
    name: over.name ?? `Program ${unique()}`,
    goal: null,
    startsOn: over.startsOn ?? day(-365),
    endsOn: over.endsOn ?? day(365),
    status: 'active',
    coordinatorId: null,
    areaIds: over.areaIds ?? [HARJOSARI_I, TIMBANG_DELI],
    facilitatorIds: (over.facilitators ?? []).map((u) => u.id),
    partnerIds: [],
  })
}

export function sessionFields(programmeId: string, over: Partial<SessionInput> = {}): SessionInput {
  return {
    programmeId,
    title: `Sosialisasi ${unique()}`,
    format: 'seminar',
    areaId: HARJOSARI_I,
    venue: 'Aula kelurahan',
    onlineLink: null,
    startsAt: `${day(-2)}T09:00`,
    endsAt: `${day(-2)}T11:00`,
    audiences: ['parents'],
    facilitatorIds: [],
    partnerIds: [],
    materials: [],
    confirmOverlap: true,
    ...over,
  }
}

const context = { timeZone: TIME_ZONE, isMaterial: () => true }

/** A scheduled session (two days ago by default), saved even if a facilitator is double-booked. */
export async function aSession(jaga: TestApp, programmeId: string, over: Partial<SessionInput> = {}): Promise<SessionWithLinks> {
  const { session } = await scheduleSession(jaga.db, cli, sessionFields(programmeId, over), context)
  return session!
}

/** A session that was held, with this many women and men among its first audience (adults unless a children's group). */
export async function aHeldSession(jaga: TestApp, programmeId: string, people: { female: number; male: number }, over: Partial<SessionInput> = {}): Promise<SessionWithLinks> {
  const session = await aSession(jaga, programmeId, over)
  const group = session.audiences[0]!
  const band = group === 'children-6-9' ? '6-9' : group === 'children-10-12' ? '10-12' : group === 'children-13-17' ? '13-17' : '18+'
  await recordAttendance(jaga.db, { ...cli, role: 'admin' }, session.id, [
    { groupKind: group, gender: 'female', ageBand: band, count: people.female },
    { groupKind: group, gender: 'male', ageBand: band, count: people.male },
  ], context)
  return session
}
