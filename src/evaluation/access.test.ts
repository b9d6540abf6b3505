import crypto from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { aUser, sessionAgent, textOf } from '../../test/agent.ts'
import { useTestApp } from '../../test/harness.ts'
import { aCode, aSessionWithLinks } from '../../test/evaluation-builders.ts'
import { cli } from '../../test/outreach-builders.ts'
import { createApiToken } from '../accounts/users.ts'

const jaga = useTestApp()
const WRITTEN = 'Cara mengatur akun TikTok anak saya'

async function answeredSession() {
  const s = await aSessionWithLinks(jaga)
  await s.pair('AN', 5, 12)
  const feedbackId = crypto.randomUUID()
  await s.send('feedback', { id: feedbackId, code: aCode('AN'), answers: { useful: '5', clear: '4', want_to_know: WRITTEN } })
  // Released by a referral person, so that it would be shown to those who may read it.
  const reviewer = await sessionAgent(jaga, await aUser(jaga, 'coordinator'))
  expect((await reviewer.post(`/sessions/${s.session.id}/evaluation/comments/${feedbackId}/want_to_know/release`)).status).toBe(303)
  const stranger = await aUser(jaga, 'facilitator')
  return { ...s, stranger, strangerAgent: await sessionAgent(jaga, stranger) }
}

describe('a session’s private parts', () => {
  it('are refused to a facilitator who does not run the session: answers, exports, live view, QR codes and paper entry', async () => {
    const { session, links, agent, strangerAgent } = await answeredSession()
    const paths = ['answers.csv', 'answers.xlsx', 'answers', 'live', 'qr', `links/${links[0]!.id}/paper`].map((p) => `/sessions/${session.id}/evaluation/${p}`)
    for (const path of paths) {
      expect((await strangerAgent.get(path)).status, path).toBe(403)
      expect((await agent.get(path)).status, path).toBe(200)
    }
    const refused = await strangerAgent.get(`/sessions/${session.id}/evaluation/answers.csv`)
    expect(textOf(await refused.text())).toContain('only of the sessions they facilitate')
    const indonesian = await (await sessionAgent(jaga, (await aUser(jaga, 'facilitator')))).lang('id').get(`/sessions/${session.id}/evaluation/answers`)
    expect(textOf(await indonesian.text())).toContain('hanya dapat melihat jawaban per kode')
  })

  it('are left out of the results page and the API for a facilitator who does not run the session, and kept for the one who does', async () => {
    const { session, facilitator, agent, strangerAgent, stranger, token } = await answeredSession()
    const page = await (await strangerAgent.get(`/sessions/${session.id}/evaluation`)).text()
    expect(page).not.toContain(token('pre'))
    expect(page).not.toContain(WRITTEN)
    expect(textOf(page)).toMatch(/Pairs\s*1/)
    const own = await (await agent.get(`/sessions/${session.id}/evaluation`)).text()
    expect(own).toContain(token('pre'))
    expect(own).toContain(WRITTEN)

    const api = async (email: string) => {
      const bearer = await createApiToken(jaga.db, cli, email, 'test')
      const res = await jaga.request(`http://localhost/api/v1/sessions/${session.id}/evaluation`, { headers: { Authorization: `Bearer ${bearer}` } })
      expect(res.status).toBe(200)
      return (await res.json()) as { links: Record<string, unknown>[]; groups: { pairs: number }[] }
    }
    const theirs = await api(stranger.email)
    expect(JSON.stringify(theirs)).not.toContain(token('pre'))
    expect(JSON.stringify(theirs)).not.toContain(WRITTEN)
    expect(theirs.links.every((l) => !('token' in l) && !('url' in l))).toBe(true)
    expect(theirs.groups[0]!.pairs).toBe(1)
    const theirsOwn = await api(facilitator.email)
    expect(theirsOwn.links.map((l) => l['token'])).toContain(token('pre'))
    expect(JSON.stringify(theirsOwn)).toContain(WRITTEN)
    const answers = (email: string) => createApiToken(jaga.db, cli, email, 'answers').then((b) => jaga.request(`http://localhost/api/v1/sessions/${session.id}/evaluation/answers`, { headers: { Authorization: `Bearer ${b}` } }))
    expect((await answers(stranger.email)).status).toBe(403)
    expect((await answers(facilitator.email)).status).toBe(200)
  })

  it('stay out of the programme’s results for a facilitator of another session, who still sees the aggregates', async () => {
    const { programmeId, strangerAgent } = await answeredSession()
    const page = await (await strangerAgent.get(`/programmes/${programmeId}/evaluation`)).text()
    expect(page).not.toContain(WRITTEN)
    expect(textOf(page)).toContain('Among 1 paired participant,')
    const coordinator = await sessionAgent(jaga, await aUser(jaga, 'coordinator'))
    expect(await (await coordinator.get(`/programmes/${programmeId}/evaluation`)).text()).toContain(WRITTEN)
  })
})
