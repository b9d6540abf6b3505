// Reading participants' written answers before anyone else sees them: the queue of those waiting,
// releasing one into the results, or flagging one as telling of harm (it then moves to the
// disclosures and out of the submission, so it never reaches the data). Decisions are audited
// without the words.
import crypto from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database, Db } from '../database.ts'
import { insertAuditEntry, type Actor } from '../accounts/audit-queries.ts'
import type { Role } from '../accounts/permissions.ts'
import { Problem } from '../platform/http/problems.ts'
import { getSession } from '../outreach/sessions.ts'
import { definitionOf } from './collection.ts'
import * as q from './evaluation-queries.ts'
import type { FreeTextStatus, Phase } from './evaluation-tables.ts'
import { reviewKey, textItemsOf, waitingTexts } from './free-text.ts'
import type { Bilingual, Item } from './questionnaire-schema.ts'
import { mayReadWordsOf } from './referral-access.ts'

export interface WaitingComment {
  sessionId: string
  submissionId: string
  itemId: string
  label: Bilingual
  text: string
  phase: Phase
  groupKind: string
  receivedAt: string
}

/** Questionnaire versions that ask for written answers, with those items. */
export async function textVersions(db: Db): Promise<Map<string, Item[]>> {
  const found = new Map<string, Item[]>()
  for (const v of await q.listVersionDefinitions(db)) {
    const items = textItemsOf(definitionOf(v))
    if (items.length) found.set(v.id, items)
  }
  return found
}

/** Reviews of these sessions as a map from reviewKey to the decision. */
export async function reviewsOf(db: Db, sessionIds: string[]): Promise<Map<string, FreeTextStatus>> {
  return new Map((await q.listFreeTextReviews(db, sessionIds)).map((r) => [reviewKey(r.submissionId, r.itemId), r.status]))
}

/** Written answers nobody has read yet, oldest first: of these sessions (or a subquery of them), or of all when undefined. */
export async function listWaitingComments(db: Db, sessionIds: Parameters<typeof q.listSubmissionsOfVersions>[2]): Promise<WaitingComment[]> {
  const versions = await textVersions(db)
  const rows = await q.listSubmissionsOfVersions(db, [...versions.keys()], sessionIds)
  const reviews = await reviewsOf(db, [...new Set(rows.map((r) => r.sessionId))])
  return rows.flatMap((s) => {
    const items = versions.get(s.questionnaireVersionId)!
    return waitingTexts(items, { id: s.id, answers: JSON.parse(s.answers) as Record<string, unknown> }, reviews).map((w) => ({
      sessionId: s.sessionId,
      submissionId: s.id,
      itemId: w.itemId,
      label: items.find((i) => i.id === w.itemId)!.label,
      text: w.text,
      phase: s.phase,
      groupKind: s.groupKind,
      receivedAt: s.receivedAt,
    }))
  })
}

/** How many written answers wait, per session. */
export async function countWaitingBySession(db: Db, sessionIds: Parameters<typeof q.listSubmissionsOfVersions>[2]): Promise<Map<string, number>> {
  const counts = new Map<string, number>()
  for (const c of await listWaitingComments(db, sessionIds)) counts.set(c.sessionId, (counts.get(c.sessionId) ?? 0) + 1)
  return counts
}

/**
 * Releases a written answer into the results, or flags it as telling of harm. Only those who read the
 * session's disclosures may. False when someone had decided on it already.
 */
export async function reviewComment(db: Kysely<Database>, actor: Actor & { role: Role }, sessionId: string, submissionId: string, itemId: string, status: FreeTextStatus): Promise<boolean> {
  const session = await getSession(db, sessionId)
  if (!mayReadWordsOf({ id: actor.id ?? '', role: actor.role }, session)) throw new Problem('forbidden')
  return db.transaction().execute(async (trx) => {
    const submission = await q.findSubmission(trx, sessionId, submissionId)
    const version = submission && (await q.findVersion(trx, submission.questionnaireVersionId))
    const answers = submission ? (JSON.parse(submission.answers) as Record<string, unknown>) : {}
    const text = answers[itemId]
    if (!submission || !version || !textItemsOf(definitionOf(version)).some((i) => i.id === itemId) || typeof text !== 'string') throw new Problem('not-found')
    if (!(await q.insertFreeTextReview(trx, { submissionId, itemId, sessionId, status, reviewedBy: actor.id }))) return false
    if (status === 'flagged') {
      await trx.insertInto('disclosures').values({ id: crypto.randomUUID(), sessionId, submissionId, itemId, text, receivedAt: submission.receivedAt, handledAt: null, handledBy: null }).execute()
      delete answers[itemId]
      await trx.updateTable('submissions').set({ answers: JSON.stringify(answers) }).where('id', '=', submissionId).execute()
    }
    await insertAuditEntry(trx, actor, status === 'released' ? 'free-text.release' : 'free-text.flag', { type: 'session', id: sessionId }, { submission: submissionId, item: itemId })
    return true
  })
}
