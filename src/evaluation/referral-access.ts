// Who reads participants' own words: the disclosures and the free-text answers waiting for review.
// One rule for both: referral.view reads every session's; a person with referral.record (a
// facilitator) only those of the sessions they facilitate.
import type { Db } from '../database.ts'
import { can, type Role } from '../accounts/permissions.ts'

export const readsAllWords = (role: Role | undefined) => can(role, 'referral.view')

export const mayReadWordsOf = (user: { id: string; role: Role }, session: { facilitatorIds: string[] }) =>
  readsAllWords(user.role) || (can(user.role, 'referral.record') && session.facilitatorIds.includes(user.id))

/** The sessions whose words this person reads, as a subquery; undefined for all of them. */
export const wordsSessionIds = (db: Db, user: { id: string; role: Role }) =>
  readsAllWords(user.role) ? undefined : db.selectFrom('sessionFacilitators').select('sessionId').where('userId', '=', user.id)
