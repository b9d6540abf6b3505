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
