// Matched pre/post knowledge scores across a programme's sessions: for the outreach coverage view
// (knowledge before and after per area) and for the programme's evaluation by group, kelurahan and
// session format. Scores are shares of the maximum, so tests of different lengths can be pooled.
import type { Db } from '../database.ts'
import type { KnowledgePair } from '../outreach/coverage.ts'
import { pairSessionsNow, sessionPairs, sessionShareSums, type SessionPair } from './pair-cache.ts'
import { scoreBlock, type ScoreBlock } from './paired-analysis.ts'
import { isSmall, suppressRow } from '../outreach/suppression.ts'

export interface ProgrammePair extends KnowledgePair {
  groupKind: string
  format: string
  /** The kelurahan (or desa) of the session, also when it was held in a lingkungan inside it. */
  villageId: string
}

export async function programmePairs(db: Db, programmeId: string, pair: PairSource = sessionPairs): Promise<ProgrammePair[]> {
  // Where and how a session was held is read live (it can change without touching a pair); the pairs
  // come from pair-cache.ts, which pairs again only the sessions whose answers or decisions changed.
  const sessions = await db
    .selectFrom('sessions as x')
    .innerJoin('areas as a', 'a.id', 'x.areaId')
    .select(['x.id', 'x.areaId', 'x.format', 'a.level', 'a.parentId'])
    .where('x.programmeId', '=', programmeId)
    .orderBy('x.id')
    .execute()
  const bySession = await pair(
    db,
    sessions.map((x) => x.id),
  )
  const pairs: ProgrammePair[] = []
  for (const session of sessions) {
    const villageId = session.level === 'neighbourhood' && session.parentId ? session.parentId : session.areaId
    for (const [preId, groupKind, preScore, preMax, postScore, postMax] of bySession.get(session.id)!) {
      // The before answer names the person's pair: re-pairing it with another after answer (a pair
      // confirmed or undone by staff) must not count the same person twice in a partner snapshot.
      pairs.push({ id: preId, areaId: session.areaId, villageId, groupKind, format: session.format, pre: preScore / preMax, post: postScore / postMax })
    }
  }
  return pairs
}

/**
 * The programme's pairs and their mean knowledge before and after (null with none): the means of
 * programmePairs' list, summed in its order (sessions by id), without building it.
 */
export async function programmeKnowledgeMeans(db: Db, programmeId: string): Promise<{ pairs: number; pre: number; post: number } | null> {
  const sessions = await db.selectFrom('sessions as x').innerJoin('areas as a', 'a.id', 'x.areaId').select('x.id').where('x.programmeId', '=', programmeId).orderBy('x.id').execute()
  const sums = await sessionShareSums(
    db,
    sessions.map((x) => x.id),
  )
  return sums.pairs ? { pairs: sums.pairs, pre: sums.pre / sums.pairs, post: sums.post / sums.pairs } : null
}

/** How programmePairs gets each session's pairs: kept (the default) or, to compare, paired now. */
export type PairSource = (db: Db, sessionIds: readonly string[]) => Promise<Map<string, SessionPair[]>>
export const pairedNow: PairSource = pairSessionsNow

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
  // Grouped in one pass (filtering every pair for each key took a national programme's 96,000 pairs
  // times its hundreds of kelurahan); within a key the pairs keep their order.
  const by = (key: (p: ProgrammePair) => string) => {
    const groups = new Map<string, ProgrammePair[]>()
    for (const p of pairs) {
      const k = key(p)
      const list = groups.get(k)
      if (list) list.push(p)
      else groups.set(k, [p])
    }
    return [...groups.keys()].sort().map((k) => ({ key: k, block: block(groups.get(k)!) }))
  }
  return { all: block(pairs), byGroup: by((p) => p.groupKind), byVillage: by((p) => p.villageId), byFormat: by((p) => p.format) }
}
