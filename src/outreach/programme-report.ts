import type { Db } from '../database.ts'
import { listUsers } from '../accounts/user-queries.ts'
import { blankPersonalData } from '../platform/personal-data.ts'
import { programmeCoverage, type Coverage, type KnowledgeSource } from './coverage.ts'
import type { GroupKnowledge } from './knowledge.ts'
import { listPartners } from './partner-queries.ts'
import { getProgramme } from './programmes.ts'
import { referralCounts } from './referrals.ts'
import { listSessions } from './session-queries.ts'
import { suppressOne, type Shown } from './suppression.ts'
import { peopleBySession } from './sessions.ts'
import type { SessionFormat, SessionStatus } from './session-form.ts'
import type { ProgrammeStatus } from './outreach-tables.ts'

export interface ProgrammeReport {
  programme: { id: string; name: string; goal: string | null; startsOn: string; endsOn: string; status: ProgrammeStatus; coordinator: string | null; areas: string[]; partners: string[]; facilitators: number }
  sessions: { startsAt: string; endsAt: string; title: string; format: SessionFormat; area: string; status: SessionStatus; people: Shown; notes: ReportNote; followUps: ReportNote }[]
  coverage: Coverage
  /** Before and after per target group, as the programme's results page shows it to this reader; null without an evaluation slice. */
  knowledge: GroupKnowledge | null
  /** True for a partner's report: session notes are free text written by the team, not an aggregate, so they stay with the team. */
  notesForTeamOnly: boolean
  /** Counts only, never details; counts under 5 are always hidden, as the report leaves the team. */
  referrals: { total: Shown; byStatus: Record<string, Shown>; byConcern: Record<string, Shown> }
  generatedOn: string
}

/**
 * A session's notes or follow-ups as staff wrote them, with phone numbers, e-mail addresses and the
 * like blanked as in written answers; a note that reads like a disclosure is withheld (a disclosure
 * goes to a referral, never into a report), and shown as `withheld`.
 */
export type ReportNote = { text: string } | { withheld: true } | null

/** Tells whether a text reads like a disclosure of harm (the evaluation slice's screen, with the staff's phrases; see app.ts). */
export type NoteScreen = (text: string) => boolean

function reportNote(text: string | null, looksLikeDisclosure: NoteScreen): ReportNote {
  if (!text?.trim()) return null
  const clean = blankPersonalData(text).text
  return looksLikeDisclosure(text) ? { withheld: true } : { text: clean }
}

/** Everything the programme report shows, for the HTML page and the PDF alike. */
export async function programmeReport(db: Db, programmeId: string, o: { today: string; suppress: boolean; knowledge?: KnowledgeSource; knowledgeAsOf?: string | null; groupKnowledge?: GroupKnowledge | null; screen: NoteScreen }): Promise<ProgrammeReport> {
  const p = await getProgramme(db, programmeId)
  const areaNames = new Map((await db.selectFrom('areas').select(['id', 'name']).execute()).map((a) => [a.id, a.name]))
  const partners = new Map((await listPartners(db)).map((x) => [x.id, x.name]))
  const users = new Map((await listUsers(db)).map((u) => [u.id, u.displayName]))
  const sessions = await listSessions(db, { programmeIds: [p.id] })
  const people = await peopleBySession(db, sessions.map((s) => s.id))
  const referrals = await referralCounts(db, p.id)
  const hide = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, suppressOne(n)]))
  return {
    programme: {
      id: p.id,
      name: p.name,
      goal: p.goal,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      status: p.status,
      coordinator: p.coordinatorId ? (users.get(p.coordinatorId) ?? null) : null,
      areas: p.areaIds.map((id) => areaNames.get(id) ?? '—'),
      partners: p.partnerIds.map((id) => partners.get(id) ?? '—'),
      facilitators: p.facilitatorIds.length,
    },
    sessions: sessions.map((s) => {
      const n = people.get(s.id) ?? 0
      return { startsAt: s.startsAt, endsAt: s.endsAt, title: s.title, format: s.format, area: areaNames.get(s.areaId) ?? '—', status: s.status, people: o.suppress ? suppressOne(n) : n, notes: o.suppress ? null : reportNote(s.notes, o.screen), followUps: o.suppress ? null : reportNote(s.followUps, o.screen) }
    }),
    coverage: await programmeCoverage(db, p.id, o),
    knowledge: o.groupKnowledge ?? null,
    notesForTeamOnly: o.suppress,
    referrals: { total: suppressOne(referrals.total), byStatus: hide(referrals.byStatus), byConcern: hide(referrals.byConcern) },
    generatedOn: o.today,
  }
}
