import crypto from 'node:crypto'
import type { Kysely } from 'kysely'
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator'
import type { Database, Db } from '../database.ts'
import { insertAuditEntry, type Actor } from '../accounts/audit-queries.ts'
import { can, type Role } from '../accounts/permissions.ts'
import { sha256 } from '../accounts/secrets.ts'
import { Problem } from '../platform/http/problems.ts'
import { getProgramme } from './programmes.ts'
import { listSessions } from './session-queries.ts'
import { addDays, wallTimeToUtc } from './session-rules.ts'
import { withLinks } from './sessions.ts'
import { listVisitStatus } from './visit-plans.ts'

export type FeedKind = 'facilitator' | 'programme'

/**
 * Makes the secret address of a calendar feed: a facilitator's own sessions, or a programme's sessions
 * and visit due dates. One feed per owner and subject; making it again replaces (and so revokes) the old one.
 */
export async function createFeed(db: Kysely<Database>, actor: Actor, kind: FeedKind, subjectId: string): Promise<string> {
  return db.transaction().execute(async (trx) => {
    if (kind === 'programme') await getProgramme(trx, subjectId)
    else if (subjectId !== actor.id) throw new Problem('forbidden')
    const token = crypto.randomBytes(32).toString('base64url')
    await trx.deleteFrom('calendarFeeds').where('ownerId', '=', actor.id!).where('kind', '=', kind).where('subjectId', '=', subjectId).execute()
    await trx.insertInto('calendarFeeds').values({ id: crypto.randomUUID(), tokenHash: sha256(token), kind, subjectId, ownerId: actor.id!, createdAt: new Date().toISOString() }).execute()
    await insertAuditEntry(trx, actor, 'calendar-feed.create', { type: kind, id: subjectId }, {})
    return token
  })
}

export async function listFeeds(db: Db, ownerId: string) {
  return db.selectFrom('calendarFeeds').select(['id', 'kind', 'subjectId', 'createdAt']).where('ownerId', '=', ownerId).orderBy('createdAt').execute()
}

export async function revokeFeed(db: Kysely<Database>, actor: Actor, id: string): Promise<void> {
  const deleted = await db.deleteFrom('calendarFeeds').where('id', '=', id).where('ownerId', '=', actor.id!).executeTakeFirst()
  if (!deleted.numDeletedRows) throw new Problem('not-found')
  await insertAuditEntry(db, actor, 'calendar-feed.revoke', { type: 'calendar-feed', id }, {})
}

export interface FeedTexts {
  name: (kind: FeedKind, subject: string) => string
  visitDue: (area: string) => string
  format: (format: string) => string
}

/**
 * The iCalendar text of a feed, or not-found for an unknown or revoked secret, or an owner who may no
 * longer see programmes. Times are sent in UTC, converted from the programme's wall-clock time.
 */
export async function renderFeed(db: Db, token: string, o: { timeZone: string; publicUrl: string; today: string; texts: FeedTexts }): Promise<string> {
  const feed = await db.selectFrom('calendarFeeds').selectAll().where('tokenHash', '=', sha256(token)).executeTakeFirst()
  if (!feed) throw new Problem('not-found')
  const owner = await db.selectFrom('users').select(['role', 'status', 'displayName']).where('id', '=', feed.ownerId).executeTakeFirst()
  if (!owner || owner.status !== 'active' || !can(owner.role as Role, 'programme.view')) throw new Problem('not-found')
  const from = addDays(o.today, -90)
  const programme = feed.kind === 'programme' ? await db.selectFrom('programmes').select(['id', 'name', 'startsOn']).where('id', '=', feed.subjectId).executeTakeFirst() : undefined
  if (feed.kind === 'programme' && !programme) throw new Problem('not-found')
  const sessions = await withLinks(db, await listSessions(db, feed.kind === 'programme' ? { programmeIds: [feed.subjectId], from } : { facilitatorId: feed.subjectId, from }))
  const areaNames = new Map((await db.selectFrom('areas').select(['id', 'name']).execute()).map((a) => [a.id, a.name]))
  const calendar = ical({ name: o.texts.name(feed.kind, programme?.name ?? owner.displayName), prodId: { company: 'Jaga', product: 'outreach', language: 'ID' }, method: ICalCalendarMethod.PUBLISH, ttl: 60 * 60 })
  for (const s of sessions) {
    calendar.createEvent({
      id: `session-${s.id}@jaga`,
      start: wallTimeToUtc(s.startsAt, o.timeZone),
      end: wallTimeToUtc(s.endsAt, o.timeZone),
      summary: `${s.title} (${o.texts.format(s.format)})`,
      location: [s.venue, areaNames.get(s.areaId)].filter(Boolean).join(', '),
      url: `${o.publicUrl}/sessions/${s.id}`,
      status: s.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      ...(s.onlineLink ? { description: s.onlineLink } : {}),
    })
  }
  if (programme) {
    for (const v of await listVisitStatus(db, [programme.id], o.today)) {
      const due = v.nextDue < o.today ? o.today : v.nextDue
      calendar.createEvent({ id: `visit-${v.planId}-${v.areaId}@jaga`, start: new Date(`${due}T00:00:00Z`), allDay: true, summary: o.texts.visitDue(v.areaName === v.parentName ? v.areaName : `${v.areaName}, ${v.parentName}`), url: `${o.publicUrl}/programmes/${programme.id}` })
    }
  }
  return calendar.toString()
}
