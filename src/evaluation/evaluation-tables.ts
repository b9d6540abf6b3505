import type { QuestionnaireKind } from './questionnaire-schema.ts'

export type Phase = 'pre' | 'post' | 'feedback' | 'follow-up'
export const PHASES: readonly Phase[] = ['pre', 'post', 'feedback', 'follow-up']

export interface QuestionnairesTable {
  id: string
  key: string
  kind: QuestionnaireKind
  audience: string
  titleId: string
  titleEn: string
  introId: string
  introEn: string
  origin: 'shipped' | 'custom'
  createdAt: string
  updatedAt: string
}

export interface QuestionnaireVersionsTable {
  id: string
  questionnaireId: string
  version: number
  /** JSON of a `Definition`; never changed once a submission refers to it. */
  definition: string
  createdAt: string
  createdBy: string | null
  /** Who checked this version (never its author); null with checkedAt set: it came with a release. */
  checkedBy: string | null
  /** Null: not yet checked (questionnaire-review.ts). */
  checkedAt: string | null
  checkNote: string | null
  /** Everyone who wrote or changed this version's text: user ids, each followed by a space (none of them checks it). */
  editors: string | null
}

export interface CollectionLinksTable {
  id: string
  token: string
  sessionId: string
  phase: Phase
  questionnaireVersionId: string
  groupKind: string
  /** JSON list of code element keys. */
  codeElements: string
  createdAt: string
  closedAt: string | null
  /** UTC; before it, phones are told when the link opens and their answers are refused (409). Null: open from the start. */
  opensAt: string | null
  /** UTC; from then on the link is closed as if staff had closed it. */
  closesAt: string | null
}

export interface SubmissionsTable {
  id: string
  linkId: string
  sessionId: string
  phase: Phase
  questionnaireVersionId: string
  groupKind: string
  /** The self-generated code, elements joined with '-'. */
  code: string
  /** JSON object item id → answer; free text that looked like a disclosure is not in it. */
  answers: string
  score: number | null
  maxScore: number | null
  source: 'phone' | 'paper' | 'import'
  receivedAt: string
  /** JSON array of the item ids the skip logic hid, decided when the answers were checked; null on rows from before it was stored. */
  hiddenItems: string | null
  /** Left out of every result by staff (kept, and reversible); null for an answer that counts. */
  excludedAt: string | null
  excludedBy: string | null
  excludedReason: ExclusionReason | null
  /** When the retention run removed its written and other raw answers (retention.ts); null: all kept. */
  answersRemovedAt: string | null
  /** The setting (months) it was removed under, for exports to say so. */
  answersKeptMonths: number | null
}

/** The reasons staff choose from. */
export const EXCLUSION_REASONS = ['test', 'duplicate', 'not-participant', 'other'] as const
/** Set by Jaga itself, never chosen: a flood to one link is held for staff to look at (submission-intake.ts). */
export const HELD = 'held'
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number] | typeof HELD

export interface DisclosuresTable {
  id: string
  sessionId: string
  submissionId: string
  itemId: string
  text: string
  receivedAt: string
  handledAt: string | null
  handledBy: string | null
}

/** A free-text answer a referral person has read: released into the results, or flagged as harm. None = waiting. */
export interface FreeTextReviewsTable {
  submissionId: string
  itemId: string
  sessionId: string
  status: FreeTextStatus
  reviewedBy: string | null
  reviewedAt: string
}
export type FreeTextStatus = 'released' | 'flagged'

export interface DisclosureKeywordsTable {
  id: string
  locale: 'id' | 'en'
  phrase: string
  createdAt: string
}

export interface ConfirmedPairsTable {
  id: string
  sessionId: string
  preId: string
  postId: string
  confirmedBy: string | null
  confirmedAt: string
}

/** A tolerant pair a person undid: these two answers are not the same participant. */
export interface RejectedPairsTable {
  id: string
  sessionId: string
  preId: string
  postId: string
  rejectedBy: string | null
  rejectedAt: string
}

export type SubmissionOutcome = 'accepted' | 'duplicate' | 'refused' | 'held'

/** Submissions per link per hour and outcome; nothing about who sent them. */
export interface LinkSubmissionCountsTable {
  linkId: string
  /** UTC, 'YYYY-MM-DDTHH'. */
  hour: string
  outcome: SubmissionOutcome
  count: number
}

/** One retention run: what it removed (counts only). */
export interface RetentionRunsTable {
  id: string
  startedAt: string
  finishedAt: string | null
  months: number
  cutoff: string
  submissions: number
  texts: number
  reviews: number
  disclosures: number
}

export interface EvaluationTables {
  retentionRuns: RetentionRunsTable
  linkSubmissionCounts: LinkSubmissionCountsTable
  confirmedPairs: ConfirmedPairsTable
  rejectedPairs: RejectedPairsTable
  questionnaires: QuestionnairesTable
  questionnaireVersions: QuestionnaireVersionsTable
  collectionLinks: CollectionLinksTable
  submissions: SubmissionsTable
  disclosures: DisclosuresTable
  disclosureKeywords: DisclosureKeywordsTable
  freeTextReviews: FreeTextReviewsTable
}
