// Who records a session's evaluation; shared by the evaluation routes.

/** Whether this person records the session's evaluation: staff, a facilitator only in the sessions they facilitate. */
export const mayRecordIn = (user: { id: string; role: string }, session: { facilitatorIds: string[] }) =>
  user.role !== 'partner' && (user.role !== 'facilitator' || session.facilitatorIds.includes(user.id))
