import crypto from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { Agent, aUser, sessionAgent, textOf } from '../../test/agent.ts'
import { aCode, aSessionWithLinks, parentsAnswers } from '../../test/evaluation-builders.ts'
import { useTestApp, type TestApp } from '../../test/harness.ts'
import { aProgramme, cli, HARJOSARI_I, TIME_ZONE } from '../../test/outreach-builders.ts'
import { createApiToken } from '../accounts/users.ts'
import { formatDateTime } from '../platform/i18n/i18n.ts'
import { linkState, localInputToUtc, sessionEndUtc } from './round-timing.ts'

const jaga = useTestApp()

type Links = Awaited<ReturnType<typeof aSessionWithLinks>>

/** One answer straight into the table at a set time (the intake stamps the real time; these tests need chosen ones). */
async function anAnswer(jaga: TestApp, s: Links, phase: 'pre' | 'post', receivedAt: string, source: 'phone' | 'paper' | 'import' = 'phone') {
  const link = s.links.find((l) => l.phase === phase)!
  const id = crypto.randomUUID()
  await jaga.db
    .insertInto('submissions')
    .values({ id, linkId: link.id, sessionId: s.session.id, phase, questionnaireVersionId: link.questionnaireVersionId, groupKind: 'parents', code: `T${id.slice(0, 1).toUpperCase()}-07-A-2`, answers: '{}', score: 5, maxScore: 15, source, receivedAt, excludedAt: null, excludedBy: null, excludedReason: null })
    .execute()
  return id
}

const participant = (token: string, init: RequestInit = {}, lang = 'en') => jaga.request(`http://localhost/q/${token}`, { ...init, headers: { 'Accept-Language': lang, ...(init.headers as Record<string, string>) } })
const sendAnswer = (token: string, id = crypto.randomUUID()) =>
  jaga.request(`http://localhost/api/v1/collect/${token}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept-Language': 'en' }, body: JSON.stringify({ id, code: aCode('SI'), answers: parentsAnswers(9) }) })

describe('answers that arrive out of order', () => {
  it('flags a post answer before the first pre of its group and a pre after the session ended, on the session page and in the answers table; paper and imports are never flagged, and all still count', async () => {
    const s = await aSessionWithLinks(jaga)
    const start = new Date(`${s.session.startsAt}:00+07:00`).getTime()
    const at = (minutes: number) => new Date(start + minutes * 60_000).toISOString()
    const early = await anAnswer(jaga, s, 'post', at(-30)) // a post code scanned before the session began
    await anAnswer(jaga, s, 'pre', at(0))
    await anAnswer(jaga, s, 'pre', at(5))
    await anAnswer(jaga, s, 'post', at(110))
    const late = await anAnswer(jaga, s, 'pre', at(125)) // the session ran 09:00–11:00
    await anAnswer(jaga, s, 'post', at(-40), 'paper') // typed in by staff: its time says nothing
    await anAnswer(jaga, s, 'pre', at(60 * 24), 'import')

    const page = await (await s.agent.get(`/sessions/${s.session.id}/evaluation`)).text()
    expect(textOf(page)).toContain('Answers that arrived out of order')
    expect(textOf(page)).toContain('Phone answers that arrived at an unexpected time: 2.')
    expect(textOf(page)).toContain('an after-session answer that arrived before the first before-session answer of its group')
    expect(textOf(page)).toContain('a before-session answer that arrived after the session ended')
    expect(page).toContain(`href="/sessions/${s.session.id}/evaluation/answers?flag=timing"`)
    expect(page).toContain(`/evaluation/answers/${early}?flag=timing`)

    const flagged = await (await s.agent.get(`/sessions/${s.session.id}/evaluation/answers?flag=timing`)).text()
    expect(textOf(flagged)).toContain('Answers 1–2 of 2')
    expect(flagged.match(/class="tag never"/g)).toHaveLength(2)
    const all = await (await s.agent.get(`/sessions/${s.session.id}/evaluation/answers`)).text()
    expect(textOf(all)).toContain('Answers 1–7 of 7')
    expect(all.match(/class="tag never"/g)).toHaveLength(2)

    const token = await createApiToken(jaga.db, cli, s.facilitator.email, 'test')
    const api = await (await jaga.request(`http://localhost/api/v1/sessions/${s.session.id}/evaluation/answers`, { headers: { Authorization: `Bearer ${token}` } })).json()
    expect(api.answers.filter((a: { outOfOrder: boolean }) => a.outOfOrder).map((a: { id: string }) => a.id).sort()).toEqual([early, late].sort())
    // Kept and counted as before: 4 pre (3 phone, 1 import), 3 post (2 phone, 1 paper).
    const results = await (await jaga.request(`http://localhost/api/v1/sessions/${s.session.id}/evaluation`, { headers: { Authorization: `Bearer ${token}` } })).json()
    expect(results.groups[0]).toMatchObject({ preCount: 4, postCount: 3 })

    // Left out by staff, it is still listed as flagged, with its status.
    await jaga.db.updateTable('submissions').set({ excludedAt: new Date().toISOString(), excludedReason: 'test' }).where('id', '=', early).execute()
    expect(textOf(await (await s.agent.get(`/sessions/${s.session.id}/evaluation`)).text())).toMatch(/· Parents and caregivers · [^·]+ · an after-session answer[^·]+· Left out/)
  })

  it('flags nothing when the group has no phone pre answer to compare with', async () => {
    const s = await aSessionWithLinks(jaga)
    const start = new Date(`${s.session.startsAt}:00+07:00`).getTime()
    await anAnswer(jaga, s, 'pre', new Date(start + 3 * 86_400_000).toISOString(), 'paper')
    await anAnswer(jaga, s, 'post', new Date(start + 60 * 60_000).toISOString())
    expect(textOf(await (await s.agent.get(`/sessions/${s.session.id}/evaluation`)).text())).not.toContain('out of order')
  })
})

describe('a link that opens at a set time', () => {
  /** A session tomorrow 09:00–11:00 local time, its links open as usual. */
  async function tomorrowsSession() {
    const s = await aSessionWithLinks(jaga)
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)
    await jaga.db.updateTable('sessions').set({ startsAt: `${tomorrow}T09:00`, endsAt: `${tomorrow}T11:00` }).where('id', '=', s.session.id).execute()
    return { ...s, tomorrow, pre: s.links.find((l) => l.phase === 'pre')!, post: s.links.find((l) => l.phase === 'post')! }
  }

  it('opens the before-form one hour before the session with one click: until then the participant reads when, and a phone answer is refused with 409 and Retry-After', async () => {
    const s = await tomorrowsSession()
    const page = await (await s.agent.get(`/sessions/${s.session.id}/evaluation`)).text()
    expect(page).toContain(`action="/sessions/${s.session.id}/evaluation/links/${s.pre.id}/open-before"`)
    expect(textOf(page)).toContain('Open the before-form from 1 hour before the session')
    expect((await s.agent.post(`/sessions/${s.session.id}/evaluation/links/${s.pre.id}/open-before`)).status).toBe(303)

    const row = await jaga.db.selectFrom('collectionLinks').select(['opensAt', 'closesAt']).where('id', '=', s.pre.id).executeTakeFirstOrThrow()
    expect(row).toEqual({ opensAt: new Date(`${s.tomorrow}T01:00:00Z`).toISOString(), closesAt: null }) // 08:00 in Jakarta (UTC+7)
    const shown = formatDateTime('en', row.opensAt!, TIME_ZONE)
    const staff = textOf(await (await s.agent.get(`/sessions/${s.session.id}/evaluation?times=1`)).text())
    expect(staff).toContain('The link’s opening and closing times are saved.')
    expect(staff).toContain(`not open yet opens ${shown}`)
    // The one-click choice and the link to set times each on a line of their own (a ' · ' began a line on a phone).
    expect(staff).not.toContain('from 1 hour before the session · Set opening')
    // The link's status does not say 'open' beside 'not open yet'.
    expect(staff).toMatch(/Before the session · Parents and caregivers \S+ 0 answers Download as XLSForm \(for KoboToolbox\/ODK\) · Close/)

    const form = await participant(s.pre.token)
    expect(form.status).toBe(200)
    expect(form.headers.get('Cache-Control')).toBe('no-store')
    const text = textOf(await form.text())
    expect(text).toContain('This form is not open yet')
    // It names the round and the session, as the form will, so nobody waits at the wrong link.
    expect(await (await participant(s.pre.token)).text()).toContain('class="round-band round-pre"')
    expect(text).toContain('Before the session')
    expect(text).toContain(`This form opens on ${shown}. Please open this link again then.`)
    expect(text).not.toContain('Question 1')
    // In Indonesian, speaking to an adult with "Anda".
    const id = textOf(await (await participant(s.pre.token, {}, 'id')).text())
    expect(id).toContain(`Formulir ini dibuka pada ${formatDateTime('id', row.opensAt!, TIME_ZONE)}.`)
    expect(id).toContain('jawaban Anda tetap tersimpan di ponsel')

    const refused = await sendAnswer(s.pre.token)
    expect(refused.status).toBe(409)
    const retryAfter = Number(refused.headers.get('Retry-After'))
    expect(retryAfter).toBeGreaterThan(3600)
    expect(retryAfter).toBeLessThanOrEqual(2 * 86_400)
    expect((await refused.json()).detail).toContain('This questionnaire is not open yet')
    const phone = new Agent(jaga).lang('en')
    await phone.get(`/q/${s.pre.token}`)
    const posted = await phone.post(`/q/${s.pre.token}`, { id: crypto.randomUUID(), 'code.mother': 'SI' })
    expect(posted.status).toBe(409)
    expect(textOf(await posted.text())).toContain('This form is not open yet')
    // The other rounds are untouched; nothing was stored.
    expect((await sendAnswer(s.post.token)).status).toBe(201)
    expect(await jaga.db.selectFrom('submissions').select('phase').where('sessionId', '=', s.session.id).execute()).toEqual([{ phase: 'post' }])
  })

  it('takes times typed in local time on its own page, closes at its closing time until reopened, and refuses a closing time before the opening', async () => {
    const s = await tomorrowsSession()
    const times = `/sessions/${s.session.id}/evaluation/links/${s.post.id}/times`
    const form = await s.agent.get(times)
    expect(form.status).toBe(200)
    expect(textOf(await form.text())).toContain('Times are in the Asia/Jakarta time zone')

    const wrong = await s.agent.post(times, { opensAt: `${s.tomorrow}T12:00`, closesAt: `${s.tomorrow}T10:00` })
    expect(wrong.status).toBe(422)
    expect(textOf(await wrong.text())).toContain('The closing time must be after the opening time.')
    const garbage = await s.agent.post(times, { opensAt: 'soon', closesAt: '' })
    expect(garbage.status).toBe(422)
    expect(textOf(await garbage.text())).toContain('Enter a date and time')

    // Opened an hour ago, closed a minute ago (local time): closed for phones, and the page offers to reopen.
    const local = (ms: number) => new Date(Date.now() + ms + 7 * 3600_000).toISOString().slice(0, 16)
    expect((await s.agent.post(times, { opensAt: local(-3600_000), closesAt: local(-60_000) })).status).toBe(303)
    expect((await sendAnswer(s.post.token)).status).toBe(409)
    expect((await participant(s.post.token)).status).toBe(409)
    const page = await (await s.agent.get(`/sessions/${s.session.id}/evaluation`)).text()
    expect(page).toContain(`/evaluation/links/${s.post.id}/reopen`)
    expect((await s.agent.post(`/sessions/${s.session.id}/evaluation/links/${s.post.id}/reopen`)).status).toBe(303)
    expect((await sendAnswer(s.post.token)).status).toBe(201)

    // Both fields empty: open with no limits; the form shows them as typed.
    expect((await s.agent.post(times, { opensAt: `${s.tomorrow}T08:30`, closesAt: '' })).status).toBe(303)
    expect(await (await s.agent.get(times)).text()).toContain(`value="${s.tomorrow}T08:30"`)
    expect((await s.agent.post(times, { opensAt: '', closesAt: '' })).status).toBe(303)
    expect((await sendAnswer(s.post.token)).status).toBe(201)

    // Staff who do not run the session may not change its times.
    const other = await sessionAgent(jaga, await aUser(jaga, 'facilitator'))
    expect((await other.post(times, { opensAt: '', closesAt: '' })).status).toBe(403)
    expect((await other.post(`/sessions/${s.session.id}/evaluation/links/${s.pre.id}/open-before`)).status).toBe(403)
  })
})

describe('the rules', () => {
  it('ends a session at its end time, or at the end of its day when it has none', () => {
    expect(sessionEndUtc({ startsAt: '2026-12-01T09:00', endsAt: '2026-12-01T11:00' }, 'Asia/Jakarta')).toBe('2026-12-01T04:00:00.000Z')
    expect(sessionEndUtc({ startsAt: '2026-12-01T09:00', endsAt: null }, 'Asia/Jakarta')).toBe('2026-12-01T17:00:00.000Z')
  })

  it('closes a link by hand or at its closing time, and keeps it shut before its opening time', () => {
    const now = new Date('2026-12-01T02:00:00Z')
    expect(linkState({ closedAt: null, opensAt: null, closesAt: null }, now)).toBe('open')
    expect(linkState({ closedAt: null, opensAt: '2026-12-01T02:00:01.000Z', closesAt: null }, now)).toBe('not-yet-open')
    expect(linkState({ closedAt: null, opensAt: '2026-12-01T01:00:00.000Z', closesAt: '2026-12-01T02:00:00.000Z' }, now)).toBe('closed')
    expect(linkState({ closedAt: '2026-11-30T00:00:00.000Z', opensAt: '2026-12-02T00:00:00.000Z', closesAt: null }, now)).toBe('closed')
    expect(localInputToUtc('2026-12-01T08:00', 'Asia/Jakarta')).toBe('2026-12-01T01:00:00.000Z')
    expect(localInputToUtc('', 'Asia/Jakarta')).toBeUndefined()
    expect(localInputToUtc('2026-13-45T99:00', 'Asia/Jakarta')).toBeNull()
  })
})

describe('the target-groups API', () => {
  it('returns the baseline measured from the pre-tests next to the staff’s estimate, and documents it', async () => {
    const facilitator = await aUser(jaga, 'facilitator')
    const programme = await aProgramme(jaga, { facilitators: [facilitator] })
    const coordinator = await aUser(jaga, 'coordinator')
    const headers = { Authorization: `Bearer ${await createApiToken(jaga.db, cli, coordinator.email, 'test')}`, 'Content-Type': 'application/json' }
    for (const groupKind of ['parents', 'teachers'])
      expect((await jaga.request(`http://localhost/api/v1/programmes/${programme.id}/target-groups`, { method: 'POST', headers, body: JSON.stringify({ areaId: HARJOSARI_I, groupKind, estimatedSize: 100, baselineLevel: 'high' }) })).status).toBe(201)
    const s = await aSessionWithLinks(jaga, { programmeId: programme.id, facilitator })
    for (const [i, right] of [3, 5, 7, 9, 6].entries()) await s.send('pre', { id: crypto.randomUUID(), code: aCode(`B${String.fromCharCode(65 + i)}`), answers: parentsAnswers(right) })
    const { targetGroups } = await (await jaga.request(`http://localhost/api/v1/programmes/${programme.id}/target-groups`, { headers })).json()
    const parents = targetGroups.find((g: { groupKind: string }) => g.groupKind === 'parents')
    expect(parents).toMatchObject({ baselineLevel: 'high', measuredBaseline: { level: 'low', answers: 5 } })
    expect(parents.measuredBaseline.share).toBeCloseTo(30 / 75, 10)
    expect(targetGroups.find((g: { groupKind: string }) => g.groupKind === 'teachers').measuredBaseline).toBeNull()

    const spec = await (await jaga.request('http://localhost/api/v1/openapi.json')).json()
    expect(JSON.stringify(spec.paths['/api/v1/programmes/{id}/target-groups'].get)).toContain('measuredBaseline')
  })
})
