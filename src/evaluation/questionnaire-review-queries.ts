// SQL for the check of questionnaire versions (questionnaire-review.ts).
import { createHash } from 'node:crypto'
import type { Db } from '../database.ts'

/** A version's check: who wrote it, who checked it and when (checkedAt without checkedBy: came with a release). */
export interface VersionCheck {
  versionId: string
  version: number
  /** The stored definition JSON the checker must have seen: a change in place keeps the version number. */
  definition: string
  createdBy: string | null
  /** Everyone who wrote or changed this version's text (createdBy is only the last). */
  editors: string | null
  checkedBy: string | null
  checkedByName: string | null
  checkedAt: string | null
  checkNote: string | null
}

const withChecker = (db: Db) =>
  db
    .selectFrom('questionnaireVersions as v')
    .leftJoin('users as u', 'u.id', 'v.checkedBy')
    .select(['v.id as versionId', 'v.version', 'v.definition', 'v.createdBy', 'v.editors', 'v.checkedBy', 'u.displayName as checkedByName', 'v.checkedAt', 'v.checkNote'])

export const findVersionCheck = (db: Db, questionnaireId: string, version: number): Promise<VersionCheck | undefined> =>
  withChecker(db).where('v.questionnaireId', '=', questionnaireId).where('v.version', '=', version).executeTakeFirst()

/** A short fingerprint of a version's text: the check form carries it, so a check approves only what was read. */
export const fingerprintOf = (definition: string): string => createHash('sha256').update(definition).digest('hex').slice(0, 32)

/** The user ids in an editors column. */
export const editorsOf = (c: Pick<VersionCheck, 'editors' | 'createdBy'>): string[] => [...new Set([...(c.editors ?? '').split(' ').filter(Boolean), ...(c.createdBy ? [c.createdBy] : [])])]

/**
 * Marks a version checked unless it already is or its text is no longer `definition`; false when someone
 * else was first or the text changed in between.
 */
export async function markChecked(db: Db, versionId: string, definition: string, by: string, at: string, note: string | null): Promise<boolean> {
  const result = await db
    .updateTable('questionnaireVersions')
    .set({ checkedBy: by, checkedAt: at, checkNote: note })
    .where('id', '=', versionId)
    .where('checkedAt', 'is', null)
    .where('definition', '=', definition)
    .executeTakeFirst()
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
