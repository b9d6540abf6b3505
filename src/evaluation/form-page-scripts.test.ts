import { describe, expect, it } from 'vitest'
import { Agent, aUser, sessionAgent } from '../../test/agent.ts'
import { useTestApp } from '../../test/harness.ts'
import { aProgramme, aSession } from '../../test/outreach-builders.ts'

const jaga = useTestApp()

const scriptsOf = (html: string) => [...html.matchAll(/<script src="\/static\/([a-z-]+\.js)\?v=/g)].map((m) => m[1])

describe('scripts a questionnaire form loads', () => {
  it('a participant\'s form loads collect.js (which starts the offline worker) and not the library\'s script, which it does not use', async () => {
    const facilitator = await aUser(jaga, 'facilitator')
    const programme = await aProgramme(jaga, { facilitators: [facilitator] })
    const session = await aSession(jaga, programme.id, { audiences: ['parents'], facilitatorIds: [facilitator.id] })
    const agent = await sessionAgent(jaga, facilitator)
    const form = new URLSearchParams({ _csrf: agent.csrf, groupKind: 'parents' })
    for (const e of ['mother', 'day', 'own', 'siblings']) form.append('codeElements', e)
    expect((await agent.send(`/sessions/${session.id}/evaluation`, { method: 'POST', body: form })).status).toBe(303)
    const link = await jaga.db.selectFrom('collectionLinks').select('token').where('sessionId', '=', session.id).where('phase', '=', 'pre').executeTakeFirstOrThrow()

    const page = await new Agent(jaga).get(`/q/${link.token}`)
    expect(page.status).toBe(200)
    expect(scriptsOf(await page.text())).toEqual(['quick-exit.js', 'collect.js'])
    // Library pages keep it: it registers the same worker and adds saving, reading aloud and offline search.
    expect(scriptsOf(await (await new Agent(jaga).get('/id/pustaka')).text())).toEqual(['quick-exit.js', 'library.js'])
  })
})
