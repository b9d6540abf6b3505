// Matched pre/post knowledge scores of a programme's sessions, per area: what the outreach coverage
// view shows as knowledge before and after in each kelurahan and lingkungan.
import type { Db } from '../database.ts'
import type { KnowledgePair } from '../outreach/coverage.ts'
import { matchCodes } from './code-matching.ts'

export async function programmeKnowledge(db: Db, programmeId: string): Promise<KnowledgePair[]> {
  const rows = await db
    .selectFrom('submissions as s')
    .innerJoin('sessions as x', 'x.id', 's.sessionId')
    .select(['s.id', 's.code', 's.phase', 's.groupKind', 's.score', 's.maxScore', 's.sessionId', 'x.areaId'])
    .where('x.programmeId', '=', programmeId)
    .where('s.phase', 'in', ['pre', 'post'])
    .where('s.maxScore', 'is not', null)
    .execute()
  const byId = new Map(rows.map((r) => [r.id, r]))
  const pairs: KnowledgePair[] = []
  for (const key of new Set(rows.map((r) => `${r.sessionId} ${r.groupKind}`))) {
    const mine = rows.filter((r) => `${r.sessionId} ${r.groupKind}` === key)
    const result = matchCodes(
      mine.filter((r) => r.phase === 'pre'),
      mine.filter((r) => r.phase === 'post'),
    )
    for (const p of result.pairs) {
      const pre = byId.get(p.pre)!
      const post = byId.get(p.post)!
      pairs.push({ areaId: pre.areaId, pre: pre.score! / pre.maxScore!, post: post.score! / post.maxScore! })
    }
  }
  return pairs
}
