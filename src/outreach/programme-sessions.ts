// What a programme's page shows of its sessions: all of them while they fit at a glance, else the
// sessions coming up and the most recent ones with counts of the rest, and the whole list a page at a
// time on /programmes/:id/sessions.
import type { Db } from '../database.ts'
import { countProgrammeSessions, lastProgrammeSessions, nextProgrammeSessions, pageProgrammeSessions, type ListedSession } from './programme-session-queries.ts'
import { peopleBySession } from './sessions.ts'

/** Sessions in each list of the programme page (coming up, most recent). */
export const GLANCE = 10
/** Sessions on each page of the full list. */
export const PAGE_SIZE = 50

export type SessionGlance =
  | { kind: 'all'; total: number; rows: ListedSession[]; people: Map<string, number> }
  | { kind: 'glance'; total: number; upcoming: { rows: ListedSession[]; total: number }; recent: { rows: ListedSession[]; total: number }; people: Map<string, number> }

export async function programmeSessionGlance(db: Db, programmeId: string, now: string): Promise<SessionGlance> {
  const total = await countProgrammeSessions(db, programmeId)
  if (total <= 2 * GLANCE) {
    const rows = await pageProgrammeSessions(db, programmeId, { offset: 0, limit: total })
    return { kind: 'all', total, rows, people: await peopleBySession(db, rows.map((s) => s.id)) }
  }
  const upcoming = { rows: await nextProgrammeSessions(db, programmeId, now, GLANCE), total: await countProgrammeSessions(db, programmeId, { from: now }) }
  const recent = { rows: await lastProgrammeSessions(db, programmeId, now, GLANCE), total: total - upcoming.total }
  const people = await peopleBySession(db, [...upcoming.rows, ...recent.rows].map((s) => s.id))
  return { kind: 'glance', total, upcoming, recent, people }
}

export interface SessionPage {
  /** 1-based, within 1…pages. */
  page: number
  pages: number
  total: number
  /** The 0-based position of the first row in the whole list. */
  offset: number
  rows: ListedSession[]
  people: Map<string, number>
}

/** One page of the whole list in start order; a page past the end shows the last one. */
export async function programmeSessionPage(db: Db, programmeId: string, asked: number): Promise<SessionPage> {
  const total = await countProgrammeSessions(db, programmeId)
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE))
  const page = Math.min(Math.max(1, asked), pages)
  const offset = (page - 1) * PAGE_SIZE
  const rows = await pageProgrammeSessions(db, programmeId, { offset, limit: PAGE_SIZE })
  return { page, pages, total, offset, rows, people: await peopleBySession(db, rows.map((s) => s.id)) }
}
