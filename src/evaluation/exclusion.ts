// Leaving an answer out of the results, and taking it back in. The answer itself is never deleted:
// who left it out, when and why stays on it and in the audit log, so the numbers can be explained.
import type { Kysely } from 'kysely'
import type { Database } from '../database.ts'
import { insertAuditEntry, type Actor } from '../accounts/audit-queries.ts'
import type { Role } from '../accounts/permissions.ts'
import { Problem } from '../platform/http/problems.ts'
import { assertMayRecord, getSession } from '../outreach/sessions.ts'
import { EXCLUSION_REASONS, type ExclusionReason } from './evaluation-tables.ts'

export async function excludeSubmission(db: Kysely<Database>, actor: Actor & { role: Role }, sessionId: string, submissionId: string, reason: string): Promise<void> {
  assertMayRecord(actor.role, actor.id ?? '', await getSession(db, sessionId))
  if (!(EXCLUSION_REASONS as readonly string[]).includes(reason)) throw new Problem('validation', {}, [{ field: 'reason', message: 'exclude.reasonRequired' }])
  const result = await db
    .updateTable('submissions')
    .set({ excludedAt: new Date().toISOString(), excludedBy: actor.id, excludedReason: reason as ExclusionReason })
    .where('id', '=', submissionId)
    .where('sessionId', '=', sessionId)
    .where('excludedAt', 'is', null)
    .executeTakeFirst()
  if (!Number(result.numUpdatedRows)) throw new Problem('not-found')
  await insertAuditEntry(db, actor, 'evaluation.exclude', { type: 'session', id: sessionId }, { submission: submissionId, reason })
}

export async function includeSubmission(db: Kysely<Database>, actor: Actor & { role: Role }, sessionId: string, submissionId: string): Promise<void> {
  assertMayRecord(actor.role, actor.id ?? '', await getSession(db, sessionId))
  const result = await db
    .updateTable('submissions')
    .set({ excludedAt: null, excludedBy: null, excludedReason: null })
    .where('id', '=', submissionId)
    .where('sessionId', '=', sessionId)
    .where('excludedAt', 'is not', null)
    .executeTakeFirst()
  if (!Number(result.numUpdatedRows)) throw new Problem('not-found')
  await insertAuditEntry(db, actor, 'evaluation.include', { type: 'session', id: sessionId }, { submission: submissionId })
}

/**
 * Leaves out (reason given) or counts again several answers of a session at once: those already so
 * are skipped. One audit entry per answer changed, as for one at a time. Returns how many changed.
 */
export async function setSubmissionsCounted(db: Kysely<Database>, actor: Actor & { role: Role }, sessionId: string, ids: string[], change: { exclude: string } | 'include'): Promise<number> {
  assertMayRecord(actor.role, actor.id ?? '', await getSession(db, sessionId))
  const reason = change === 'include' ? null : change.exclude
  if (reason !== null && !(EXCLUSION_REASONS as readonly string[]).includes(reason)) throw new Problem('validation', {}, [{ field: 'reason', message: 'exclude.reasonRequired' }])
  if (ids.length === 0) throw new Problem('validation', {}, [{ field: 'ids', message: 'answers.noneChosen' }])
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('submissions')
      .select('id')
      .where('sessionId', '=', sessionId)
      .where('id', 'in', ids)
      .where('excludedAt', reason === null ? 'is not' : 'is', null)
      .execute()
    const changed = rows.map((r) => r.id)
    if (changed.length === 0) return 0
    const set = reason === null ? { excludedAt: null, excludedBy: null, excludedReason: null } : { excludedAt: new Date().toISOString(), excludedBy: actor.id, excludedReason: reason as ExclusionReason }
    await trx.updateTable('submissions').set(set).where('id', 'in', changed).execute()
    for (const id of changed) {
      if (reason === null) await insertAuditEntry(trx, actor, 'evaluation.include', { type: 'session', id: sessionId }, { submission: id })
      else await insertAuditEntry(trx, actor, 'evaluation.exclude', { type: 'session', id: sessionId }, { submission: id, reason })
    }
    return changed.length
  })
}
