// Questionnaires waiting for review: a version built or imported in Jaga is checked by a second person
// (programme.edit, never its author) before it counts as checked. Links can still be handed out with an
// unchecked version (a small team may have one coordinator): the session's evaluation page warns instead.
import type { Db } from '../database.ts'
import { insertAuditEntry, type Actor } from '../accounts/audit-queries.ts'
import { Problem } from '../platform/http/problems.ts'
import * as q from './evaluation-queries.ts'
import * as r from './questionnaire-review-queries.ts'

export const MAX_CHECK_NOTE = 500

export type ReviewState = 'checked' | 'shipped' | 'unchecked'

export const reviewStateOf = (c: Pick<r.VersionCheck, 'checkedAt' | 'checkedBy'>): ReviewState => (!c.checkedAt ? 'unchecked' : c.checkedBy ? 'checked' : 'shipped')

/** The state as the JSON API gives it; `fingerprint` goes back with a check. */
export function reviewJson(c: r.VersionCheck) {
  return { state: reviewStateOf(c), checkedBy: c.checkedByName, checkedAt: c.checkedAt, note: c.checkNote, fingerprint: r.fingerprintOf(c.definition) }
}

/** Whether this user wrote or changed the version's text (then someone else checks it). */
export const isEditor = (c: Pick<r.VersionCheck, 'editors' | 'createdBy'>, userId: string | null): boolean => !!userId && r.editorsOf(c).includes(userId)

export async function getVersionCheck(db: Db, key: string, version?: number): Promise<r.VersionCheck & { questionnaireId: string }> {
  const questionnaire = await q.findQuestionnaireByKey(db, key)
  const number = version ?? (questionnaire && (await q.findLatestVersion(db, questionnaire.id)))?.version
  const check = questionnaire && number !== undefined ? await r.findVersionCheck(db, questionnaire.id, number) : undefined
  if (!questionnaire || !check) throw new Problem('not-found')
  return { ...check, questionnaireId: questionnaire.id }
}

/**
 * Marks one version checked. Four eyes: nobody who wrote or changed its text can; checking twice is a
 * conflict, and so is a fingerprint that is not of the text as it is now (it changed in place since the
 * checker opened it).
 */
export async function checkVersion(db: Db, actor: Actor, key: string, version: number, fingerprint: string, note: string): Promise<r.VersionCheck> {
  const trimmed = note.replace(/\u0000/g, '').trim() || null
  if (trimmed && trimmed.length > MAX_CHECK_NOTE) throw new Problem('validation', {}, [{ field: 'note', message: 'validation.tooLong', params: { max: MAX_CHECK_NOTE } }])
  return db.transaction().execute(async (trx) => {
    const check = await getVersionCheck(trx, key, version)
    if (check.checkedAt) throw new Problem('conflict', {}, [], 'questionnaireReview.alreadyChecked')
    if (!actor.id || isEditor(check, actor.id)) throw new Problem('forbidden', {}, [], 'questionnaireReview.ownVersion')
    if (fingerprint !== r.fingerprintOf(check.definition)) throw new Problem('conflict', {}, [], 'questionnaireReview.changed')
    if (!(await r.markChecked(trx, check.versionId, check.definition, actor.id, new Date().toISOString(), trimmed))) {
      const now = await getVersionCheck(trx, key, version)
      throw new Problem('conflict', {}, [], now.checkedAt ? 'questionnaireReview.alreadyChecked' : 'questionnaireReview.changed')
    }
    await insertAuditEntry(trx, actor, 'questionnaire.check', { type: 'questionnaire', id: check.questionnaireId }, { key, version })
    return getVersionCheck(trx, key, version)
  })
}
