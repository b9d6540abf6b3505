// Setting when a round's link opens and closes. Stored in UTC; typed and shown in the deployment's zone.
import type { Kysely } from 'kysely'
import type { Database } from '../database.ts'
import { insertAuditEntry, type Actor } from '../accounts/audit-queries.ts'
import type { Role } from '../accounts/permissions.ts'
import { Problem, type FieldError } from '../platform/http/problems.ts'
import { assertMayRecord, getSession } from '../outreach/sessions.ts'
import { localInputToUtc, opensBeforeSession } from './round-timing.ts'
import * as q from './round-timing-queries.ts'

export interface LinkTimesInput {
  /** `datetime-local` values in the deployment's zone; blank for none. */
  opensAt: string
  closesAt: string
}

/** Parses the typed times; a field error for one that is not a time, or a closing time not after the opening. */
export function parseLinkTimes(input: LinkTimesInput, timeZone: string): { opensAt: string | null; closesAt: string | null } {
  const opensAt = localInputToUtc(input.opensAt, timeZone)
  const closesAt = localInputToUtc(input.closesAt, timeZone)
  const errors: FieldError[] = []
  if (opensAt === null) errors.push({ field: 'opensAt', message: 'timing.notATime' })
  if (closesAt === null) errors.push({ field: 'closesAt', message: 'timing.notATime' })
  if (opensAt && closesAt && closesAt <= opensAt) errors.push({ field: 'closesAt', message: 'timing.closesBeforeOpens' })
  if (errors.length) throw new Problem('validation', {}, errors)
  return { opensAt: opensAt ?? null, closesAt: closesAt ?? null }
}

export async function setLinkTimes(db: Kysely<Database>, actor: Actor & { role: Role }, sessionId: string, linkId: string, times: { opensAt: string | null; closesAt: string | null }): Promise<void> {
  const session = await getSession(db, sessionId)
  assertMayRecord(actor.role, actor.id ?? '', session)
  if (times.opensAt && times.closesAt && times.closesAt <= times.opensAt) throw new Problem('validation', {}, [{ field: 'closesAt', message: 'timing.closesBeforeOpens' }])
  const result = await q.setLinkTimes(db, sessionId, linkId, times)
  if (!Number(result.numUpdatedRows)) throw new Problem('not-found')
  await insertAuditEntry(db, actor, 'collect.times', { type: 'session', id: sessionId }, { link: linkId, opensAt: times.opensAt, closesAt: times.closesAt })
}

/** The one-click choice: the link opens one hour before the session starts (its closing time is kept when it is later). */
export async function openBeforeSession(db: Kysely<Database>, actor: Actor & { role: Role }, sessionId: string, linkId: string, timeZone: string): Promise<void> {
  const session = await getSession(db, sessionId)
  const link = await q.findSessionLink(db, sessionId, linkId)
  if (!link) throw new Problem('not-found')
  const opensAt = opensBeforeSession(session, timeZone)
  await setLinkTimes(db, actor, sessionId, linkId, { opensAt, closesAt: link.closesAt && link.closesAt > opensAt ? link.closesAt : null })
}
