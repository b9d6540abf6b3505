// SQL for the check of questionnaire versions (questionnaire-review.ts).
import type { Db } from '../database.ts'

/** A version's check: who wrote it, who checked it and when (checkedAt without checkedBy: came with a release). */
export interface VersionCheck {
  versionId: string
  version: number
  createdBy: string | null
  checkedBy: string | null
  checkedByName: string | null
  checkedAt: string | null
  checkNote: string | null
}

const withChecker = (db: Db) =>
  db
    .selectFrom('questionnaireVersions as v')
    .leftJoin('users as u', 'u.id', 'v.checkedBy')
    .select(['v.id as versionId', 'v.version', 'v.createdBy', 'v.checkedBy', 'u.displayName as checkedByName', 'v.checkedAt', 'v.checkNote'])

export const findVersionCheck = (db: Db, questionnaireId: string, version: number): Promise<VersionCheck | undefined> =>
  withChecker(db).where('v.questionnaireId', '=', questionnaireId).where('v.version', '=', version).executeTakeFirst()

/** Marks a version checked unless it already is; false when someone else was first. */
export async function markChecked(db: Db, versionId: string, by: string, at: string, note: string | null): Promise<boolean> {
  const result = await db.updateTable('questionnaireVersions').set({ checkedBy: by, checkedAt: at, checkNote: note }).where('id', '=', versionId).where('checkedAt', 'is', null).executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export interface UncheckedVersion {
  key: string
  titleId: string
  titleEn: string
  version: number
  authorName: string | null
  createdAt: string
}

/**
 * Versions waiting for a check: each questionnaire's newest version, and any older one a link hands out.
 * An older version nobody uses needs no check.
 */
export async function listUncheckedVersions(db: Db): Promise<UncheckedVersion[]> {
  return db
    .selectFrom('questionnaireVersions as v')
    .innerJoin('questionnaires as q', 'q.id', 'v.questionnaireId')
    .leftJoin('users as u', 'u.id', 'v.createdBy')
    .select(['q.key', 'q.titleId', 'q.titleEn', 'v.version', 'u.displayName as authorName', 'v.createdAt'])
    .where('v.checkedAt', 'is', null)
    .where((eb) =>
      eb.or([
        eb('v.version', '=', eb.selectFrom('questionnaireVersions as w').select((e) => e.fn.max('w.version').as('m')).whereRef('w.questionnaireId', '=', 'v.questionnaireId')),
        eb.exists(eb.selectFrom('collectionLinks as l').select('l.id').whereRef('l.questionnaireVersionId', '=', 'v.id')),
      ]),
    )
    .orderBy('v.createdAt')
    .execute()
}

/** The questionnaires a session's links hand out in a version nobody has checked yet. */
export async function listUncheckedOfSession(db: Db, sessionId: string): Promise<{ key: string; titleId: string; titleEn: string; version: number }[]> {
  return db
    .selectFrom('collectionLinks as l')
    .innerJoin('questionnaireVersions as v', 'v.id', 'l.questionnaireVersionId')
    .innerJoin('questionnaires as q', 'q.id', 'v.questionnaireId')
    .select(['q.key', 'q.titleId', 'q.titleEn', 'v.version'])
    .distinct()
    .where('l.sessionId', '=', sessionId)
    .where('v.checkedAt', 'is', null)
    .orderBy('q.key')
    .execute()
}
