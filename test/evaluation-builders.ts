import crypto from 'node:crypto'
import type { PublicUser } from '../src/accounts/user-queries.ts'
import { readShippedQuestionnaires } from '../src/evaluation/questionnaires.ts'
import { scoredItems } from '../src/evaluation/questionnaire-schema.ts'
import type { GroupKind } from '../src/outreach/target-group-form.ts'
import { sessionAgent } from './agent.ts'
import type { TestApp } from './harness.ts'
import { aProgramme, aSession } from './outreach-builders.ts'

/** The parents' test answered with `right` correct answers (the first ones), the rest wrong. */
export function parentsAnswers(right: number): Record<string, string> {
  const items = scoredItems(readShippedQuestionnaires().find((q) => q.key === 'knowledge-parents')!.definition)
  return Object.fromEntries(
    items.map((item, i) => {
      const correct = String(item.answer)
      const options = item.kind === 'truefalse' ? ['true', 'false'] : item.options!.map((o) => o.value)
      return [item.id, i < right ? correct : options.find((o) => o !== correct)!]
    }),
  )
}

export const aCode = (mother: string, day = '7', own = 'A', siblings = '2') => ({ mother, day, own, siblings })

/** A session for one group (parents unless told) in a programme, its facilitator, and its pre, post and feedback links opened through the page (and its 3-month follow-up, when asked). */
export async function aSessionWithLinks(jaga: TestApp, o: { programmeId?: string; facilitator?: PublicUser; areaId?: string; codeElements?: string[]; group?: GroupKind; followUp?: boolean } = {}) {
  const group = o.group ?? 'parents'
  const { aUser } = await import('./agent.ts')
  const facilitator = o.facilitator ?? (await aUser(jaga, 'facilitator'))
  const programmeId = o.programmeId ?? (await aProgramme(jaga, { facilitators: [facilitator] })).id
  const session = await aSession(jaga, programmeId, { audiences: [group], facilitatorIds: [facilitator.id], ...(o.areaId ? { areaId: o.areaId } : {}) })
  const agent = await sessionAgent(jaga, facilitator)
  const form = new URLSearchParams({ _csrf: agent.csrf, groupKind: group, feedback: 'yes' })
  for (const e of o.codeElements ?? ['mother', 'day', 'own', 'siblings']) form.append('codeElements', e)
  const opened = await agent.send(`/sessions/${session.id}/evaluation`, { method: 'POST', body: form })
  if (opened.status !== 303) throw new Error(`opening the links failed with ${opened.status}`)
  if (o.followUp) {
    const followUp = await agent.post(`/sessions/${session.id}/evaluation/follow-up`, { groupKind: group })
    if (followUp.status !== 303) throw new Error(`opening the follow-up failed with ${followUp.status}`)
  }
  const links = await jaga.db.selectFrom('collectionLinks').selectAll().where('sessionId', '=', session.id).execute()
  const token = (phase: string) => links.find((l) => l.phase === phase)!.token
  const send = async (phase: string, body: unknown) => {
    const res = await jaga.request(`http://localhost/api/v1/collect/${token(phase)}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
    if (res.status !== 201) throw new Error(`answer refused: ${res.status} ${await res.text()}`)
  }
  /** One participant's before and after answers, under the code. */
  const pair = async (mother: string, before: number, after: number) => {
    await send('pre', { id: crypto.randomUUID(), code: aCode(mother), answers: parentsAnswers(before) })
    await send('post', { id: crypto.randomUUID(), code: aCode(mother), answers: parentsAnswers(after) })
  }
  return { facilitator, programmeId, session, agent, links, token, send, pair }
}
