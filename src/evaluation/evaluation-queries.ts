// All SQL for the evaluation tables.
import type { SelectQueryBuilder } from 'kysely'
import type { Database, Db } from '../database.ts'
import { reusableQuery } from '../platform/db/reusable-query.ts'
import { HELD, type FreeTextStatus, type Phase } from './evaluation-tables.ts'
import type { AnswerFilter } from './answers-filter.ts'
import { findTimingAnchors, outOfOrder, outOfOrderColumn, type TimingAnchors } from './round-timing-queries.ts'

export const findQuestionnaireByKey = (db: Db, key: string) => db.selectFrom('questionnaires').selectAll().where('key', '=', key).executeTakeFirst()

export const listQuestionnaires = (db: Db) => db.selectFrom('questionnaires').selectAll().orderBy('kind').orderBy('key').execute()

export const findLatestVersion = (db: Db, questionnaireId: string) =>
  db.selectFrom('questionnaireVersions').selectAll().where('questionnaireId', '=', questionnaireId).orderBy('version', 'desc').limit(1).executeTakeFirst()

export const findVersion = (db: Db, id: string) => db.selectFrom('questionnaireVersions').selectAll().where('id', '=', id).executeTakeFirst()
export const findVersionByNumber = (db: Db, questionnaireId: string, version: number) =>
  db.selectFrom('questionnaireVersions').selectAll().where('questionnaireId', '=', questionnaireId).where('version', '=', version).executeTakeFirst()
export const findQuestionnaireById = (db: Db, id: string) => db.selectFrom('questionnaires').selectAll().where('id', '=', id).executeTakeFirst()

export async function hasSubmissions(db: Db, versionId: string): Promise<boolean> {
  return !!(await db.selectFrom('submissions').select('id').where('questionnaireVersionId', '=', versionId).limit(1).executeTakeFirst())
}

const linkWithQuestionnaire = (db: Db) =>
  db
    .selectFrom('collectionLinks as l')
    .innerJoin('questionnaireVersions as v', 'v.id', 'l.questionnaireVersionId')
    .innerJoin('questionnaires as q', 'q.id', 'v.questionnaireId')
    .innerJoin('sessions as s', 's.id', 'l.sessionId')
    .select(['l.id', 'l.token', 'l.sessionId', 'l.phase', 'l.groupKind', 'l.codeElements', 'l.closedAt', 'l.opensAt', 'l.closesAt', 'l.questionnaireVersionId', 'q.titleId', 'q.titleEn', 'q.introId', 'q.introEn', 'q.kind', 's.status as sessionStatus', 's.title as sessionTitle', 's.startsAt as sessionStartsAt'])
export const findLinkById = (db: Db, id: string) => linkWithQuestionnaire(db).where('l.id', '=', id).executeTakeFirst()
export type LinkWithQuestionnaire = NonNullable<Awaited<ReturnType<typeof findLinkById>>>
// Read on every answer a phone sends: compiled once (reusable-query.ts).
const linkByToken = reusableQuery((db: Db, token: string) => linkWithQuestionnaire(db).where('l.token', '=', token))
export const findLinkByToken = async (db: Db, token: string): Promise<LinkWithQuestionnaire | undefined> => (await linkByToken(db, token)).rows[0]

export const listSessionLinks = (db: Db, sessionId: string) =>
  db
    .selectFrom('collectionLinks as l')
    .innerJoin('questionnaireVersions as v', 'v.id', 'l.questionnaireVersionId')
    .innerJoin('questionnaires as q', 'q.id', 'v.questionnaireId')
    .select(['l.id', 'l.token', 'l.phase', 'l.groupKind', 'l.codeElements', 'l.closedAt', 'l.opensAt', 'l.closesAt', 'l.createdAt', 'l.questionnaireVersionId', 'q.key as questionnaireKey', 'q.titleId', 'q.titleEn', 'q.kind', 'v.version'])
    .select((eb) => eb.selectFrom('submissions as s').select((e) => e.fn.countAll<number>().as('n')).whereRef('s.linkId', '=', 'l.id').where('s.excludedAt', 'is', null).as('submissions'))
    .where('l.sessionId', '=', sessionId)
    .orderBy('l.createdAt')
    .execute()

/** The answers that count: every result, export and pairing reads these. */
export const listSubmissions = (db: Db, sessionId: string, phases: Phase[]) =>
  db.selectFrom('submissions').selectAll().where('sessionId', '=', sessionId).where('phase', 'in', phases).where('excludedAt', 'is', null).orderBy('receivedAt').orderBy('id').execute()

/** A session's answers, left out or not, filtered by round, status and code (exact or a prefix): for staff to review. */
const reviewedSubmissions = (db: Db, sessionId: string, f: Omit<AnswerFilter, 'page' | 'pageSize'>, timing: TimingAnchors) =>
  db
    .selectFrom('submissions')
    .where('sessionId', '=', sessionId)
    .$if(!!f.phase, (qb) => qb.where('phase', '=', f.phase!))
    .$if(f.status === 'counted', (qb) => qb.where('excludedAt', 'is', null))
    .$if(f.status === 'left-out', (qb) => qb.where('excludedAt', 'is not', null).where('excludedReason', '!=', HELD))
    .$if(f.status === 'held', (qb) => qb.where('excludedReason', '=', HELD))
    // answers-filter.ts keeps only A–Z, 0–9 and '-' in the code: no wildcard reaches LIKE.
    .$if(!!f.code, (qb) => qb.where('code', 'like', `${f.code}%`))
    .$if(f.flag === 'timing', (qb) => qb.where(outOfOrder(timing)))

/** When each code of a session was first written, per group, counting left-out answers too (so that a participant number never moves). */
export const listFirstAnswersByCode = (db: Db, sessionId: string) =>
  db.selectFrom('submissions').select(['groupKind', 'code']).select((eb) => eb.fn.min('receivedAt').as('first')).where('sessionId', '=', sessionId).groupBy(['groupKind', 'code']).execute()

/** Whether any answer (counted, left out or held) came in through a session's links for one group. */
export async function hasGroupSubmissions(db: Db, sessionId: string, groupKind: string): Promise<boolean> {
  return !!(await db.selectFrom('submissions').select('id').where('sessionId', '=', sessionId).where('groupKind', '=', groupKind).limit(1).executeTakeFirst())
}

/** One page of a session's answers, newest first, and how many match in all. */
export async function listSubmissionPage(db: Db, sessionId: string, f: AnswerFilter, sessionEnd: string) {
  const timing = await findTimingAnchors(db, sessionId, sessionEnd)
  const { n } = await reviewedSubmissions(db, sessionId, f, timing)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow()
  const answers = await reviewedSubmissions(db, sessionId, f, timing)
    .select(['id', 'phase', 'groupKind', 'code', 'score', 'maxScore', 'source', 'receivedAt', 'excludedAt', 'excludedReason'])
    .select(outOfOrderColumn(timing))
    .orderBy('receivedAt', 'desc')
    .orderBy('id')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute()
  return { answers, total: Number(n) }
}

export const listKeywords = (db: Db) => db.selectFrom('disclosureKeywords').selectAll().orderBy('locale').orderBy('phrase').execute()

export const listConfirmedPairs = (db: Db, sessionIds: string[]) =>
  sessionIds.length ? db.selectFrom('confirmedPairs').select(['id', 'sessionId', 'preId as pre', 'postId as post']).where('sessionId', 'in', sessionIds).execute() : Promise.resolve([])

export const listRejectedPairs = (db: Db, sessionIds: string[]) =>
  sessionIds.length ? db.selectFrom('rejectedPairs').select(['id', 'sessionId', 'preId as pre', 'postId as post']).where('sessionId', 'in', sessionIds).execute() : Promise.resolve([])

/** Which free-text answers of these sessions a referral person has read, and what they decided. */
export const listFreeTextReviews = (db: Db, sessionIds: string[]) =>
  sessionIds.length ? db.selectFrom('freeTextReviews').select(['submissionId', 'itemId', 'status']).where('sessionId', 'in', sessionIds).execute() : Promise.resolve([])

/** Records a decision once: false when the answer had been decided already (by someone else meanwhile). */
export async function insertFreeTextReview(db: Db, row: { submissionId: string; itemId: string; sessionId: string; status: FreeTextStatus; reviewedBy: string | null }): Promise<boolean> {
  const result = await db.insertInto('freeTextReviews').values({ ...row, reviewedAt: new Date().toISOString() }).onConflict((oc) => oc.columns(['submissionId', 'itemId']).doNothing()).executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows) > 0
}

/** Every questionnaire version (id and definition), to find those with free-text items. */
export const listVersionDefinitions = (db: Db) => db.selectFrom('questionnaireVersions').select(['id', 'definition']).execute()

/**
 * Answers (left out or not: a disclosure may hide in either) to these questionnaire versions, in these
 * sessions (a subquery), or every session's when `sessionIds` is undefined; oldest first.
 */
export const listSubmissionsOfVersions = (db: Db, versionIds: string[], sessionIds: string[] | SessionIdQuery | undefined) =>
  versionIds.length
    ? db
        .selectFrom('submissions')
        .select(['id', 'sessionId', 'phase', 'groupKind', 'questionnaireVersionId', 'answers', 'receivedAt'])
        .where('questionnaireVersionId', 'in', versionIds)
        .$if(sessionIds !== undefined, (qb) => qb.where('sessionId', 'in', sessionIds!))
        .orderBy('receivedAt')
        .execute()
    : Promise.resolve([])
type SessionIdQuery = SelectQueryBuilder<Database, 'sessionFacilitators', { sessionId: string }>

/** One answer of a session with everything staff review: its answers, questionnaire version and status. */
export const findReviewedSubmission = (db: Db, sessionId: string, submissionId: string) =>
  db
    .selectFrom('submissions')
    .select(['id', 'phase', 'groupKind', 'code', 'score', 'maxScore', 'source', 'receivedAt', 'excludedAt', 'excludedReason', 'answers', 'questionnaireVersionId'])
    .where('id', '=', submissionId)
    .where('sessionId', '=', sessionId)
    .executeTakeFirst()

/** What referral people decided about one answer's written items. */
export const listReviewsOfSubmission = (db: Db, submissionId: string) => db.selectFrom('freeTextReviews').select(['itemId', 'status']).where('submissionId', '=', submissionId).execute()

export const findSubmission = (db: Db, sessionId: string, submissionId: string) =>
  db.selectFrom('submissions').select(['id', 'sessionId', 'questionnaireVersionId', 'answers', 'receivedAt']).where('id', '=', submissionId).where('sessionId', '=', sessionId).executeTakeFirst()
