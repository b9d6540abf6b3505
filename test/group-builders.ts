import crypto from 'node:crypto'
import { readShippedQuestionnaires } from '../src/evaluation/questionnaires.ts'
import { scoredItems } from '../src/evaluation/questionnaire-schema.ts'
import { aUser, sessionAgent } from './agent.ts'
import type { TestApp } from './harness.ts'
import { aProgramme, aSession } from './outreach-builders.ts'

/** A shipped knowledge test answered with `right` correct answers (the first ones), the rest wrong. */
export function testAnswers(key: string, right: number): Record<string, string> {
  const items = scoredItems(readShippedQuestionnaires().find((q) => q.key === key)!.definition)
  return Object.fromEntries(
    items.map((item, i) => {
      const correct = String(item.answer)
      const options = item.kind === 'truefalse' ? ['true', 'false'] : item.options!.map((o) => o.value)
      return [item.id, i < right ? correct : options.find((o) => o !== correct)!]
    }),
  )
}

/**
 * One session with several target groups, each with its own pre and post links (and the questionnaire
 * given, else the group's knowledge test), opened through the page by its facilitator.
 */
export async function aSessionWithGroups(jaga: TestApp, groups: { groupKind: string; questionnaireKey?: string; feedback?: boolean }[]) {
  const facilitator = await aUser(jaga, 'facilitator')
  const programme = await aProgramme(jaga, { facilitators: [facilitator] })
  const session = await aSession(jaga, programme.id, { audiences: groups.map((g) => g.groupKind) as never, facilitatorIds: [facilitator.id] })
  const agent = await sessionAgent(jaga, facilitator)
  for (const g of groups) {
    const form = new URLSearchParams({ _csrf: agent.csrf, groupKind: g.groupKind, questionnaireKey: g.questionnaireKey ?? '', feedback: g.feedback ? 'yes' : 'no' })
    for (const e of ['mother', 'day', 'own', 'siblings']) form.append('codeElements', e)
    const opened = await agent.send(`/sessions/${session.id}/evaluation`, { method: 'POST', body: form })
    if (opened.status !== 303) throw new Error(`opening the ${g.groupKind} links failed with ${opened.status}`)
  }
  const links = await jaga.db.selectFrom('collectionLinks').selectAll().where('sessionId', '=', session.id).execute()
  const send = async (groupKind: string, phase: string, body: { code: Record<string, string>; answers: Record<string, unknown>; id?: string }) => {
    const token = links.find((l) => l.groupKind === groupKind && l.phase === phase)!.token
    const res = await jaga.request(`http://localhost/api/v1/collect/${token}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id: crypto.randomUUID(), ...body }) })
    if (res.status !== 201) throw new Error(`answer refused: ${res.status} ${await res.text()}`)
  }
  return { facilitator, session, agent, links, send }
}
