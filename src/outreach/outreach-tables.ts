import type { PartnerKind } from './partner-form.ts'
import type { BaselineLevel, GroupKind } from './target-group-form.ts'
import type { AgeBand, Gender, SessionFormat, SessionStatus } from './session-form.ts'
import type { CONCERNS, CONSENTS, REFERRAL_AGE_BANDS, ReferralStatus } from './referral-form.ts'

export interface PartnersTable {
  id: string
  name: string
  kind: PartnerKind
  areaId: string | null
  contactName: string | null
  contactPhone: string | null
  contactEmail: string | null
  /** YYYY-MM-DD */
  mouStart: string | null
  mouEnd: string | null
  /** What the partner does in the programme, in a sentence or two. */
  roles: string | null
  /** Set only for a service the public may call: it is then listed in the library's help directory. */
  helpPhone: string | null
  helpHandlesId: string | null
  helpHandlesEn: string | null
  createdAt: string
  updatedAt: string
}

export type ProgrammeStatus = 'planned' | 'active' | 'completed' | 'cancelled'

export interface ProgrammesTable {
  id: string
  name: string
  goal: string | null
  /** YYYY-MM-DD */
  startsOn: string
  endsOn: string
  status: ProgrammeStatus
  coordinatorId: string | null
  createdAt: string
  updatedAt: string
}

export interface TargetGroupsTable {
  id: string
  programmeId: string
  areaId: string
  groupKind: GroupKind
  estimatedSize: number | null
  baselineLevel: BaselineLevel
  baselineNote: string | null
  createdAt: string
  updatedAt: string
}

export interface SessionsTable {
  id: string
  programmeId: string
  title: string
  format: SessionFormat
  /** A village or a neighbourhood inside one of the programme's areas. */
  areaId: string
  venue: string | null
  onlineLink: string | null
  /** Local wall-clock time, YYYY-MM-DDTHH:MM, in the deployment's time zone. */
  startsAt: string
  endsAt: string
  status: SessionStatus
  cancelReason: string | null
  notes: string | null
  followUps: string | null
  createdAt: string
  updatedAt: string
}

export interface AttendanceTable {
  sessionId: string
  groupKind: GroupKind
  gender: Gender
  ageBand: AgeBand
  count: number
}

export interface VisitPlansTable {
  id: string
  programmeId: string
  /** A village or district: each neighbourhood inside it (or the area itself when it has none) is visited. */
  areaId: string
  everyMonths: number
  createdAt: string
  updatedAt: string
}

export interface CalendarFeedsTable {
  id: string
  /** sha256 of the secret in the feed URL. */
  tokenHash: string
  kind: 'facilitator' | 'programme'
  subjectId: string
  ownerId: string
  createdAt: string
}

export interface ReferralsTable {
  id: string
  programmeId: string | null
  /** The day of the disclosure, YYYY-MM-DD. */
  occurredOn: string
  /** A kelurahan or desa: never finer, so a referral cannot point at a household. */
  areaId: string
  ageBand: (typeof REFERRAL_AGE_BANDS)[number]
  concern: (typeof CONCERNS)[number]
  /** The service the person was referred to: a partner institution, or (channelId) a help-directory channel. */
  partnerId: string | null
  /** The id of a channel in the library's help directory (content/help-channels.json: "sapa-129"). */
  channelId: string | null
  consent: (typeof CONSENTS)[number]
  status: ReferralStatus
  nextFollowUp: string | null
  note: string | null
  recordedBy: string
  createdAt: string
  updatedAt: string
}

export interface ReferralUpdatesTable {
  id: string
  referralId: string
  onDate: string
  status: ReferralStatus
  note: string | null
  byUser: string
  createdAt: string
}

/** What partners see of a programme's knowledge scores: a dated copy, renewed after 5 new pairs (see partner-snapshots.ts). */
export interface PartnerSnapshotsTable {
  id: string
  programmeId: string
  takenAt: string
  pairs: number
  /** JSON of the pairs' anonymous scores: area, kelurahan, group, format, pre and post shares. */
  data: string
}

export interface DemoRecordsTable {
  kind: 'user' | 'area' | 'partner' | 'programme' | 'referral'
  recordId: string
}

export interface OutreachTables {
  demoRecords: DemoRecordsTable
  partnerSnapshots: PartnerSnapshotsTable
  referrals: ReferralsTable
  referralUpdates: ReferralUpdatesTable
  visitPlans: VisitPlansTable
  calendarFeeds: CalendarFeedsTable
  sessions: SessionsTable
  sessionAudiences: { sessionId: string; groupKind: GroupKind }
  sessionFacilitators: { sessionId: string; userId: string }
  sessionPartners: { sessionId: string; partnerId: string }
  sessionMaterials: { sessionId: string; material: string }
  attendance: AttendanceTable
  targetGroups: TargetGroupsTable
  partners: PartnersTable
  programmes: ProgrammesTable
  programmeAreas: { programmeId: string; areaId: string }
  programmeFacilitators: { programmeId: string; userId: string }
  programmePartners: { programmeId: string; partnerId: string }
}
