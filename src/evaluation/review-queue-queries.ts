// What waits for a person's eyes among a set of sessions' answers, for the start page: written answers
// nobody has read, answers held after a flood to one link, and pairs a person should decide on
// (tolerant pairs the matching made, and codes with more than one candidate). A few queries for all
// the sessions together, never one per session.
import type { Db } from '../database.ts'
import type { ProgrammeScope } from '../outreach/programme-scope.ts'
import type { Role } from '../accounts/permissions.ts'
import { can } from '../accounts/permissions.ts'
import { HELD } from './evaluation-tables.ts'
import { pairsToDecide } from './pair-cache.ts'
import { inBatches } from '../platform/db/batches.ts'
import { countWaitingBySession, textVersions } from './free-text-review.ts'
import { readsAllWords, wordsSessionIds } from './referral-access.ts'

export interface SessionQueue {
  /** Written answers waiting to be read; only counted for those who may read them. */
  comments: number
  held: number
  pairs: number
}

export async function reviewQueues(db: Db, user: { id: string; role: Role }, sessionIds: string[]): Promise<Map<string, SessionQueue>> {
  const out = new Map<string, SessionQueue>(sessionIds.map((id) => [id, { comments: 0, held: 0, pairs: 0 }]))
  if (sessionIds.length === 0) return out
  if (can(user.role, 'referral.record')) {
    // A facilitator reads the words of the sessions they facilitate only (referral-access.ts).
    const readable = readsAllWords(user.role) ? sessionIds : (await wordsSessionIds(db, user)!.where('sessionId', 'in', sessionIds).execute()).map((r) => r.sessionId)
    // Only sessions with answers to a questionnaire that asks for words can have any waiting.
    const versions = [...(await textVersions(db)).keys()]
    const asked = readable.length && versions.length ? await sessionsWithAnswersTo(db, readable, versions) : []
    if (asked.length) for (const [id, n] of await countWaitingBySession(db, asked)) out.get(id)!.comments = n
  }
  // Counted by the database, a batch of sessions at a time (platform/db/batches.ts: all of a month's
  // sessions in one list made PostgreSQL read every answer of every programme). Reading every answer
  // row to count these took over a second of the start page nationally (bench/national.ts). Held answers
  // have an index of their own (migration 35): none held, nothing read. Sessions with written answers are
  // found through the index of answers by questionnaire version (migration 36).
  const held = await inBatches(sessionIds, (ids) =>
    db.selectFrom('submissions').select((eb) => ['sessionId', eb.fn.countAll<number | string>().as('n')]).where('sessionId', 'in', ids).where('excludedReason', '=', HELD).groupBy('sessionId').execute(),
  )
  for (const r of held) out.get(r.sessionId)!.held = Number(r.n)

  // Pairs to decide, kept per session with its pairs (pair-cache.ts): matched again only where answers or
  // decisions changed, not every answer of a month's sessions on every start page.
  for (const [id, n] of await pairsToDecide(db, sessionIds)) out.get(id)!.pairs = n
  return out
}

/** Those of these sessions with any answer to one of these questionnaire versions. */
async function sessionsWithAnswersTo(db: Db, sessionIds: string[], versionIds: string[]): Promise<string[]> {
  const rows = await inBatches(sessionIds, (ids) =>
    db.selectFrom('submissions').select('sessionId').distinct().where('sessionId', 'in', ids).where('questionnaireVersionId', 'in', versionIds).execute(),
  )
  return rows.map((r) => r.sessionId)
}

/** Disclosures nobody has marked handled, among those this person reads (the rule of /disclosures). */
export async function countOpenDisclosures(db: Db, user: { id: string; role: Role }, scope: ProgrammeScope): Promise<number> {
  if (!can(user.role, 'referral.record')) return 0
  let query = db.selectFrom('disclosures as d').innerJoin('sessions as s', 's.id', 'd.sessionId').where('d.handledAt', 'is', null)
  if (!readsAllWords(user.role)) query = query.where('d.sessionId', 'in', wordsSessionIds(db, user)!)
  if (!scope.all) query = query.where('s.programmeId', 'in', [...scope.ids, ''])
  const row = await query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst()
  return Number(row?.n ?? 0)
}
