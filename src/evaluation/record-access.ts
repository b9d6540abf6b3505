// Who records a session's evaluation and who sees its private parts; shared by the evaluation routes.
import { Problem } from '../platform/http/problems.ts'
import { suppressBehaviour } from './behaviour-summary.ts'
import type { FeedbackResult, SessionResults } from './session-results.ts'

type Viewer = { id: string; role: string }

/** Whether this person records the session's evaluation: staff, a facilitator only in the sessions they facilitate. */
export const mayRecordIn = (user: Viewer, session: { facilitatorIds: string[] }) =>
  user.role !== 'partner' && (user.role !== 'facilitator' || session.facilitatorIds.includes(user.id))

/**
 * Whether this person sees a session's private parts: participants' free text, the answers per code
 * (the answers page and its API), the CSV/XLSX exports, the questionnaire links' tokens (link list,
 * QR page, live view, paper entry). Coordinators and admins see them; a facilitator only in the
 * sessions they facilitate; partners never. Aggregates (scores, pairs, shares) are for every staff member.
 */
export const maySeePrivateOf = (user: Viewer, session: { facilitatorIds: string[] }) =>
  user.role === 'admin' || user.role === 'coordinator' || (user.role === 'facilitator' && session.facilitatorIds.includes(user.id))

export function assertMaySeePrivateOf(user: Viewer, session: { facilitatorIds: string[] }): void {
  if (!maySeePrivateOf(user, session)) throw new Problem('forbidden', {}, [], user.role === 'facilitator' ? 'problem.session.privateParts' : undefined)
}

/** A session's results with what participants wrote and the codes as written left out, for those who see aggregates only; behaviour counts of fewer than 5 people hidden. */
export function aggregatesOnly(results: SessionResults): SessionResults {
  // Counts stay (how many wrote, how many wait for review); the words go.
  const noText = (f: FeedbackResult): FeedbackResult => ({ ...f, texts: f.texts.map((x) => ({ ...x, answers: [] })) })
  return {
    ...results,
    groups: results.groups.map((g) => ({ ...g, confirmed: [], tolerant: [], rejected: [], behaviour: suppressBehaviour(g.behaviour) })),
    feedback: results.feedback ? noText(results.feedback) : null,
    followUps: results.followUps.map((f) => ({ ...f, summary: noText(f.summary), behaviour: suppressBehaviour(f.behaviour) })),
  }
}
