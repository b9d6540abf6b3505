import crypto from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { aUser, sessionAgent } from '../../test/agent.ts'
import { useTestApp } from '../../test/harness.ts'
import { aProgramme, aSession } from '../../test/outreach-builders.ts'
import { submit } from './collection.ts'
import { findLinkByToken } from './evaluation-queries.ts'

const jaga = useTestApp()

async function feedbackToken(): Promise<{ sessionId: string; token: string }> {
  const facilitator = await aUser(jaga, 'facilitator')
  const programme = await aProgramme(jaga, { facilitators: [facilitator] })
  const session = await aSession(jaga, programme.id, { audiences: ['parents'], facilitatorIds: [facilitator.id] })
  const agent = await sessionAgent(jaga, facilitator)
  const form = new URLSearchParams({ _csrf: agent.csrf, groupKind: 'parents', feedback: 'yes' })
  for (const e of ['mother', 'day', 'own', 'siblings']) form.append('codeElements', e)
  expect((await agent.send(`/sessions/${session.id}/evaluation`, { method: 'POST', body: form })).status).toBe(303)
  const link = await jaga.db.selectFrom('collectionLinks').select('token').where('sessionId', '=', session.id).where('phase', '=', 'feedback').executeTakeFirstOrThrow()
  return { sessionId: session.id, token: link.token }
}

const answers = (wantToKnow: string, comments = '') => ({ id: crypto.randomUUID(), code: { mother: 'PD', day: '7', own: 'A', siblings: '2' }, answers: { useful: '5', clear: '4', want_to_know: wantToKnow, ...(comments ? { comments } : {}) } })
const send = (token: string, body: unknown) => jaga.request(`http://localhost/api/v1/collect/${token}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })

describe('personal data in participants’ free text', () => {
  it('blanks phone numbers with spaces, addresses and a school with its class before storing the answers', async () => {
    const { sessionId, token } = await feedbackToken()
    const res = await send(token, answers('Cara setting HP anak, wa saya +62 812 3456 7890', 'Rumah kami di Jl. Garu II no 12, anak di SMPN 12 Medan kelas 8'))
    expect(res.status).toBe(201)
    const stored = await jaga.db.selectFrom('submissions').select('answers').where('sessionId', '=', sessionId).executeTakeFirstOrThrow()
    expect(JSON.parse(stored.answers)).toMatchObject({ want_to_know: 'Cara setting HP anak, wa saya […]', comments: 'Rumah kami di […], anak di […] […]' })
    expect(stored.answers).not.toMatch(/812|Garu|SMPN/)
  })

  it('keeps a disclosure blanked too, and tells the caller which submissions had something blanked', async () => {
    const { sessionId, token } = await feedbackToken()
    const link = (await findLinkByToken(jaga.db, token))!
    const flagged = await submit(jaga.db, link, answers('sy di ancam, rumah saya di Jalan Sisingamangaraja gg. Mawar no. 5'), 'phone')
    expect(flagged).toEqual({ duplicate: false, disclosure: true, blanked: true })
    const disclosure = await jaga.db.selectFrom('disclosures').select('text').where('sessionId', '=', sessionId).executeTakeFirstOrThrow()
    expect(disclosure.text).toBe('sy di ancam, rumah saya di […]')
    expect(await submit(jaga.db, link, answers('kelas orang tua sangat bagus, nomor 1 paling sulit'), 'phone')).toEqual({ duplicate: false, disclosure: false, blanked: false })
  })
})
