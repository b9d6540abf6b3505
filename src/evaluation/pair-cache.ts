// Each session's before/after pairs, kept in session_pair_cache so a programme's pages read the pairs of
// sessions whose answers did not change instead of reading and pairing every answer on every request
// (2,000 sessions and 192,000 answers: ~0.5 s a page). Triggers (migration 34) add a pair_changes row in
// the same transaction as any write to a session's answers or pair decisions.
//
// Why a reader never shows wrong pairs, with writers and other readers at the same time:
// - it reads the change rows BEFORE the cache rows and the answers. A session without change rows at
//   that moment has a cache row that holds everything written before it; whatever is written later
//   adds a change row that stays until a reader who saw it before pairing removes it.
// - it deletes exactly the change rows it read, never "all of the session's": a write committed while
//   it was pairing keeps the session dirty for the next reader.
// - it replaces a cache row only if the row's generation is still the one it read: a slower reader
//   that paired older answers cannot overwrite (and mark clean) what a faster one saved meanwhile.
import type { Generated, Kysely } from 'kysely'
import type { Database, Db } from '../database.ts'
import { matchCodes, PAIRING_VERSION } from './code-matching.ts'
import * as q from './evaluation-queries.ts'
import { ID_BATCH, inBatches } from '../platform/db/batches.ts'
import { isForeignKeyViolation } from '../platform/db/errors.ts'

/** One pair: the before answer's id, its group, and both scores with their maximum (a share is score / max), in matchCodes' order. */
export type SessionPair = [preId: string, groupKind: string, preScore: number, preMax: number, postScore: number, postMax: number]

/** A session's pairs, and how many of its codes wait for a person to decide on (tolerant pairs and codes with several candidates: the start page's review queue). */
export interface SessionPairing {
  pairs: SessionPair[]
  decide: number
}

// As kept in session_pair_cache.pairs: [LAYOUT, decide, [groupKind, [[preId, preScore, preMax, postScore, postMax], …]], …],
// a group's pairs together (matchCodes makes them so), scores rather than shares: 40% fewer bytes to read
// and parse than a share's 17 digits, and score / max gives the same number whenever it is divided.
// Change LAYOUT with the layout: a row in another layout is paired again.
const LAYOUT = 3
type Kept = [number, number, ...[string, [string, number, number, number, number][]][]]

function encode({ pairs, decide }: SessionPairing): string {
  const kept: Kept = [LAYOUT, decide]
  let group: [string, [string, number, number, number, number][]] | undefined
  for (const [preId, groupKind, ...scores] of pairs) {
    if (group?.[0] !== groupKind) kept.push((group = [groupKind, []]))
    group[1].push([preId, ...scores])
  }
  return JSON.stringify(kept)
}

/**
 * Only the count waiting for a decision, read from the row's head (`[LAYOUT,decide,`) without parsing
 * its pairs: the start page asks it of a month's sessions, and parsing every pair of them only to
 * count was most of the JSON work of that page. Undefined when kept in another layout.
 */
function decodeDecide(text: string): number | undefined {
  const head = /^\[(\d+),(\d+)[,\]]/.exec(text)
  return head && Number(head[1]) === LAYOUT ? Number(head[2]) : undefined
}

/** The pairs kept, or undefined when they were kept in another layout. */
function decode(text: string): SessionPairing | undefined {
  const [layout, decide, ...groups] = JSON.parse(text) as Kept
  if (layout !== LAYOUT) return undefined
  return { decide, pairs: groups.flatMap(([groupKind, list]) => list.map(([preId, ...scores]): SessionPair => [preId, groupKind, ...scores])) }
}

type PairCacheTables = {
  sessionPairCache: { sessionId: string; algo: number; generation: Generated<number>; pairs: string }
  pairChanges: { id: Generated<number>; sessionId: string }
}
type CacheRow = { sessionId: string; algo: number; generation: number; pairs: string }

const withCache = (db: Db) => (db as Kysely<Database>).withTables<PairCacheTables>()

/** For tests only: runs after pairing and before saving, where a concurrent write could land. */
export const pairCacheSeam: { beforeSave?: () => Promise<void> } = {}

/** The pairs of these sessions (each id gets a list, empty when none): kept ones, and fresh ones for sessions that changed. */
export async function sessionPairs(db: Db, sessionIds: readonly string[]): Promise<Map<string, SessionPair[]>> {
  return sessionPairings(db, sessionIds, (text) => decode(text)?.pairs, (p) => p.pairs)
}

/**
 * How many pairs these sessions have and the sums of their before and after shares (score / max),
 * added in the order of `sessionIds` and then of each session's pairs, as summing programmePairs' list
 * does: the same means to the last bit, without a tuple and an object per pair (the start page's
 * programme progress made ~100,000 of them for a national programme).
 */
export async function sessionShareSums(db: Db, sessionIds: readonly string[]): Promise<{ pairs: number; pre: number; post: number }> {
  const kept = (text: string) => {
    const [layout, , ...groups] = JSON.parse(text) as Kept
    return layout === LAYOUT ? groups.map(([, list]) => list) : undefined
  }
  const fresh = (p: SessionPairing) => [p.pairs.map(([preId, , ...scores]): [string, number, number, number, number] => [preId, ...scores])]
  const bySession = await sessionPairings(db, sessionIds, kept, fresh)
  let pairs = 0
  let pre = 0
  let post = 0
  for (const id of sessionIds)
    for (const list of bySession.get(id)!)
      for (const [, preScore, preMax, postScore, postMax] of list) {
        pairs++
        pre += preScore / preMax
        post += postScore / postMax
      }
  return { pairs, pre, post }
}

/** How many codes of each session wait for a person's decision, read as sessionPairs reads its pairs. */
export async function pairsToDecide(db: Db, sessionIds: readonly string[]): Promise<Map<string, number>> {
  return sessionPairings(db, sessionIds, decodeDecide, (p) => p.decide)
}

/** What `kept` reads of each clean cache row, or `fresh` takes of pairings made now for the rest. */
async function sessionPairings<T>(db: Db, sessionIds: readonly string[], kept: (text: string) => T | undefined, fresh: (p: SessionPairing) => T): Promise<Map<string, T>> {
  const c = withCache(db)
  const changes = await inBatches(sessionIds, (ids) => c.selectFrom('pairChanges').select(['id', 'sessionId']).where('sessionId', 'in', ids).execute())
  const rows = new Map<string, CacheRow>()
  for (const r of await inBatches(sessionIds, (ids) => c.selectFrom('sessionPairCache').selectAll().where('sessionId', 'in', ids).execute())) rows.set(r.sessionId, r)
  const changed = new Set(changes.map((r) => r.sessionId))
  const out = new Map<string, T>()
  const dirty: string[] = []
  for (const id of sessionIds) {
    const row = rows.get(id)
    const value = row && row.algo === PAIRING_VERSION && !changed.has(id) ? kept(row.pairs) : undefined
    if (value !== undefined) out.set(id, value)
    else dirty.push(id)
  }
  if (dirty.length) {
    const paired = await pairNow(db, dirty)
    await pairCacheSeam.beforeSave?.()
    await save(db, paired, rows, changes)
    for (const [id, p] of paired) out.set(id, fresh(p))
  }
  return new Map(sessionIds.map((id) => [id, out.get(id)!]))
}

/** Pairs these sessions' answers now, without the cache (the reference the cache must equal). */
export async function pairSessionsNow(db: Db, sessionIds: readonly string[]): Promise<Map<string, SessionPair[]>> {
  return new Map([...(await pairNow(db, sessionIds))].map(([id, p]) => [id, p.pairs]))
}

/** Codes waiting for a decision per session, worked out now without the cache (tests' reference). */
export async function pairsToDecideNow(db: Db, sessionIds: readonly string[]): Promise<Map<string, number>> {
  return new Map([...(await pairNow(db, sessionIds))].map(([id, p]) => [id, p.decide]))
}

async function pairNow(db: Db, sessionIds: readonly string[]): Promise<Map<string, SessionPairing>> {
  const out = new Map<string, SessionPairing>(sessionIds.map((id) => [id, { pairs: [], decide: 0 }]))
  // A hundred sessions at a time (platform/db/batches.ts): one IN list of thousands made PostgreSQL read
  // every programme's answers. Ordered, so a session's pairs come out the same whichever batch it is in.
  for (let i = 0; i < sessionIds.length; i += ID_BATCH) {
    const ids = sessionIds.slice(i, i + ID_BATCH)
    const answers = await db
      .selectFrom('submissions as s')
      .select(['s.id', 's.code', 's.phase', 's.groupKind', 's.score', 's.maxScore', 's.sessionId'])
      .where('s.sessionId', 'in', ids)
      .where('s.phase', 'in', ['pre', 'post'])
      .where('s.excludedAt', 'is', null)
      .orderBy('s.sessionId')
      .orderBy('s.id')
      .execute()
    type Answer = (typeof answers)[number]
    const decisions = async (list: Promise<{ sessionId: string; pre: string; post: string }[]>) => {
      const bySession = new Map<string, { pre: string; post: string }[]>()
      for (const d of await list) bySession.set(d.sessionId, [...(bySession.get(d.sessionId) ?? []), d])
      return bySession
    }
    const confirmed = await decisions(q.listConfirmedPairs(db, ids))
    const rejected = await decisions(q.listRejectedPairs(db, ids))
    // Grouped by session and group as they come, without copying each answer.
    const groups = new Map<string, { sessionId: string; pre: Answer[]; post: Answer[] }>()
    for (const r of answers) {
      const key = `${r.sessionId} ${r.groupKind}`
      let group = groups.get(key)
      if (!group) groups.set(key, (group = { sessionId: r.sessionId, pre: [], post: [] }))
      ;(r.phase === 'pre' ? group.pre : group.post).push(r)
    }
    for (const group of groups.values()) {
      const byId = new Map<string, Answer>()
      for (const r of group.pre) byId.set(r.id, r)
      for (const r of group.post) byId.set(r.id, r)
      const session = out.get(group.sessionId)!
      const decided = [confirmed.get(group.sessionId), rejected.get(group.sessionId)] as const
      // What waits for a person counts every answer that can pair (as the answers page shows them);
      // the pairs kept for scores are those of scored answers only.
      const every = matchCodes(group.pre, group.post, ...decided)
      session.decide += every.pairs.filter((p) => p.how === 'tolerant').length + every.ambiguous.length
      const scored = (list: Answer[]) => list.filter((r) => r.maxScore !== null)
      const allScored = group.pre.every((r) => r.maxScore !== null) && group.post.every((r) => r.maxScore !== null)
      for (const p of (allScored ? every : matchCodes(scored(group.pre), scored(group.post), ...decided)).pairs) {
        const pre = byId.get(p.pre)!
        const post = byId.get(p.post)!
        session.pairs.push([pre.id, pre.groupKind, pre.score!, pre.maxScore!, post.score!, post.maxScore!])
      }
    }
  }
  return out
}

/** Keeps fresh pairs and removes the change rows read before pairing, for each session whose row nobody replaced meanwhile. */
async function save(db: Db, fresh: Map<string, SessionPairing>, rows: Map<string, CacheRow>, changes: { id: number; sessionId: string }[]): Promise<void> {
  // Sessions in one order in every reader, so two readers saving overlapping sessions cannot deadlock.
  const ids = [...fresh.keys()].sort()
  const write = async (t: ReturnType<typeof withCache>) => {
    const saved = new Set<string>()
    const fresher = ids.filter((id) => !rows.has(id))
    for (let i = 0; i < fresher.length; i += ID_BATCH) {
      const values = fresher.slice(i, i + ID_BATCH).map((sessionId) => ({ sessionId, algo: PAIRING_VERSION, pairs: encode(fresh.get(sessionId)!) }))
      // A row another reader saved meanwhile stays: it is as new as this one or newer.
      const inserted = await t.insertInto('sessionPairCache').values(values).onConflict((oc) => oc.column('sessionId').doNothing()).returning('sessionId').execute()
      for (const r of inserted) saved.add(r.sessionId)
    }
    for (const id of ids) {
      const row = rows.get(id)
      if (!row) continue
      const result = await t
        .updateTable('sessionPairCache')
        .set({ algo: PAIRING_VERSION, pairs: encode(fresh.get(id)!), generation: row.generation + 1 })
        .where('sessionId', '=', id)
        .where('generation', '=', row.generation)
        .executeTakeFirst()
      if (Number(result.numUpdatedRows) > 0) saved.add(id)
    }
    const done = changes.filter((c) => saved.has(c.sessionId)).map((c) => c.id)
    for (let i = 0; i < done.length; i += ID_BATCH) await t.deleteFrom('pairChanges').where('id', 'in', done.slice(i, i + ID_BATCH)).execute()
  }
  const c = withCache(db)
  try {
    if (c.isTransaction) await write(c)
    else await c.transaction().execute(write)
  } catch (e) {
    // A session deleted while it was paired: nothing is saved, and the sessions stay dirty for the next
    // reader (which no longer lists the deleted one). The pairs made are still right for this request.
    if (!isForeignKeyViolation(e) || c.isTransaction) throw e
  }
}

/**
 * Removes every change row that has a newer one for the same session: a session never read keeps one row
 * instead of one per answer written (SQLite's row triggers), and stays exactly as dirty. Safe beside
 * readers: a reader that read a removed row deletes nothing by it, and the newer row it left keeps the
 * session to be paired again. Returns how many rows went.
 */
export async function compactPairChanges(db: Db): Promise<number> {
  const c = withCache(db)
  const result = await c
    .deleteFrom('pairChanges as old')
    .where(({ exists, selectFrom }) => exists(selectFrom('pairChanges as newer').select('newer.id').whereRef('newer.sessionId', '=', 'old.sessionId').whereRef('newer.id', '>', 'old.id')))
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** Compacts the change log every `everyMs` (main.ts: hourly) until stopped; several servers doing it is harmless. */
export function startPairChangeCompaction(db: Db, everyMs: number, onError: (e: unknown) => void): () => void {
  const timer = setInterval(() => void compactPairChanges(db).catch(onError), everyMs)
  timer.unref()
  return () => clearInterval(timer)
}
