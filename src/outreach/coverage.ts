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
import type { KnowledgeSource } from './knowledge.ts'

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


/** What one reporting area adds up, list by list in the order the lists come (so sums match a filter-then-sum). */
interface Tally {
  sessions: number
  byGroup: number[]
  lastVisit: string | null
  nextDue: string | null
  overdue: boolean
  targets: number
  targetSize: number
  pairs: number
  preSum: number
  postSum: number
}

function knowledgeOf(t: Tally, suppress: boolean): CoverageRow['knowledge'] {
  // Suppressed, none and 1–4 pairs look alike ("not enough answers yet"): "—" for none beside "<5"
  // for a few would tell a partner that someone in the area answered.
  if (suppress && t.pairs < 5) return { pairs: null, preShare: null, postShare: null }
  if (t.pairs === 0) return null
  return { pairs: t.pairs, preShare: t.preSum / t.pairs, postShare: t.postSum / t.pairs }
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

  // Each list read once, each item added to every reporting area it lies in: filtering every list for
  // each of a province's areas took most of the page's time nationally (bench/national.ts).
  const rowsOf = new Map<string, number[]>()
  areas.forEach(({ node }, r) => {
    for (const id of idsWithin(node)) {
      const list = rowsOf.get(id)
      if (list) list.push(r)
      else rowsOf.set(id, [r])
    }
  })
  const tally: Tally[] = areas.map(() => ({ sessions: 0, byGroup: GROUP_KINDS.map(() => 0), lastVisit: null, nextDue: null, overdue: false, targets: 0, targetSize: 0, pairs: 0, preSum: 0, postSum: 0 }))
  const each = (areaId: string, add: (t: Tally) => void) => {
    for (const r of rowsOf.get(areaId) ?? []) add(tally[r]!)
  }
  const areaOf = new Map(sessions.map((s) => [s.id, s.areaId]))
  for (const a of attendance) {
    const g = GROUP_KINDS.indexOf(a.groupKind as GroupKind)
    const areaId = areaOf.get(a.sessionId)
    if (g >= 0 && areaId !== undefined) each(areaId, (t) => (t.byGroup[g]! += a.count))
  }
  for (const s of sessions) {
    const day = s.startsAt.slice(0, 10)
    each(s.areaId, (t) => {
      t.sessions++
      if (t.lastVisit === null || day > t.lastVisit) t.lastVisit = day
    })
  }
  for (const v of visits)
    each(v.areaId, (t) => {
      if (t.nextDue === null || v.nextDue < t.nextDue) t.nextDue = v.nextDue
      t.overdue ||= v.overdue
    })
  for (const x of targets)
    if (x.estimatedSize !== null)
      each(x.areaId, (t) => {
        t.targets++
        t.targetSize += x.estimatedSize!
      })
  // Added in the order the pairs came: the means are the same to the last bit as summing a filtered list.
  for (const k of knowledge)
    each(k.areaId, (t) => {
      t.pairs++
      t.preSum += k.pre
      t.postSum += k.post
    })

  const raw = areas.map(({ node, depth }, r) => {
    const t = tally[r]!
    return {
      areaId: node.id,
      name: node.name,
      depth,
      sessionsHeld: t.sessions,
      byGroup: t.byGroup,
      lastVisit: t.lastVisit,
      nextDue: t.nextDue,
      overdue: t.overdue,
      neverReached: t.sessions === 0,
      targetSize: t.targets ? t.targetSize : null,
      knowledge: knowledgeOf(t, o.suppress),
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

