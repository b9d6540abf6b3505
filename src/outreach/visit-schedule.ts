import { addMonths } from './session-rules.ts'

// When each place a programme means to visit regularly was last visited, and when it is due next.

export interface AreaLike {
  id: string
  name: string
  level: string
  children: AreaLike[]
}

/** The places a plan for an area covers: its leaves (neighbourhoods, or a village without any). */
export function leavesOf(area: AreaLike): AreaLike[] {
  return area.children.length ? area.children.flatMap(leavesOf) : [area]
}

/** The area with this id anywhere in a tree. */
export function findNode<A extends AreaLike>(nodes: A[], id: string): A | undefined {
  for (const n of nodes) {
    if (n.id === id) return n
    const inner = findNode(n.children as A[], id)
    if (inner) return inner
  }
  return undefined
}

/** Every area of a tree by its id, made once: searching the tree for each of a national programme's
 * thousands of visit plans took most of the start page's time (bench/national.ts). */
export function nodesById<A extends AreaLike>(nodes: A[], into = new Map<string, A>()): Map<string, A> {
  for (const n of nodes) {
    into.set(n.id, n)
    nodesById(n.children as A[], into)
  }
  return into
}

/** Every area inside an area, itself included, as a set of ids. */
export function idsWithin(area: AreaLike): Set<string> {
  return new Set([area.id, ...area.children.flatMap((c) => [...idsWithin(c)])])
}

export interface VisitTarget {
  planId: string
  programmeId: string
  areaId: string
  areaName: string
  /** The planned area the target belongs to (a kelurahan for a lingkungan). */
  parentName: string
  everyMonths: number
}

export interface VisitStatus extends VisitTarget {
  /** Date of the last held or reported session there, YYYY-MM-DD. */
  lastVisit: string | null
  /** When the next visit is due: the last visit plus the interval, or the programme's start if never visited. */
  nextDue: string
  overdue: boolean
  /** The earliest planned session there from today on, YYYY-MM-DDTHH:MM. */
  nextScheduled: string | null
  /** Knowledge after the sessions there (mean share correct among pre/post pairs), when measured. */
  knowledge?: number | null
}

export interface SessionLike {
  areaId: string
  startsAt: string
  status: string
}

/** What a place's sessions say about its visits: the last one held and the next one planned. */
export interface VisitsSeen {
  /** The latest start of a held or reported session, YYYY-MM-DDTHH:MM (or just the date). */
  lastHeld: string | null
  /** The earliest start of a session planned from today on. */
  nextPlanned: string | null
}

export function visitStatus(target: VisitTarget & { within: Set<string> }, sessions: SessionLike[], programmeStart: string, today: string): VisitStatus {
  const here = sessions.filter((s) => target.within.has(s.areaId))
  const held = here.filter((s) => s.status === 'held' || s.status === 'reported').map((s) => s.startsAt)
  const upcoming = here.filter((s) => s.status === 'planned' && s.startsAt.slice(0, 10) >= today).map((s) => s.startsAt)
  const seen = { lastHeld: held.length ? held.reduce((a, b) => (a > b ? a : b)) : null, nextPlanned: upcoming.length ? upcoming.reduce((a, b) => (a < b ? a : b)) : null }
  const { within: _, ...rest } = target
  return statusOf(rest, seen, programmeStart, today)
}

/** A place's visit status from what its sessions say (the database can work out `seen` for many places at once). */
export function statusOf(target: VisitTarget, seen: VisitsSeen, programmeStart: string, today: string): VisitStatus {
  const lastVisit = seen.lastHeld ? seen.lastHeld.slice(0, 10) : null
  const nextDue = lastVisit ? addMonths(lastVisit, target.everyMonths) : programmeStart
  return { ...target, lastVisit, nextDue, overdue: nextDue < today, nextScheduled: seen.nextPlanned }
}
