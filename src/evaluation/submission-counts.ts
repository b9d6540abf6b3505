// The per-link, per-hour counts of phone answers by outcome, kept in memory and added to the database
// about once a second (and when the server stops) rather than by one write per answer: that write was a
// second statement on every submission (bench/ingest.ts). Each flush ADDS its numbers to the stored ones
// (count = count + n), so any number of servers on one PostgreSQL add up. Readers in this process add
// what is still waiting (pendingCounts), so within one server nothing is seen late; another server sees
// it within FLUSH_EVERY_MS. A crash loses at most that second of counts, never an answer: the answers
// themselves are stored before the reply, as before.
import { sql, type Kysely } from 'kysely'
import type { Database } from '../database.ts'
import type { Logger } from '../platform/log.ts'
import type { SubmissionOutcome } from './evaluation-tables.ts'

export const FLUSH_EVERY_MS = 1000

/** UTC hour of an instant, 'YYYY-MM-DDTHH'. */
export const hourOf = (at: Date): string => at.toISOString().slice(0, 13)

interface Pending {
  linkId: string
  hour: string
  outcome: SubmissionOutcome
  count: number
}

interface Buffer {
  pending: Map<string, Pending>
  /** Taken out of pending by the flush under way and not yet committed: still counted by readers. */
  writing: Pending[]
  timer: NodeJS.Timeout | undefined
  /** The flush under way: flushes run one after another, so one never adds another's numbers twice. */
  flushing: Promise<void>
  log: Logger | undefined
  /** Flushes failed in a row; past MAX_FAILED_FLUSHES the counts are given up (a closed database, a long outage). */
  failed: number
  /** Flushes committed so far: a total read from the table before the latest one is out of date. */
  flushed: number
  /** Links' totals as read from the table (keptStoredTotal), with when and after which flush. */
  stored: Map<string, { n: number; flushed: number; at: number }>
}

const MAX_FAILED_FLUSHES = 60

// One buffer per database, found from any handle of it: keyed by the dialect adapter, which a handle shares
// with its transactions and its withPlugin copies (app.ts times queries through one when /metrics is on,
// while main.ts flushes the store's own handle at shutdown). Tests open many databases, a server one.
const buffers = new WeakMap<object, Buffer>()
const keyOf = (db: Kysely<Database>): object => db.getExecutor().adapter

function bufferOf(db: Kysely<Database>): Buffer {
  let b = buffers.get(keyOf(db))
  if (!b) buffers.set(keyOf(db), (b = { pending: new Map(), writing: [], timer: undefined, flushing: Promise.resolve(), log: undefined, failed: 0, flushed: 0, stored: new Map() }))
  return b
}

function add(b: Buffer, linkId: string, hour: string, outcome: SubmissionOutcome, n: number): void {
  const key = `${linkId}\u0000${hour}\u0000${outcome}`
  const p = b.pending.get(key)
  if (p) p.count += n
  else b.pending.set(key, { linkId, hour, outcome, count: n })
}

/** Counts one answer's outcome for its link and the current hour; written by the next flush. */
export function addCount(db: Kysely<Database>, log: Logger, linkId: string, outcome: SubmissionOutcome, at = new Date()): void {
  const b = bufferOf(db)
  b.log = log
  add(b, linkId, hourOf(at), outcome, 1)
  // Unref'd: a waiting flush never keeps a process alive; a server flushes at shutdown (main.ts).
  b.timer ??= setTimeout(() => void flushSubmissionCounts(db), FLUSH_EVERY_MS).unref()
}

/** The counts of this process not yet in the database, optionally for some links only. */
export function pendingCounts(db: Kysely<Database>, linkIds?: readonly string[]): Pending[] {
  const b = buffers.get(keyOf(db))
  if (!b) return []
  const rows = [...b.pending.values(), ...b.writing]
  return linkIds ? rows.filter((r) => linkIds.includes(r.linkId)) : rows
}

/**
 * Waits for a flush under way. A reader that sums the table and then adds pendingCounts waits first:
 * otherwise a flush committing between its two reads would count its rows twice or not at all.
 */
export function flushSettled(db: Kysely<Database>): Promise<void> {
  return buffers.get(keyOf(db))?.flushing ?? Promise.resolve()
}

/** How many links' totals keptStoredTotal keeps per database (a few dozen bytes each). */
const KEPT_TOTALS = 10_000

/**
 * A link's total as stored in the table, from `read`, kept for up to FLUSH_EVERY_MS: the table changes
 * only by flushes, and this process's own make the kept total out of date at once (read again after
 * it), so within one server the total plus pendingCounts stays exact. Another server's flush is seen
 * within FLUSH_EVERY_MS of it, as its counts already arrive up to that late. Saves a query on every
 * answer a phone sends: bench/ingest.ts with BENCH_BEFORE, 5 x 5 s alternating, load 9-13 on 2 cores,
 * CPU per answer SQLite 0.80 -> 0.69 ms, PostgreSQL 2.04 -> 1.98 ms.
 */
export async function keptStoredTotal(db: Kysely<Database>, linkId: string, read: () => Promise<number>): Promise<number> {
  const b = bufferOf(db)
  const kept = b.stored.get(linkId)
  const now = Date.now()
  if (kept && kept.flushed === b.flushed && now - kept.at < FLUSH_EVERY_MS) return kept.n
  // The flush count from before the read: a flush committing during it leaves the total out of date at once.
  const flushed = b.flushed
  const n = await read()
  if (b.stored.size >= KEPT_TOTALS) b.stored.clear()
  b.stored.set(linkId, { n, flushed, at: now })
  return n
}

/** Adds every waiting count to the database (one statement). A failure puts them back for the next flush and is logged. */
export function flushSubmissionCounts(db: Kysely<Database>): Promise<void> {
  const b = buffers.get(keyOf(db))
  if (!b) return Promise.resolve()
  b.flushing = b.flushing.then(async () => {
    if (b.timer) clearTimeout(b.timer)
    b.timer = undefined
    const rows = [...b.pending.values()]
    b.pending = new Map()
    if (!rows.length) return
    b.writing = rows
    try {
      await db
        .insertInto('linkSubmissionCounts')
        .values(rows)
        .onConflict((oc) => oc.columns(['linkId', 'hour', 'outcome']).doUpdateSet({ count: sql<number>`link_submission_counts.count + excluded.count` }))
        .execute()
      b.failed = 0
      b.flushed++
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e)
      if (++b.failed > MAX_FAILED_FLUSHES) return b.log?.error('submission counts given up', { rows: rows.length, error })
      for (const r of rows) add(b, r.linkId, r.hour, r.outcome, r.count)
      b.log?.warn('submission counts not recorded yet', { rows: rows.length, error })
      b.timer ??= setTimeout(() => void flushSubmissionCounts(db), FLUSH_EVERY_MS).unref()
    } finally {
      b.writing = []
    }
  })
  return b.flushing
}
