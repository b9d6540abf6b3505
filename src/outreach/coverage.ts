import type { Db } from '../database.ts'
import { areaTree } from '../areas/areas.ts'
import type { AreaNode } from '../areas/area-form.ts'
import { Problem } from '../platform/http/problems.ts'
import { getProgramme } from './programmes.ts'
import { listAttendance } from './session-queries.ts'
import { suppressTable, type Shown } from './suppression.ts'
import { GROUP_KINDS, type GroupKind } from './target-group-form.ts'
import { findNode, idsWithin } from './visit-schedule.ts'
import { listVisitStatus } from './visit-plans.ts'
import type { KnowledgePair, KnowledgeSource } from './knowledge.ts'

export type { KnowledgePair, KnowledgeSource } from './knowledge.ts'

export interface CoverageRow {
  areaId: string
  name: string
  /** 0 for a programme's kelurahan (or each kelurahan of its kecamatan), 1 for a lingkungan inside. */
  depth: number
  sessionsHeld: number
  people: Shown
  /** People reached per group, in GROUP_KINDS order. */
  byGroup: Shown[]
  lastVisit: string | null
  nextDue: string | null
  overdue: boolean
  neverReached: boolean
  /** Sum of the target groups' estimated sizes in this area, when any were given. */
  targetSize: number | null
  /** Knowledge before and after among pre/post pairs from this area's sessions; shares hidden (null) for fewer than 5 pairs when suppressed. */
  knowledge: { pairs: Shown; preShare: number | null; postShare: number | null } | null
}


export interface Coverage {
  programme: { id: string; name: string; startsOn: string; endsOn: string }
  groups: readonly GroupKind[]
  rows: CoverageRow[]
  totals: { sessionsHeld: number; people: Shown; byGroup: Shown[]; areasReached: number; areas: number }
  /** True when counts under 5 people are hidden (the reader sees aggregates only). */
  suppressed: boolean
  /** For partners: the local date of the knowledge snapshot shown (see partner-snapshots.ts); null when there is none yet. */
  knowledgeAsOf?: string | null
}


/** The positions of a list's items by their area, in list order. */
function byArea(list: readonly { areaId: string }[]): Map<string, number[]> {
  const out = new Map<string, number[]>()
  list.forEach((item, i) => {
    const at = out.get(item.areaId)
    if (at) at.push(i)
    else out.set(item.areaId, [i])
  })
  return out
}

/** The items of `list` in any of the areas `within`, in the list's own order (as filtering it would give). */
function inOrder<T>(list: readonly T[], positions: Map<string, number[]>, within: string[]): T[] {
  const at = within.flatMap((id) => positions.get(id) ?? [])
  if (within.length > 1) at.sort((a, b) => a - b)
  return at.map((i) => list[i]!)
}

function knowledgeOf(pairs: KnowledgePair[], suppress: boolean): CoverageRow['knowledge'] {
  // Suppressed, none and 1–4 pairs look alike ("not enough answers yet"): "—" for none beside "<5"
  // for a few would tell a partner that someone in the area answered.
  if (suppress && pairs.length < 5) return { pairs: null, preShare: null, postShare: null }
  if (pairs.length === 0) return null
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
  return { pairs: pairs.length, preShare: mean(pairs.map((p) => p.pre)), postShare: mean(pairs.map((p) => p.post)) }
}

/** The rows a programme reports on: each kelurahan it targets (a kecamatan stands for its kelurahan), then its lingkungan. */
function reportingAreas(tree: AreaNode[], areaIds: string[]): { node: AreaNode; depth: number }[] {
  const villages = areaIds.map((id) => findNode(tree, id)).flatMap((n) => (!n ? [] : n.level === 'district' ? n.children : [n]))
  return villages.flatMap((v) => [{ node: v, depth: 0 }, ...v.children.map((c) => ({ node: c, depth: 1 }))])
}

/**
 * Reach of a programme per area and group: sessions held, people reached, last visit, next due, and
 * areas never reached. With `suppress`, only kelurahan rows are given and counts under 5 are hidden
 * (with enough other cells that none can be worked out from the totals).
 */
export async function programmeCoverage(db: Db, programmeId: string, o: { today: string; suppress: boolean; knowledge?: KnowledgeSource; knowledgeAsOf?: string | null }): Promise<Coverage> {
  const programme = await getProgramme(db, programmeId)
  const tree = await areaTree(db)
  // Only what the table needs of each session: all columns of a national programme's 2,000 sessions cost ~0.2 s.
  const sessions = await db.selectFrom('sessions').select(['id', 'areaId', 'startsAt']).where('programmeId', '=', programme.id).where('status', 'in', ['held', 'reported']).execute()
  const attendance = await listAttendance(db, sessions.map((s) => s.id))
  const visits = await listVisitStatus(db, [programme.id], o.today)
  const knowledge = o.knowledge ? await o.knowledge(db, programme.id) : []
  const targets = await db.selectFrom('targetGroups').select(['areaId', 'estimatedSize']).where('programmeId', '=', programme.id).execute()
  const areas = reportingAreas(tree, programme.areaIds).filter((a) => !o.suppress || a.depth === 0)
  if (areas.length === 0) throw new Problem('not-found')

  // Everything indexed by area once: filtering every list for each of a province's areas took most of
  // the page's time nationally (bench/national.ts). People per session and group added up once too.
  const peopleOf = new Map<string, number[]>()
  for (const a of attendance) {
    const g = GROUP_KINDS.indexOf(a.groupKind as GroupKind)
    if (g < 0) continue
    let row = peopleOf.get(a.sessionId)
    if (!row) peopleOf.set(a.sessionId, (row = GROUP_KINDS.map(() => 0)))
    row[g]! += a.count
  }
  const sessionsIn = byArea(sessions)
  const visitsIn = byArea(visits)
  const targetsIn = byArea(targets)
  const pairsIn = byArea(knowledge)

  const raw = areas.map(({ node, depth }) => {
    const within = [...idsWithin(node)]
    const here = inOrder(sessions, sessionsIn, within)
    const byGroup = GROUP_KINDS.map((_, g) => here.reduce((n, s) => n + (peopleOf.get(s.id)?.[g] ?? 0), 0))
    const due = inOrder(visits, visitsIn, within)
    const sizes = inOrder(targets, targetsIn, within).filter((t) => t.estimatedSize !== null)
    return {
      areaId: node.id,
      name: node.name,
      depth,
      sessionsHeld: here.length,
      byGroup,
      lastVisit: here.length ? here.map((s) => s.startsAt.slice(0, 10)).reduce((a, b) => (a > b ? a : b)) : null,
      nextDue: due.length ? due.map((v) => v.nextDue).reduce((a, b) => (a < b ? a : b)) : null,
      overdue: due.some((v) => v.overdue),
      neverReached: here.length === 0,
      targetSize: sizes.length ? sizes.reduce((n, t) => n + (t.estimatedSize ?? 0), 0) : null,
      // In the order the pairs came (inOrder), so the means are the same to the last bit.
      knowledge: knowledgeOf(inOrder(knowledge, pairsIn, within), o.suppress),
    }
  })
  const top = raw.filter((r) => r.depth === 0)
  const sum = (ns: number[]) => ns.reduce((a, b) => a + b, 0)
  const columnTotals = GROUP_KINDS.map((_, j) => sum(top.map((r) => r.byGroup[j]!)))
  const shown = o.suppress ? suppressTable(raw.map((r) => r.byGroup)) : undefined
  return {
    programme: { id: programme.id, name: programme.name, startsOn: programme.startsOn, endsOn: programme.endsOn },
    groups: GROUP_KINDS,
    rows: raw.map((r, i) => ({ ...r, byGroup: shown ? shown.cells[i]! : r.byGroup, people: shown ? shown.rowTotals[i]! : sum(r.byGroup) })),
    totals: {
      sessionsHeld: sum(top.map((r) => r.sessionsHeld)),
      people: shown ? shown.total : sum(columnTotals),
      byGroup: shown ? shown.columnTotals : columnTotals,
      areasReached: top.filter((r) => !r.neverReached).length,
      areas: top.length,
    },
    suppressed: o.suppress,
    ...(o.knowledgeAsOf !== undefined ? { knowledgeAsOf: o.knowledgeAsOf } : {}),
  }
}

