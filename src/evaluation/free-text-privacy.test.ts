import crypto from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { useTestApp } from '../../test/harness.ts'
import { aSessionWithLinks } from '../../test/evaluation-builders.ts'
import { submit } from './collection.ts'
import { findLinkByToken } from './evaluation-queries.ts'

const jaga = useTestApp()

async function feedbackToken(): Promise<{ sessionId: string; token: string }> {
  const { session, token } = await aSessionWithLinks(jaga)
  return { sessionId: session.id, token: token('feedback') }
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
