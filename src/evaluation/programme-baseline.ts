// The programme's pre-test knowledge scores, for the outreach slice to fill each target group's
// baseline awareness (see BaselineSource in target-groups.ts). Scores are shares of the maximum, so
// tests of different lengths pool.
import type { Db } from '../database.ts'
import type { PreScore } from '../outreach/target-groups.ts'

/** Every counted pre-test answer of a knowledge test in the programme's sessions, with its session's area. */
export async function programmePreScores(db: Db, programmeId: string): Promise<PreScore[]> {
  const rows = await db
    .selectFrom('submissions as s')
    .innerJoin('sessions as x', 'x.id', 's.sessionId')
    .select(['x.areaId', 's.groupKind', 's.score', 's.maxScore'])
    .where('x.programmeId', '=', programmeId)
    .where('s.phase', '=', 'pre')
    .where('s.maxScore', 'is not', null)
    .where('s.maxScore', '>', 0)
    .where('s.excludedAt', 'is', null)
    .execute()
  return rows.map((r) => ({ areaId: r.areaId, groupKind: r.groupKind, share: (r.score ?? 0) / r.maxScore! }))
}
