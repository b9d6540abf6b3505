import type { Db } from '../database.ts'
import { listUsers } from '../accounts/user-queries.ts'
import { programmeCoverage, type Coverage, type KnowledgeSource } from './coverage.ts'
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
  sessions: { startsAt: string; endsAt: string; title: string; format: SessionFormat; area: string; status: SessionStatus; people: Shown }[]
  coverage: Coverage
  /** Counts only, never details; counts under 5 are always hidden, as the report leaves the team. */
  referrals: { total: Shown; byStatus: Record<string, Shown>; byConcern: Record<string, Shown> }
  generatedOn: string
}

/** Everything the programme report shows, for the HTML page and the PDF alike. */
export async function programmeReport(db: Db, programmeId: string, o: { today: string; suppress: boolean; knowledge?: KnowledgeSource; knowledgeAsOf?: string | null }): Promise<ProgrammeReport> {
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
      return { startsAt: s.startsAt, endsAt: s.endsAt, title: s.title, format: s.format, area: areaNames.get(s.areaId) ?? '—', status: s.status, people: o.suppress ? suppressOne(n) : n }
    }),
    coverage: await programmeCoverage(db, p.id, o),
    referrals: { total: suppressOne(referrals.total), byStatus: hide(referrals.byStatus), byConcern: hide(referrals.byConcern) },
    generatedOn: o.today,
  }
}
