import type { Db } from '../database.ts'
import type { RetentionRunsTable } from './evaluation-tables.ts'

export type RetentionRun = RetentionRunsTable
export type RetentionCounts = Pick<RetentionRun, 'submissions' | 'texts' | 'reviews' | 'disclosures'>

/**
 * Submissions still holding their raw answers whose session started before `cutoff` (a local date,
 * YYYY-MM-DD; startsAt is local wall-clock time) and that arrived before it too (a 3-month follow-up
 * belongs to an older session but is new). Keyset-paged by id so a run over millions stays small.
 */
export function listRetentionCandidates(db: Db, cutoff: string, afterId: string, limit: number) {
  return db
    .selectFrom('submissions as s')
    .innerJoin('sessions as x', 'x.id', 's.sessionId')
    .select(['s.id', 's.answers', 's.questionnaireVersionId', 's.receivedAt', 's.hiddenItems'])
    .where('x.startsAt', '<', cutoff)
    .where('s.receivedAt', '<', cutoff)
    .where('s.answersRemovedAt', 'is', null)
    .where('s.id', '>', afterId)
    .orderBy('s.id')
    .limit(limit)
    .execute()
}

/** Writes the trimmed answers; false when another run got there first (the row is no longer untouched). */
export async function trimSubmissionAnswers(db: Db, id: string, row: { answers: string; hiddenItems: string | null; at: string; months: number }): Promise<boolean> {
  const result = await db
    .updateTable('submissions')
    .set({ answers: row.answers, hiddenItems: row.hiddenItems, answersRemovedAt: row.at, answersKeptMonths: row.months })
    .where('id', '=', id)
    .where('answersRemovedAt', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function countFreeTextReviews(db: Db, submissionIds: string[]): Promise<number> {
  if (submissionIds.length === 0) return 0
  const row = await db.selectFrom('freeTextReviews').select((eb) => eb.fn.countAll<number>().as('n')).where('submissionId', 'in', submissionIds).executeTakeFirst()
  return Number(row?.n ?? 0)
}

export async function deleteFreeTextReviews(db: Db, submissionIds: string[]): Promise<number> {
  if (submissionIds.length === 0) return 0
  const result = await db.deleteFrom('freeTextReviews').where('submissionId', 'in', submissionIds).executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** Handled disclosures from sessions before the cutoff that still hold their words. Open ones are never touched. */
function handledOldDisclosures(db: Db, cutoff: string) {
  return db
    .selectFrom('disclosures as d')
    .innerJoin('sessions as x', 'x.id', 'd.sessionId')
    .select('d.id')
    .where('x.startsAt', '<', cutoff)
    .where('d.receivedAt', '<', cutoff)
    .where('d.handledAt', 'is not', null)
    .where('d.text', '<>', '')
}

export async function countOldDisclosureTexts(db: Db, cutoff: string): Promise<number> {
  return (await handledOldDisclosures(db, cutoff).execute()).length
}

/** Blanks the words of handled old disclosures; the record that one was made and handled stays. */
export async function blankOldDisclosureTexts(db: Db, cutoff: string): Promise<number> {
  const ids = (await handledOldDisclosures(db, cutoff).execute()).map((r) => r.id)
  if (ids.length === 0) return 0
  const result = await db.updateTable('disclosures').set({ text: '' }).where('id', 'in', ids).where('handledAt', 'is not', null).where('text', '<>', '').executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/**
 * Starts a run's row; false when the id exists. The daily run's id names the day, so with several
 * servers on one database exactly one insert succeeds (the primary key decides, on both databases).
 */
export async function claimRetentionRun(db: Db, run: Pick<RetentionRun, 'id' | 'startedAt' | 'months' | 'cutoff'>): Promise<boolean> {
  const result = await db
    .insertInto('retentionRuns')
    .values({ ...run, finishedAt: null, submissions: 0, texts: 0, reviews: 0, disclosures: 0 })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows) === 1
}

export async function finishRetentionRun(db: Db, id: string, finishedAt: string, counts: RetentionCounts): Promise<void> {
  await db.updateTable('retentionRuns').set({ finishedAt, ...counts }).where('id', '=', id).execute()
}

/** The newest finished run, for the admin's start page. */
export function findLastRetentionRun(db: Db): Promise<RetentionRun | undefined> {
  return db.selectFrom('retentionRuns').selectAll().where('finishedAt', 'is not', null).orderBy('startedAt', 'desc').limit(1).executeTakeFirst()
}

/** The setting a session's answers were trimmed under, if any were: for the exports' note. */
export async function findRemovalOf(db: Db, sessionId: string): Promise<{ months: number } | undefined> {
  const row = await db.selectFrom('submissions').select(['answersKeptMonths']).where('sessionId', '=', sessionId).where('answersRemovedAt', 'is not', null).limit(1).executeTakeFirst()
  return row && row.answersKeptMonths !== null ? { months: Number(row.answersKeptMonths) } : undefined
}
