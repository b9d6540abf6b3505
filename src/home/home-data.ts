// What each role's start page shows, gathered with a handful of queries for all rows together.
// Facilitator: their sessions today and this week, their recent sessions with answers to review or a
// report to write, disclosures waiting. Coordinator: sessions to report, overdue visits, library edits
// and questionnaires waiting, programme progress. Partner: their programmes' report and evaluation. Admin: all of that
// and the users still waiting to accept their invitation.
import type { Db } from '../database.ts'
import { can, type Role } from '../accounts/permissions.ts'
import { listUsers } from '../accounts/user-queries.ts'
import { findLastBackup, type LastBackup } from '../platform/backup/backup-log-queries.ts'
import { listRevisionsByStatus } from '../library/revision-queries.ts'
import { inScope, type ProgrammeScope } from '../outreach/programme-scope.ts'
import { listProgrammes } from '../outreach/programme-queries.ts'
import { listSessions, type Session } from '../outreach/session-queries.ts'
import { addDays } from '../outreach/session-rules.ts'
import { peopleBySession } from '../outreach/sessions.ts'
import { listOverdueVisits } from '../outreach/visit-plans.ts'
import { sessionsToReview, unreportedSessions, type ListedSession } from './home-queries.ts'
import type { VisitStatus } from '../outreach/visit-schedule.ts'
import { programmeKnowledgeMeans } from '../evaluation/programme-knowledge.ts'
import { findLastRetentionRun, type RetentionRun } from '../evaluation/retention-queries.ts'
import { countOpenDisclosures, reviewQueues, type SessionQueue } from '../evaluation/review-queue-queries.ts'
import { listUncheckedVersions, type UncheckedVersion } from '../evaluation/questionnaire-review-queries.ts'

/** How many rows a list on the start page shows; the page links to the full list past that. */
export const HOME_LIST = 10
/** How far back a facilitator's sessions are looked at for answers to review. */
const RECENT_DAYS = 30
/** Programmes whose progress is shown at a glance (active ones first). */
const PROGRESS_PROGRAMMES = 6

export interface HomeSession extends ListedSession {
  queue: SessionQueue
}

export interface ProgrammeProgress {
  id: string
  name: string
  sessionsHeld: number
  people: number
  /** Mean knowledge before and after among matched pairs; null with no pairs. */
  knowledge: { pairs: number; pre: number; post: number } | null
}

export interface HomeData {
  role: Role
  /** Today, YYYY-MM-DD, in the deployment's time zone. */
  today: string
  /** Facilitator: their sessions from today to 7 days on. */
  upcoming?: HomeSession[]
  /** Sessions (theirs, for a facilitator) that have answers waiting for review. */
  toReview?: HomeSession[]
  /** Coordinators and admins: older sessions than those listed have answers waiting too. */
  moreToReview?: boolean
  /** Coordinators and admins: the list goes on from a session shown before (?olderThan=), not from the newest. */
  reviewOlder?: boolean
  /** Past sessions not reported yet. */
  toReport?: { rows: HomeSession[]; total: number }
  openDisclosures?: number
  overdueVisits?: { rows: VisitStatus[]; total: number; mayPlan: boolean; programmeNames: Map<string, string> }
  libraryEdits?: { id: string; locale: string; slug: string; authorLabel: string; submittedAt: string | null }[]
  /** Questionnaire versions nobody has checked yet (coordinators and admins). */
  questionnaires?: UncheckedVersion[]
  progress?: ProgrammeProgress[]
  /** Partner: the programmes their institution is a partner in. */
  partnerProgrammes?: { id: string; name: string; startsOn: string; endsOn: string; status: string }[]
  unlinkedPartner?: boolean
  invitedUsers?: { id: string; displayName: string; email: string; role: Role; createdAt: string }[]
  /** Admin: the newest backup `jaga backup` recorded; null when none ever was. */
  lastBackup?: LastBackup | null
  /** Admin: JAGA_RETAIN_ANSWERS_MONTHS (undefined: answers kept) and the newest finished retention run. */
  retention?: { months: number | undefined; lastRun: RetentionRun | null }
}

export async function homeData(db: Db, user: { id: string; role: Role }, scope: ProgrammeScope, o: { now: string; retainAnswersMonths?: number | undefined; reviewOlderThan?: string | undefined }): Promise<HomeData> {
  const today = o.now.slice(0, 10)
  const data: HomeData = { role: user.role, today }
  const programmes = (await listProgrammes(db)).filter((p) => inScope(scope, p.id))

  if (user.role === 'partner') {
    data.partnerProgrammes = programmes.map((p) => ({ id: p.id, name: p.name, startsOn: p.startsOn, endsOn: p.endsOn, status: p.status }))
    data.unlinkedPartner = !scope.all && scope.unlinkedPartner
    return data
  }

  const withQueues = async (sessions: ListedSession[]): Promise<HomeSession[]> => {
    const queues = await reviewQueues(db, user, sessions.map((s) => s.id))
    return sessions.map((s) => ({ id: s.id, title: s.title, startsAt: s.startsAt, endsAt: s.endsAt, status: s.status, format: s.format, programmeId: s.programmeId, queue: queues.get(s.id)! }))
  }
  const waiting = (s: HomeSession) => s.queue.comments + s.queue.held + s.queue.pairs > 0
  const unreported = (s: Pick<Session, 'status' | 'startsAt' | 'endsAt'>) => (s.status === 'planned' || s.status === 'held') && s.endsAt <= o.now

  if (user.role === 'facilitator') {
    const mine = (await listSessions(db, { facilitatorId: user.id, from: addDays(today, -RECENT_DAYS), before: addDays(today, 8), statuses: ['planned', 'held', 'reported'] })).filter((s) => inScope(scope, s.programmeId))
    const rows = await withQueues(mine)
    data.upcoming = rows.filter((s) => s.startsAt.slice(0, 10) >= today)
    data.toReview = rows.filter((s) => s.startsAt.slice(0, 10) < today && waiting(s))
    const past = rows.filter(unreported).reverse()
    data.toReport = { rows: past.slice(0, HOME_LIST), total: past.length }
    data.openDisclosures = await countOpenDisclosures(db, user, scope)
    return data
  }

  // Coordinators and admins: the newest of each list, asked with a limit (home-queries.ts).
  const past = await unreportedSessions(db, scope, o.now, HOME_LIST)
  const review = await sessionsToReview(db, user, scope, { from: addDays(today, -RECENT_DAYS), before: addDays(today, 1), limit: HOME_LIST, olderThan: o.reviewOlderThan })
  data.toReport = { rows: await withQueues(past.rows), total: past.total }
  data.toReview = review.rows.map(({ session, queue }) => ({ ...session, queue }))
  data.moreToReview = review.more
  data.reviewOlder = review.older
  data.openDisclosures = await countOpenDisclosures(db, user, scope)

  const active = programmes.filter((p) => p.status === 'active')
  const overdue = await listOverdueVisits(db, active.map((p) => p.id), today, HOME_LIST)
  data.overdueVisits = { rows: overdue.rows, total: overdue.total, mayPlan: can(user.role, 'programme.edit'), programmeNames: new Map(programmes.map((p) => [p.id, p.name])) }

  if (can(user.role, 'library.edit')) {
    data.libraryEdits = (await listRevisionsByStatus(db, 'in_review')).map((r) => ({ id: r.id, locale: r.locale, slug: r.slug, authorLabel: r.authorLabel, submittedAt: r.submittedAt }))
  }

  if (can(user.role, 'programme.edit')) data.questionnaires = await listUncheckedVersions(db)

  const glance = [...active, ...programmes.filter((p) => p.status !== 'active' && p.status !== 'cancelled')].slice(0, PROGRESS_PROGRAMMES)
  const held = await listSessions(db, { programmeIds: glance.map((p) => p.id), statuses: ['held', 'reported'] })
  const people = await peopleBySession(db, held.map((s) => s.id))
  data.progress = []
  for (const p of glance) {
    const mineHeld = held.filter((s) => s.programmeId === p.id)
    data.progress.push({
      id: p.id,
      name: p.name,
      sessionsHeld: mineHeld.length,
      people: mineHeld.reduce((n, s) => n + (people.get(s.id) ?? 0), 0),
      // Only the means are shown: summed as they come, not a list of every pair of the programme.
      knowledge: await programmeKnowledgeMeans(db, p.id),
    })
  }

  if (can(user.role, 'user.manage')) {
    data.invitedUsers = (await listUsers(db)).filter((u) => u.status === 'invited').map((u) => ({ id: u.id, displayName: u.displayName, email: u.email, role: u.role, createdAt: u.createdAt }))
    data.lastBackup = (await findLastBackup(db)) ?? null
    data.retention = { months: o.retainAnswersMonths, lastRun: (await findLastRetentionRun(db)) ?? null }
  }
  return data
}
