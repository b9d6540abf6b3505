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
