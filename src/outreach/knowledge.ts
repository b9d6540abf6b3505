// Kept apart from coverage.ts, which imports visit-plans.ts: both need these types, and a type
// import back from visit-plans.ts into coverage.ts made an import circle.
import type { Db } from '../database.ts'

/** One participant's knowledge score before and after (shares of the maximum), from a session in an area. */
export interface KnowledgePair {
  /** The pair's before answer (a submission id), so a snapshot knows the people it already holds. */
  id?: string
  areaId: string
  pre: number
  post: number
}
/** Where matched pre/post scores come from: the evaluation slice provides it (see app.ts). */
export type KnowledgeSource = (db: Db, programmeId: string) => Promise<KnowledgePair[]>

/** Knowledge before and after (shares of the maximum) in all and per target group, as the programme's results page shows it to the reader. */
export interface GroupKnowledge {
  /** Fewer than 5 pairs for a partner: nothing but that fact is shown. */
  tooFew: boolean
  pairs: number
  before: number | null
  after: number | null
  /** Groups with too few pairs for the reader are left out, and counted in hiddenGroups. */
  byGroup: { group: string; pairs: number; before: number | null; after: number | null }[]
  hiddenGroups: number
  /** A partner's figures come from a dated snapshot: its date. */
  asOf: string | null
}
/** Where the programme report's knowledge section comes from: the evaluation slice provides it (see app.ts). */
export type GroupKnowledgeSource = (db: Db, programmeId: string, o: { partner: boolean; timeZone: string }) => Promise<GroupKnowledge>
