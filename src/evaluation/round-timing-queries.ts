// SQL for answers that arrived out of order, and for a link's opening times. One expression decides
// which answers are flagged, so the session page's warning, the answers table's column and its filter
// can never disagree.
import type { ExpressionBuilder } from 'kysely'
import type { Database, Db } from '../database.ts'
import { HELD } from './evaluation-tables.ts'

/** What the flags compare with: when the session ended, and each group's first phone pre answer (received time, UTC). */
export interface TimingAnchors {
  end: string
  firstPre: Record<string, string>
}

/**
 * Each group's first phone pre answer, read once per page: a correlated subquery per row made a page of
 * 2,000 answers scan the session's answers 2,000 times (bench/answers-page.ts). Paper entries and imports
 * are typed in by staff later, so their times say nothing and never anchor; nor does a pre answer staff
 * left out (a test, say); a held one does (it really arrived then).
 */
export async function findTimingAnchors(db: Db, sessionId: string, end: string): Promise<TimingAnchors> {
  const rows = await db
    .selectFrom('submissions')
    .select('groupKind')
    .select((e) => e.fn.min('receivedAt').as('first'))
    .where('sessionId', '=', sessionId)
    .where('phase', '=', 'pre')
    .where('source', '=', 'phone')
    .where((e) => e.or([e('excludedAt', 'is', null), e('excludedReason', '=', HELD)]))
    .groupBy('groupKind')
    .execute()
  return { end, firstPre: Object.fromEntries(rows.filter((r) => r.first !== null).map((r) => [r.groupKind, String(r.first)])) }
}

/**
 * A phone answer flagged by its received time: a post answer received before the first phone pre
 * answer of its group in the session, or a pre answer received after the session ended. Paper
 * entries and imports are never flagged. A group with no phone pre answer flags no post answer
 * (there is nothing to compare with).
 */
export function outOfOrder(anchors: TimingAnchors) {
  return (eb: ExpressionBuilder<Database, 'submissions'>) => {
    const earlyPost = Object.entries(anchors.firstPre).map(([groupKind, first]) => eb.and([eb('submissions.groupKind', '=', groupKind), eb('submissions.receivedAt', '<', first)]))
    return eb.and([
      eb('submissions.source', '=', 'phone'),
      eb.or([
        eb.and([eb('submissions.phase', '=', 'pre'), eb('submissions.receivedAt', '>', anchors.end)]),
        eb.and([eb('submissions.phase', '=', 'post'), eb.or(earlyPost)]),
      ]),
    ])
  }
}

/** The flag as a 0/1 column, for a page of answers. */
export const outOfOrderColumn = (anchors: TimingAnchors) => (eb: ExpressionBuilder<Database, 'submissions'>) =>
  eb.case().when(outOfOrder(anchors)(eb)).then(1).else(0).end().as('outOfOrder')

/** How many of a session's answers are flagged, and the first `limit` of them, oldest first. */
export async function listOutOfOrder(db: Db, sessionId: string, sessionEnd: string, limit = 20) {
  const anchors = await findTimingAnchors(db, sessionId, sessionEnd)
  const base = db.selectFrom('submissions').where('sessionId', '=', sessionId).where(outOfOrder(anchors))
  const { n } = await base.select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()
  const answers = await base.select(['id', 'phase', 'groupKind', 'receivedAt', 'excludedAt', 'excludedReason']).orderBy('receivedAt').orderBy('id').limit(limit).execute()
  return { count: Number(n), answers }
}

export const setLinkTimes = (db: Db, sessionId: string, linkId: string, times: { opensAt: string | null; closesAt: string | null }) =>
  db.updateTable('collectionLinks').set(times).where('id', '=', linkId).where('sessionId', '=', sessionId).executeTakeFirst()

export const findSessionLink = (db: Db, sessionId: string, linkId: string) =>
  db.selectFrom('collectionLinks').select(['id', 'phase', 'groupKind', 'closedAt', 'opensAt', 'closesAt']).where('id', '=', linkId).where('sessionId', '=', sessionId).executeTakeFirst()
