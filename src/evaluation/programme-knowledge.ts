// Matched pre/post knowledge scores across a programme's sessions: for the outreach coverage view
// (knowledge before and after per area) and for the programme's evaluation by group, kelurahan and
// session format. Scores are shares of the maximum, so tests of different lengths can be pooled.
import type { Db } from '../database.ts'
import type { KnowledgePair } from '../outreach/coverage.ts'
import { matchCodes } from './code-matching.ts'
import * as q from './evaluation-queries.ts'
import { inBatches } from '../platform/db/batches.ts'
import { scoreBlock, type ScoreBlock } from './paired-analysis.ts'
import { isSmall, suppressRow } from '../outreach/suppression.ts'

export interface ProgrammePair extends KnowledgePair {
  groupKind: string
  format: string
  /** The kelurahan (or desa) of the session, also when it was held in a lingkungan inside it. */
  villageId: string
}

export async function programmePairs(db: Db, programmeId: string): Promise<ProgrammePair[]> {
  // The sessions first, then their answers a batch of sessions at a time (platform/db/batches.ts): one
  // join over all answers made PostgreSQL read every programme's (3 s with 5,000,000 answers).
  const sessions = new Map(
    (
      await db
        .selectFrom('sessions as x')
        .innerJoin('areas as a', 'a.id', 'x.areaId')
        .select(['x.id', 'x.areaId', 'x.format', 'a.level', 'a.parentId'])
        .where('x.programmeId', '=', programmeId)
        .execute()
    ).map((x) => [x.id, x]),
  )
  const answers = await inBatches([...sessions.keys()], (ids) =>
    db
      .selectFrom('submissions as s')
      .select(['s.id', 's.code', 's.phase', 's.groupKind', 's.score', 's.maxScore', 's.sessionId'])
      .where('s.sessionId', 'in', ids)
      .where('s.phase', 'in', ['pre', 'post'])
      .where('s.maxScore', 'is not', null)
      .where('s.excludedAt', 'is', null)
      .execute(),
  )
  // Grouped by session and group as they come, without copying each answer (national programmes have
  // hundreds of thousands): the answers keep their order, so the pairs come out as before.
  const byKey = new Map<string, { sessionId: string; pre: typeof answers; post: typeof answers }>()
  const sessionIds = new Set<string>()
  for (const r of answers) {
    sessionIds.add(r.sessionId)
    const key = `${r.sessionId} ${r.groupKind}`
    let group = byKey.get(key)
    if (!group) byKey.set(key, (group = { sessionId: r.sessionId, pre: [], post: [] }))
    ;(r.phase === 'pre' ? group.pre : group.post).push(r)
  }
  const confirmed = await q.listConfirmedPairs(db, [...sessionIds])
  const rejected = await q.listRejectedPairs(db, [...sessionIds])
  const pairs: ProgrammePair[] = []
  for (const group of byKey.values()) {
    const session = sessions.get(group.sessionId)!
    const byId = new Map<string, (typeof answers)[number]>()
    for (const r of group.pre) byId.set(r.id, r)
    for (const r of group.post) byId.set(r.id, r)
    const matched = matchCodes(group.pre, group.post, confirmed, rejected)
    for (const p of matched.pairs) {
      const pre = byId.get(p.pre)!
      const post = byId.get(p.post)!
      pairs.push({
        // The before answer names the person's pair: re-pairing it with another after answer (a pair
        // confirmed or undone by staff) must not count the same person twice in a partner snapshot.
        id: pre.id,
        areaId: session.areaId,
        villageId: session.level === 'neighbourhood' && session.parentId ? session.parentId : session.areaId,
        groupKind: pre.groupKind,
        format: session.format,
        pre: pre.score! / pre.maxScore!,
        post: post.score! / post.maxScore!,
      })
    }
  }
  return pairs
}

/** For the coverage view: only where and how much. */
export const programmeKnowledge = (db: Db, programmeId: string): Promise<KnowledgePair[]> => programmePairs(db, programmeId)

export interface ProgrammeEvaluation {
  all: ScoreBlock
  byGroup: { key: string; block: ScoreBlock }[]
  byVillage: { key: string; block: ScoreBlock }[]
  byFormat: { key: string; block: ScoreBlock }[]
  /** Set when shown to someone who sees only aggregates (partners): what was left out. */
  suppressed?: { all: boolean; byGroup: number; byVillage: number; byFormat: number }
}

/**
 * The evaluation as a partner may see it: a group, kelurahan or format with 1–4 pairs is left out,
 * and where exactly one is, the next smallest too, so its scores cannot be worked out from the whole
 * programme's (the same rule as coverage counts). Under 5 pairs in all, nothing but that fact is shown.
 */
export function suppressEvaluation(e: ProgrammeEvaluation): ProgrammeEvaluation {
  if (isSmall(e.all.pairs)) return { ...e, byGroup: [], byVillage: [], byFormat: [], suppressed: { all: true, byGroup: 0, byVillage: 0, byFormat: 0 } }
  const keep = (rows: ProgrammeEvaluation['byGroup']) => {
    const shown = suppressRow(rows.map((r) => r.block.pairs)).cells
    return rows.filter((_, i) => shown[i] !== null)
  }
  const byGroup = keep(e.byGroup)
  const byVillage = keep(e.byVillage)
  const byFormat = keep(e.byFormat)
  return {
    ...e,
    byGroup,
    byVillage,
    byFormat,
    suppressed: { all: false, byGroup: e.byGroup.length - byGroup.length, byVillage: e.byVillage.length - byVillage.length, byFormat: e.byFormat.length - byFormat.length },
  }
}

/** The paired statistics over shares (0–1) for the whole programme and each group, kelurahan and format. */
export function evaluateProgramme(pairs: ProgrammePair[]): ProgrammeEvaluation {
  const block = (list: ProgrammePair[]) =>
    scoreBlock(
      Float64Array.from(list, (p) => p.pre),
      Float64Array.from(list, (p) => p.post),
      1,
    )
  const by = (key: (p: ProgrammePair) => string) =>
    [...new Set(pairs.map(key))].sort().map((k) => ({ key: k, block: block(pairs.filter((p) => key(p) === k)) }))
  return { all: block(pairs), byGroup: by((p) => p.groupKind), byVillage: by((p) => p.villageId), byFormat: by((p) => p.format) }
}
