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

/** The state as the JSON API gives it. */
export function reviewJson(c: r.VersionCheck) {
  return { state: reviewStateOf(c), checkedBy: c.checkedByName, checkedAt: c.checkedAt, note: c.checkNote }
}

export async function getVersionCheck(db: Db, key: string, version?: number): Promise<r.VersionCheck & { questionnaireId: string }> {
  const questionnaire = await q.findQuestionnaireByKey(db, key)
  const number = version ?? (questionnaire && (await q.findLatestVersion(db, questionnaire.id)))?.version
  const check = questionnaire && number !== undefined ? await r.findVersionCheck(db, questionnaire.id, number) : undefined
  if (!questionnaire || !check) throw new Problem('not-found')
  return { ...check, questionnaireId: questionnaire.id }
}

/** Marks one version checked. Four eyes: whoever wrote (or last changed) it cannot; checking twice is a conflict. */
export async function checkVersion(db: Db, actor: Actor, key: string, version: number, note: string): Promise<r.VersionCheck> {
  return db.transaction().execute(async (trx) => {
    const check = await getVersionCheck(trx, key, version)
    if (check.checkedAt) throw new Problem('conflict', {}, [], 'questionnaireReview.alreadyChecked')
    if (!actor.id || check.createdBy === actor.id) throw new Problem('forbidden', {}, [], 'questionnaireReview.ownVersion')
    const trimmed = note.replace(/\u0000/g, '').trim().slice(0, MAX_CHECK_NOTE) || null
    if (!(await r.markChecked(trx, check.versionId, actor.id, new Date().toISOString(), trimmed))) throw new Problem('conflict', {}, [], 'questionnaireReview.alreadyChecked')
    await insertAuditEntry(trx, actor, 'questionnaire.check', { type: 'questionnaire', id: check.questionnaireId }, { key, version })
    return getVersionCheck(trx, key, version)
  })
}
