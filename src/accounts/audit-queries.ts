import crypto from 'node:crypto'
import type { Db } from '../database.ts'
import type { AuditEntriesTable } from './account-tables.ts'

export type AuditEntry = AuditEntriesTable

export interface Actor {
  id: string | null
  /** An email, or "cli" for the command line. */
  label: string
}

export interface AuditFilter {
  actor?: string | undefined
  action?: string | undefined
  /** Inclusive dates, YYYY-MM-DD, in UTC. */
  from?: string | undefined
  to?: string | undefined
  page: number
}

export const AUDIT_PAGE_SIZE = 50

export async function insertAuditEntry(
  db: Db,
  actor: Actor,
  action: string,
  subject: { type: string; id?: string | null },
  summary: Record<string, unknown>,
): Promise<void> {
  await db
    .insertInto('auditEntries')
    .values({
      id: crypto.randomUUID(),
      at: new Date().toISOString(),
      actorId: actor.id,
      actorLabel: actor.label,
      action,
      subjectType: subject.type,
      subjectId: subject.id ?? null,
      summary: JSON.stringify(summary),
    })
    .execute()
}

/** One page of entries, newest first, and whether there is a next page. */
export async function listAuditEntries(db: Db, f: AuditFilter): Promise<{ entries: AuditEntry[]; hasNext: boolean }> {
  let q = db.selectFrom('auditEntries').selectAll()
  if (f.actor) q = q.where('actorLabel', '=', f.actor.toLowerCase())
  if (f.action) q = q.where('action', '=', f.action)
  if (f.from) q = q.where('at', '>=', `${f.from}T00:00:00.000Z`)
  if (f.to) q = q.where('at', '<=', `${f.to}T23:59:59.999Z`)
  const rows = await q
    .orderBy('at', 'desc')
    .orderBy('id')
    .limit(AUDIT_PAGE_SIZE + 1)
    .offset((f.page - 1) * AUDIT_PAGE_SIZE)
    .execute()
  return { entries: rows.slice(0, AUDIT_PAGE_SIZE), hasNext: rows.length > AUDIT_PAGE_SIZE }
}

export async function listAuditActions(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('auditEntries').select('action').distinct().orderBy('action').execute()
  return rows.map((r) => r.action)
}
