// The start page's session lists for coordinators and admins, asked of the database with a limit rather
// than read whole: nationally there are thousands of past sessions not reported yet and a month holds
// thousands of sessions with answers (bench/national.ts), and the page shows ten of each.
import { sql } from 'kysely'
import type { Db } from '../database.ts'
import type { Role } from '../accounts/permissions.ts'
import type { ProgrammeScope } from '../outreach/programme-scope.ts'
import type { Session } from '../outreach/session-queries.ts'
import { reviewQueues, type SessionQueue } from '../evaluation/review-queue-queries.ts'

/** Sessions whose review queues are worked out together, newest first, until the page has enough. */
export const REVIEW_CHUNK = 50

const inScope = (scope: ProgrammeScope) => (scope.all ? undefined : [...scope.ids, ''])

/** The columns the start page shows of a session: `select *` of a month's sessions carried their notes too. */
const LISTED = ['id', 'title', 'startsAt', 'endsAt', 'status', 'format', 'programmeId'] as const
export type ListedSession = Pick<Session, (typeof LISTED)[number]>

/** Past sessions still planned or held (not reported), newest first: the first `limit` and how many there are. */
export async function unreportedSessions(db: Db, scope: ProgrammeScope, now: string, limit: number): Promise<{ rows: ListedSession[]; total: number }> {
  const ids = inScope(scope)
  const base = db
    .selectFrom('sessions')
    // Literals, not parameters: the partial index of unreported sessions (migration 37) is used only
    // when the database can see the statuses match its own.
    .where(sql<boolean>`status in ('planned', 'held')`)
    .where('startsAt', '<', now)
    .where('endsAt', '<=', now)
    .$if(ids !== undefined, (q) => q.where('programmeId', 'in', ids!))
  const rows = await base.select(LISTED).orderBy('startsAt', 'desc').orderBy('title', 'desc').limit(limit).execute()
  const total = rows.length < limit ? rows.length : Number((await base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst())?.n ?? 0)
  return { rows, total }
}

/**
 * Recent sessions (held or reported, started in [from, before)) with answers waiting for review, newest
 * first, at most `limit`: their queues are worked out a chunk of sessions at a time, stopping once
 * `limit` are found. `more` is true when older sessions were left unexamined; `older` when the list goes on
 * from the session `olderThan` names (an id that names no session: the list from the newest).
 */
export async function sessionsToReview(
  db: Db,
  user: { id: string; role: Role },
  scope: ProgrammeScope,
  o: { from: string; before: string; limit: number; olderThan?: string | undefined },
): Promise<{ rows: { session: ListedSession; queue: SessionQueue }[]; more: boolean; older: boolean }> {
  const ids = inScope(scope)
  // Going on from a session shown before: those after it in the list's order (start, then title, descending).
  const last = o.olderThan ? await db.selectFrom('sessions').select(['startsAt', 'title']).where('id', '=', o.olderThan).executeTakeFirst() : undefined
  const recent = await db
    .selectFrom('sessions')
    .select(LISTED)
    .where('status', 'in', ['held', 'reported'])
    .where('startsAt', '>=', o.from)
    .where('startsAt', '<', o.before)
    .$if(ids !== undefined, (q) => q.where('programmeId', 'in', ids!))
    .$if(last !== undefined, (q) => q.where((eb) => eb.or([eb('startsAt', '<', last!.startsAt), eb.and([eb('startsAt', '=', last!.startsAt), eb('title', '<', last!.title)])])))
    .orderBy('startsAt', 'desc')
    .orderBy('title', 'desc')
    .execute()
  const rows: { session: ListedSession; queue: SessionQueue }[] = []
  for (let i = 0; i < recent.length; i += REVIEW_CHUNK) {
    const chunk = recent.slice(i, i + REVIEW_CHUNK)
    const queues = await reviewQueues(db, user, chunk.map((s) => s.id))
    for (const session of chunk) {
      const queue = queues.get(session.id)!
      if (queue.comments + queue.held + queue.pairs === 0) continue
      if (rows.length === o.limit) return { rows, more: true, older: last !== undefined }
      rows.push({ session, queue })
    }
  }
  return { rows, more: false, older: last !== undefined }
}
