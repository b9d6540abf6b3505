// A programme's sessions a few at a time: a national programme holds thousands, and its page listed
// them all (559 KB, bench/national.ts). The order is total (start, title, id) so that paging shows
// every session exactly once.
import type { Db } from '../database.ts'
import type { Session } from './session-queries.ts'

export type ListedSession = Pick<Session, 'id' | 'title' | 'format' | 'areaId' | 'status' | 'startsAt' | 'endsAt'>

const COLUMNS = ['id', 'title', 'format', 'areaId', 'status', 'startsAt', 'endsAt'] as const

const ofProgramme = (db: Db, programmeId: string) => db.selectFrom('sessions').where('programmeId', '=', programmeId)

/** How many sessions a programme has, or how many start before / from `now` (YYYY-MM-DDTHH:MM). */
export async function countProgrammeSessions(db: Db, programmeId: string, o: { before?: string; from?: string } = {}): Promise<number> {
  const row = await ofProgramme(db, programmeId)
    .$if(o.before !== undefined, (q) => q.where('startsAt', '<', o.before!))
    .$if(o.from !== undefined, (q) => q.where('startsAt', '>=', o.from!))
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

/** Sessions in start order, `limit` of them from `offset`. */
export async function pageProgrammeSessions(db: Db, programmeId: string, o: { offset: number; limit: number }): Promise<ListedSession[]> {
  return ofProgramme(db, programmeId).select(COLUMNS).orderBy('startsAt').orderBy('title').orderBy('id').limit(o.limit).offset(o.offset).execute()
}

/** The first `limit` sessions starting from `now` on (soonest first). */
export async function nextProgrammeSessions(db: Db, programmeId: string, now: string, limit: number): Promise<ListedSession[]> {
  return ofProgramme(db, programmeId).select(COLUMNS).where('startsAt', '>=', now).orderBy('startsAt').orderBy('title').orderBy('id').limit(limit).execute()
}

/** The last `limit` sessions that started before `now` (newest first). */
export async function lastProgrammeSessions(db: Db, programmeId: string, now: string, limit: number): Promise<ListedSession[]> {
  return ofProgramme(db, programmeId).select(COLUMNS).where('startsAt', '<', now).orderBy('startsAt', 'desc').orderBy('title', 'desc').orderBy('id', 'desc').limit(limit).execute()
}
