// What happens around storing a participant's answers from a phone: a flood to one link is held
// for review (never refused: a refusal would lose a genuine answer, and a hall of phones on one
// Wi-Fi looks like one sender), and every submission is counted per link and hour with no
// personal data. The state lives in the database, so any number of app servers agree (the counts
// within about a second: submission-counts.ts).
import { sql, type Kysely } from 'kysely'
import type { Database } from '../database.ts'
import type { Logger } from '../platform/log.ts'
import { Problem } from '../platform/http/problems.ts'
import { metrics } from '../platform/http/metrics-registry.ts'
import { reusableQuery } from '../platform/db/reusable-query.ts'
import type { RawSubmission } from './answers.ts'
import { submit, type SubmitResult } from './collection.ts'
import type * as q from './evaluation-queries.ts'
import { HELD, type SubmissionOutcome } from './evaluation-tables.ts'
import { addCount, flushSettled, keptStoredTotal, pendingCounts } from './submission-counts.ts'

export { hourOf } from './submission-counts.ts'

/** The rolling window the hold threshold (config.collectHoldAfter) counts over. */
export const HOLD_WINDOW_MS = 10 * 60_000
/**
 * However slowly they come, one link takes at most this many phone answers as counted (a session's
 * link serves one room or one webinar: a few hundred people, rarely a few thousand); later ones are
 * held like a flood. Past LINK_MAX_PHONE_ANSWERS stored, the link stops storing: 429, and the phone's
 * outbox keeps the answer and tries again later (browser/outbox.ts), so nothing is lost while the
 * database cannot be filled without end through one address. The defaults; config can raise both
 * (JAGA_COLLECT_HOLD_TOTAL, JAGA_COLLECT_LINK_MAX) for a national webinar on one link.
 */
export const LINK_HOLD_TOTAL = 3000
export const LINK_MAX_PHONE_ANSWERS = 20_000

export interface IntakeResult extends SubmitResult {
  /** Stored, but left out of results until staff count it in. The participant is not told: to them it was received. */
  held: boolean
}

export async function receivePhoneSubmission(
  deps: { db: Kysely<Database>; log: Logger; holdAfter: number; holdTotal?: number; maxPerLink?: number },
  link: q.LinkWithQuestionnaire,
  raw: RawSubmission,
  /** A link kept by token (collect-routes.tsx): submit() throws StaleLink, with nothing stored or counted, when it is out of date. */
  options: { linkMayBeStale?: boolean } = {},
): Promise<IntakeResult> {
  const { db } = deps
  // Read before storing, so this submission is not among those counted. Two servers reading at the
  // same moment may both let one through past the threshold: a few more counted, never one lost.
  // The link's total from its hourly counts (a handful of rows), not by counting its submissions; while it
  // is under the rolling threshold, the window is too, and the window count (an index range) is skipped:
  // ordinary links pay one tiny read, a link in a flood at most `holdAfter` index entries.
  const total = await phoneAnswersOf(db, link.id)
  const recent = total < deps.holdAfter ? total : await phoneSubmissionsSince(db, link.id, new Date(Date.now() - HOLD_WINDOW_MS).toISOString(), deps.holdAfter)
  if (total >= (deps.maxPerLink ?? LINK_MAX_PHONE_ANSWERS)) {
    count(deps, link.id, 'refused')
    throw new Problem('rate-limited', { minutes: 60 }, [], undefined, { 'Retry-After': '3600' })
  }
  let result: SubmitResult
  try {
    result = await submit(db, link, raw, 'phone', options)
  } catch (e) {
    if (e instanceof Problem && e.code === 'validation') count(deps, link.id, 'refused')
    throw e
  }
  let held = false
  if (!result.duplicate && (recent >= deps.holdAfter || total >= (deps.holdTotal ?? LINK_HOLD_TOTAL))) {
    // submit() stores an answer as counted; holding it is a second statement. Between the two, a
    // results page may include it for a moment; if the server dies in between, it stays counted.
    await db
      .updateTable('submissions')
      .set({ excludedAt: new Date().toISOString(), excludedBy: null, excludedReason: HELD })
      .where('id', '=', raw.id)
      .where('linkId', '=', link.id)
      .where('excludedAt', 'is', null)
      .execute()
    held = true
  }
  count(deps, link.id, result.duplicate ? 'duplicate' : held ? 'held' : 'accepted')
  return { ...result, held }
}

/** Phone answers of a link since a time, counted up to `atMost` (enough to know the hold applies). */
async function phoneSubmissionsSince(db: Kysely<Database>, linkId: string, since: string, atMost: number): Promise<number> {
  const row = await db
    .selectFrom((qb) =>
      // A constant, not a column: the count is answered from the index alone.
      qb.selectFrom('submissions').select(sql<number>`1`.as('one')).where('linkId', '=', linkId).where('source', '=', 'phone').where('receivedAt', '>=', since).limit(atMost).as('recent'),
    )
    .select((e) => e.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

// Read on every answer a phone sends: compiled once (reusable-query.ts).
const storedPhoneAnswers = reusableQuery((db: Kysely<Database>, linkId: string) =>
  db.selectFrom('linkSubmissionCounts').select((e) => e.fn.sum<number | string | null>('count').as('n')).where('linkId', '=', linkId).where('outcome', 'in', ['accepted', 'held']),
)

/** Phone answers a link has stored (counted or held), from the hourly counts (the table's part read at most once a second). */
async function phoneAnswersOf(db: Kysely<Database>, linkId: string): Promise<number> {
  await flushSettled(db)
  const stored = await keptStoredTotal(db, linkId, async () => Number((await storedPhoneAnswers(db, linkId)).rows[0]?.n ?? 0))
  let pending = 0
  for (const p of pendingCounts(db, [linkId])) if (p.outcome === 'accepted' || p.outcome === 'held') pending += p.count
  return stored + pending
}

const phoneSubmissions = metrics.counter('jaga_phone_submissions_total', 'Answers sent from phones, by outcome: accepted, held (stored, waiting for staff), duplicate (a resend), refused.')

/** Adds one to the link's count for this hour, in memory until the next flush (submission-counts.ts): never a lost acknowledgement. */
function count(deps: { db: Kysely<Database>; log: Logger }, linkId: string, outcome: SubmissionOutcome): void {
  phoneSubmissions.inc({ outcome })
  addCount(deps.db, deps.log, linkId, outcome)
}

export interface LinkCounts {
  accepted: number
  duplicate: number
  refused: number
  held: number
}

/** Totals per link over all hours, for the session's evaluation page. */
export async function countsByLink(db: Kysely<Database>, linkIds: string[]): Promise<Map<string, LinkCounts>> {
  const totals = new Map<string, LinkCounts>()
  if (!linkIds.length) return totals
  await flushSettled(db)
  const rows = await db
    .selectFrom('linkSubmissionCounts')
    .select(['linkId', 'outcome', (e) => e.fn.sum<number | string>('count').as('n')])
    .where('linkId', 'in', linkIds)
    .groupBy(['linkId', 'outcome'])
    .execute()
  for (const r of rows) {
    const t = totals.get(r.linkId) ?? { accepted: 0, duplicate: 0, refused: 0, held: 0 }
    t[r.outcome] = Number(r.n)
    totals.set(r.linkId, t)
  }
  for (const p of pendingCounts(db, linkIds)) {
    const t = totals.get(p.linkId) ?? { accepted: 0, duplicate: 0, refused: 0, held: 0 }
    t[p.outcome] += p.count
    totals.set(p.linkId, t)
  }
  return totals
}
