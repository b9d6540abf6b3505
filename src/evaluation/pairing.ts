// A person's decisions on the pairing: codes too alike to pair on their own (this before answer and
// this after answer are the same participant), and tolerant pairs that are not (kept apart). Each can
// be undone. Only what the page offers is accepted: a pair among the look-alike candidates, or a
// tolerant pair the matching made; anything else would give results the page never showed.
import crypto from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../database.ts'
import { insertAuditEntry, type Actor } from '../accounts/audit-queries.ts'
import type { Role } from '../accounts/permissions.ts'
import { Problem } from '../platform/http/problems.ts'
import { assertMayRecord, getSession } from '../outreach/sessions.ts'
import { matchCodes, type MatchResult } from './code-matching.ts'
import * as q from './evaluation-queries.ts'

type Staff = Actor & { role: Role }

/** The pre and post answers (counted, of this session, one group) and the group's matching as the page shows it. */
async function pairOf(db: Kysely<Database>, actor: Staff, sessionId: string, preId: string, postId: string): Promise<MatchResult> {
  const session = await getSession(db, sessionId)
  assertMayRecord(actor.role, actor.id ?? '', session)
  const rows = await q.listSubmissions(db, sessionId, ['pre', 'post'])
  const pre = rows.find((r) => r.id === preId)
  const post = rows.find((r) => r.id === postId)
  if (!pre || !post || pre.phase !== 'pre' || post.phase !== 'post' || pre.groupKind !== post.groupKind) throw new Problem('not-found')
  const group = rows.filter((r) => r.groupKind === pre.groupKind)
  return matchCodes(
    group.filter((r) => r.phase === 'pre'),
    group.filter((r) => r.phase === 'post'),
    await q.listConfirmedPairs(db, [sessionId]),
    await q.listRejectedPairs(db, [sessionId]),
  )
}

export async function confirmPair(db: Kysely<Database>, actor: Staff, sessionId: string, preId: string, postId: string): Promise<void> {
  const match = await pairOf(db, actor, sessionId, preId, postId)
  const taken = await db.selectFrom('confirmedPairs').select('id').where((w) => w.or([w('preId', '=', preId), w('postId', '=', postId)])).executeTakeFirst()
  if (taken || match.pairs.some((p) => p.pre === preId || p.post === postId)) throw new Problem('conflict', {}, [], 'problem.collect.alreadyPaired')
  const offered = match.ambiguous.some((a) => a.pre === preId && a.candidates.some((c) => c.post === postId))
  if (!offered) throw new Problem('conflict', {}, [], 'problem.pair.notOffered')
  await db.insertInto('confirmedPairs').values({ id: crypto.randomUUID(), sessionId, preId, postId, confirmedBy: actor.id, confirmedAt: new Date().toISOString() }).execute()
  await insertAuditEntry(db, actor, 'evaluation.pair', { type: 'session', id: sessionId }, { pre: preId, post: postId })
}

export async function undoPair(db: Kysely<Database>, actor: Staff, sessionId: string, pairId: string): Promise<void> {
  const session = await getSession(db, sessionId)
  assertMayRecord(actor.role, actor.id ?? '', session)
  const result = await db.deleteFrom('confirmedPairs').where('id', '=', pairId).where('sessionId', '=', sessionId).executeTakeFirst()
  if (!Number(result.numDeletedRows)) throw new Problem('not-found')
  await insertAuditEntry(db, actor, 'evaluation.unpair', { type: 'session', id: sessionId }, { pair: pairId })
}

/** Undoes a tolerant pair: the two answers stay unpaired, in every result and export, until the decision is undone. */
export async function rejectPair(db: Kysely<Database>, actor: Staff, sessionId: string, preId: string, postId: string): Promise<void> {
  const match = await pairOf(db, actor, sessionId, preId, postId)
  if (!match.pairs.some((p) => p.pre === preId && p.post === postId && p.how === 'tolerant')) throw new Problem('conflict', {}, [], 'problem.pair.notTolerant')
  await db.insertInto('rejectedPairs').values({ id: crypto.randomUUID(), sessionId, preId, postId, rejectedBy: actor.id, rejectedAt: new Date().toISOString() }).execute()
  await insertAuditEntry(db, actor, 'evaluation.reject-pair', { type: 'session', id: sessionId }, { pre: preId, post: postId })
}

export async function undoRejection(db: Kysely<Database>, actor: Staff, sessionId: string, rejectionId: string): Promise<void> {
  const session = await getSession(db, sessionId)
  assertMayRecord(actor.role, actor.id ?? '', session)
  const result = await db.deleteFrom('rejectedPairs').where('id', '=', rejectionId).where('sessionId', '=', sessionId).executeTakeFirst()
  if (!Number(result.numDeletedRows)) throw new Problem('not-found')
  await insertAuditEntry(db, actor, 'evaluation.unreject-pair', { type: 'session', id: sessionId }, { rejection: rejectionId })
}
