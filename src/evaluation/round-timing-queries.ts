// SQL for answers that arrived out of order, and for a link's opening times. One expression decides
// which answers are flagged, so the session page's warning, the answers table's column and its filter
// can never disagree.
import type { ExpressionBuilder } from 'kysely'
import type { Database, Db } from '../database.ts'
import { HELD } from './evaluation-tables.ts'

/**
 * A phone answer flagged by its received time: a post answer received before the first phone pre
 * answer of its group in the session, or a pre answer received after the session ended. Paper
 * entries and imports are typed in by staff later, so their times say nothing and are never flagged;
 * nor do they anchor the first pre. A pre answer staff left out (a test, say) does not anchor either;
 * a held one does (it really arrived then).
 */
export function outOfOrder(sessionEnd: string) {
  return (eb: ExpressionBuilder<Database, 'submissions'>) => {
    const firstPre = eb
      .selectFrom('submissions as p')
      .select((e) => e.fn.min('p.receivedAt').as('first'))
      .whereRef('p.sessionId', '=', 'submissions.sessionId')
      .whereRef('p.groupKind', '=', 'submissions.groupKind')
      .where('p.phase', '=', 'pre')
      .where('p.source', '=', 'phone')
      .where((e) => e.or([e('p.excludedAt', 'is', null), e('p.excludedReason', '=', HELD)]))
    return eb.and([
      eb('submissions.source', '=', 'phone'),
      eb.or([
        eb.and([eb('submissions.phase', '=', 'pre'), eb('submissions.receivedAt', '>', sessionEnd)]),
        // No phone pre answer at all: the comparison is null, nothing is flagged (there is nothing to compare with).
        eb.and([eb('submissions.phase', '=', 'post'), eb('submissions.receivedAt', '<', firstPre)]),
      ]),
    ])
  }
}

/** The flag as a 0/1 column, for a page of answers. */
export const outOfOrderColumn = (sessionEnd: string) => (eb: ExpressionBuilder<Database, 'submissions'>) =>
  eb.case().when(outOfOrder(sessionEnd)(eb)).then(1).else(0).end().as('outOfOrder')

/** How many of a session's answers are flagged, and the first `limit` of them, oldest first. */
export async function listOutOfOrder(db: Db, sessionId: string, sessionEnd: string, limit = 20) {
  const base = db.selectFrom('submissions').where('sessionId', '=', sessionId).where(outOfOrder(sessionEnd))
  const { n } = await base.select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()
  const answers = await base.select(['id', 'phase', 'groupKind', 'receivedAt', 'excludedAt', 'excludedReason']).orderBy('receivedAt').orderBy('id').limit(limit).execute()
  return { count: Number(n), answers }
}

export const setLinkTimes = (db: Db, sessionId: string, linkId: string, times: { opensAt: string | null; closesAt: string | null }) =>
  db.updateTable('collectionLinks').set(times).where('id', '=', linkId).where('sessionId', '=', sessionId).executeTakeFirst()

export const findSessionLink = (db: Db, sessionId: string, linkId: string) =>
  db.selectFrom('collectionLinks').select(['id', 'phase', 'groupKind', 'closedAt', 'opensAt', 'closesAt']).where('id', '=', linkId).where('sessionId', '=', sessionId).executeTakeFirst()
