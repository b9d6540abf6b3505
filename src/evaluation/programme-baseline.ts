// The programme's pre-test knowledge scores, for the outreach slice to fill each target group's
// baseline awareness (see BaselineSource in target-groups.ts). Scores are shares of the maximum, so
// tests of different lengths pool.
import type { Db } from '../database.ts'
import type { PreScore } from '../outreach/target-groups.ts'
import { inBatches } from '../platform/db/batches.ts'

/** Every counted pre-test answer of a knowledge test in the programme's sessions, with its session's area, counted per score. */
export async function programmePreScores(db: Db, programmeId: string): Promise<PreScore[]> {
  // The sessions first, then their answers a batch of sessions at a time: one join over all answers
  // made PostgreSQL read the whole submissions table (3.1 s of the programme page with 4.7 million
  // answers, bench/national.ts; see platform/db/batches.ts). Counted per session, group and score by
  // the database: a test has few scores, so a national programme's 100,000 answers come as ~20,000 rows.
  const areaOf = new Map((await db.selectFrom('sessions').select(['id', 'areaId']).where('programmeId', '=', programmeId).execute()).map((x) => [x.id, x.areaId]))
  const rows = await inBatches([...areaOf.keys()], (ids) =>
    db
      .selectFrom('submissions as s')
      .select((eb) => ['s.sessionId', 's.groupKind', 's.score', 's.maxScore', eb.fn.countAll<number | string>().as('n')])
      .where('s.sessionId', 'in', ids)
      .where('s.phase', '=', 'pre')
      .where('s.maxScore', 'is not', null)
      .where('s.maxScore', '>', 0)
      .where('s.excludedAt', 'is', null)
      .groupBy(['s.sessionId', 's.groupKind', 's.score', 's.maxScore'])
      .execute(),
  )
  return rows.map((r) => ({ areaId: areaOf.get(r.sessionId)!, groupKind: r.groupKind, share: (r.score ?? 0) / r.maxScore!, count: Number(r.n) }))
}
