// A person's decision on codes too alike to pair on their own: this before answer and this after
// answer are the same participant (or not, once undone).
import crypto from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../database.ts'
import { insertAuditEntry, type Actor } from '../accounts/audit-queries.ts'
import type { Role } from '../accounts/permissions.ts'
import { Problem } from '../platform/http/problems.ts'
import { assertMayRecord, getSession } from '../outreach/sessions.ts'

export async function confirmPair(db: Kysely<Database>, actor: Actor & { role: Role }, sessionId: string, preId: string, postId: string): Promise<void> {
  const session = await getSession(db, sessionId)
  assertMayRecord(actor.role, actor.id ?? '', session)
  const rows = await db.selectFrom('submissions').select(['id', 'phase', 'groupKind', 'sessionId']).where('id', 'in', [preId, postId]).where('excludedAt', 'is', null).execute()
  const pre = rows.find((r) => r.id === preId)
  const post = rows.find((r) => r.id === postId)
  if (!pre || !post || pre.sessionId !== sessionId || post.sessionId !== sessionId || pre.phase !== 'pre' || post.phase !== 'post' || pre.groupKind !== post.groupKind) throw new Problem('not-found')
  const taken = await db.selectFrom('confirmedPairs').select('id').where((w) => w.or([w('preId', '=', preId), w('postId', '=', postId)])).executeTakeFirst()
  if (taken) throw new Problem('conflict', {}, [], 'problem.collect.alreadyPaired')
  await db.insertInto('confirmedPairs').values({ id: crypto.randomUUID(), sessionId, preId, postId, confirmedBy: actor.id, confirmedAt: new Date().toISOString() }).execute()
  await insertAuditEntry(db, actor, 'evaluation.pair', { type: 'session', id: sessionId }, { pre: preId, post: postId })
}

export async function undoPair(db: Kysely<Database>, actor: Actor & { role: Role }, sessionId: string, pairId: string): Promise<void> {
  const session = await getSession(db, sessionId)
  assertMayRecord(actor.role, actor.id ?? '', session)
  const result = await db.deleteFrom('confirmedPairs').where('id', '=', pairId).where('sessionId', '=', sessionId).executeTakeFirst()
  if (!Number(result.numDeletedRows)) throw new Problem('not-found')
  await insertAuditEntry(db, actor, 'evaluation.unpair', { type: 'session', id: sessionId }, { pair: pairId })
}
