import crypto from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { Agent } from '../../test/agent.ts'
import { aCode, aSessionWithLinks, parentsAnswers } from '../../test/evaluation-builders.ts'
import { useTestApp } from '../../test/harness.ts'
import { Problem } from '../platform/http/problems.ts'
import { changeCodeParts } from './code-parts.ts'
import { onPostgres, submit } from './collection.ts'
import * as q from './evaluation-queries.ts'

const jaga = useTestApp()
const FIVE = ['mother', 'day', 'own', 'siblings', 'father']
const partsForm = (agent: Agent, parts: string[]) => {
  const form = new URLSearchParams({ _csrf: agent.csrf, groupKind: 'parents' })
  for (const p of parts) form.append('codeElements', p)
  return form
}

describe('code parts changed while an answer is being stored', () => {
  it('refuse the answer checked against the old parts (409) instead of storing a code that never matches', async () => {
    const s = await aSessionWithLinks(jaga)
    // The link as read when the answer arrived, with four parts; then staff change them to five.
    const read = (await q.findLinkByToken(jaga.db, s.token('pre')))!
    expect((await s.agent.send(`/sessions/${s.session.id}/evaluation/code-parts`, { method: 'POST', body: partsForm(s.agent, FIVE) })).status).toBe(303)
    const id = crypto.randomUUID()
    const refused = await submit(jaga.db, read, { id, code: aCode('RC'), answers: parentsAnswers(3) }, 'phone').catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(Problem)
    expect(refused).toMatchObject({ code: 'conflict', detailKey: 'problem.collect.codeChanged' })
    expect(await jaga.db.selectFrom('submissions').select('id').where('id', '=', id).executeTakeFirst()).toBeUndefined()
    // Read afresh, the link asks for five parts and the same answers with the fifth are stored.
    const fresh = await jaga.request(`http://localhost/api/v1/collect/${s.token('pre')}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept-Language': 'id' }, body: JSON.stringify({ id, code: { ...aCode('RC'), father: 'B' }, answers: parentsAnswers(3) }) })
    expect(fresh.status).toBe(201)
  })

  it('wait for an answer being stored, then are refused because it is there (PostgreSQL: the link rows are locked first)', async () => {
    const s = await aSessionWithLinks(jaga)
    const link = (await q.findLinkByToken(jaga.db, s.token('pre')))!
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    let locked!: () => void
    const holding = new Promise<void>((resolve) => (locked = resolve))
    // What submit does inside its transaction: re-read the link under a share lock, then insert.
    const storing = jaga.db.transaction().execute(async (trx) => {
      await trx.selectFrom('collectionLinks').select('codeElements').where('id', '=', link.id).$if(onPostgres(trx), (qb) => qb.forShare()).execute()
      locked()
      await gate
      await trx.insertInto('submissions').values({ id: crypto.randomUUID(), linkId: link.id, sessionId: link.sessionId, phase: 'pre', questionnaireVersionId: link.questionnaireVersionId, groupKind: 'parents', code: 'RC-07-A-2', answers: '{}', score: null, maxScore: null, source: 'phone', receivedAt: new Date().toISOString(), hiddenItems: '[]' }).execute()
    })
    await holding
    let settled = false
    const changing = changeCodeParts(jaga.db, { id: s.facilitator.id, role: 'facilitator' } as never, s.session.id, 'parents', FIVE).then(
      () => ((settled = true), 'changed'),
      (e: unknown) => ((settled = true), e),
    )
    await sleep(150)
    expect(settled).toBe(false)
    release()
    await storing
    expect(await changing).toMatchObject({ code: 'conflict', detailKey: 'problem.code.partsLocked' })
    expect(JSON.parse((await jaga.db.selectFrom('collectionLinks').select('codeElements').where('id', '=', link.id).executeTakeFirstOrThrow()).codeElements)).toHaveLength(4)
  })
})
