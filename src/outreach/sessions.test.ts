import { describe, expect, it } from 'vitest'
import { aUser, loginAs, sessionAgent, textOf, type Agent } from '../../test/agent.ts'
import { useTestApp } from '../../test/harness.ts'
import { aPartner, aProgramme, aSession, day, HARJOSARI_I, TIMBANG_DELI } from '../../test/outreach-builders.ts'
import { createApiToken } from '../accounts/users.ts'
import { createArea } from '../areas/areas.ts'

const jaga = useTestApp()
const cli = { id: null, label: 'test' }

function form(fields: Record<string, string | string[]>): Record<string, string> & { toParams(csrf: string): URLSearchParams } {
  return Object.assign({ ...fields } as Record<string, string>, {
    toParams(csrf: string) {
      const p = new URLSearchParams({ _csrf: csrf })
      for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, x)
      return p
    },
  })
}

const postForm = (agent: Agent, path: string, fields: Record<string, string | string[]>) => agent.send(path, { method: 'POST', body: form(fields).toParams(agent.csrf) })

const sessionForm = (over: Record<string, string | string[]> = {}) => ({
  title: 'Sosialisasi orang tua RW 3',
  format: 'seminar',
  areaId: HARJOSARI_I,
  venue: 'Aula Kelurahan Harjosari I',
  startsAt: `${day(10)}T09:00`,
  endsAt: `${day(10)}T11:30`,
  audiences: ['parents', 'community'],
  materials: ['brochure:parents', 'kit-parents'],
  ...over,
})

describe('sessions', () => {
  it('lets a coordinator schedule a session in a lingkungan of a programme kelurahan, with materials, and lists it', async () => {
    const { agent } = await loginAs(jaga, 'coordinator', 'en')
    const facilitator = await aUser(jaga, 'facilitator')
    const partner = await aPartner(jaga)
    const programme = await aProgramme(jaga, { facilitators: [facilitator] })
    const lingkungan = await createArea(jaga.db, cli, { parentId: HARJOSARI_I, name: `Lingkungan ${Math.random()}`, kind: 'lingkungan', kemendagriCode: null, bpsCode: null })
    const res = await postForm(agent, `/programmes/${programme.id}/sessions`, sessionForm({ areaId: lingkungan.id, facilitatorIds: [facilitator.id], partnerIds: [partner.id] }))
    expect(res.status).toBe(303)
    const detail = await agent.get(res.headers.get('Location')!)
    const text = textOf(await detail.text())
    expect(text).toContain('Session saved.')
    expect(text).toContain('Planned')
    expect(text).toContain(lingkungan.name)
    expect(text).toContain(facilitator.displayName)
    expect(text).toContain(partner.name)
    expect(text).toContain('Attendance can be recorded once the session has started.')
    const programmePage = textOf(await (await agent.get(`/programmes/${programme.id}`)).text())
    expect(programmePage).toContain('Sosialisasi orang tua RW 3')
    const row = await jaga.db.selectFrom('sessions').selectAll().where('programmeId', '=', programme.id).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ status: 'planned', startsAt: `${day(10)}T09:00`, endsAt: `${day(10)}T11:30` })
    const materials = await jaga.db.selectFrom('sessionMaterials').select('material').where('sessionId', '=', row.id).orderBy('material').execute()
    expect(materials.map((m) => m.material)).toEqual(['brochure:parents', 'kit-parents'])
    const audit = await jaga.db.selectFrom('auditEntries').select('action').where('subjectId', '=', row.id).execute()
    expect(audit.map((a) => a.action)).toEqual(['session.create'])
  })

  it('offers every facilitator kit as a material, including the refresher kit for repeat visits', async () => {
    const { agent } = await loginAs(jaga, 'coordinator', 'en')
    const programme = await aProgramme(jaga)
    const html = await (await agent.get(`/programmes/${programme.id}/sessions/new`)).text()
    for (const kit of ['kit-parents', 'kit-community', 'kit-refresher']) expect(html, kit).toContain(`value="${kit}"`)
    expect(textOf(html)).toContain('Facilitator kit: a 15-minute refresher for the second and third visit to a neighbourhood')
  })

  it('refuses a session outside the programme period, ending before it starts, outside its areas, or a webinar without a link, and saves nothing', async () => {
    const { agent } = await loginAs(jaga, 'coordinator', 'en')
    const programme = await aProgramme(jaga, { areaIds: [HARJOSARI_I], startsOn: day(-30), endsOn: day(30) })
    const cases: [Record<string, string | string[]>, string, RegExp][] = [
      [{ startsAt: `${day(40)}T09:00`, endsAt: `${day(40)}T10:00` }, 'startsAt', /The session must fall within the programme’s period/],
      [{ endsAt: `${day(10)}T08:00` }, 'endsAt', /The end must be after the start\./],
      [{ areaId: TIMBANG_DELI }, 'areaId', /Choose one of the programme’s areas or a lingkungan inside one\./],
      [{ format: 'webinar' }, 'onlineLink', /A webinar needs an online link\./],
      [{ format: 'webinar', onlineLink: 'http://zoom.example/abc' }, 'onlineLink', /Enter a full address starting with https:\/\//],
      [{ audiences: [] }, 'audiences', /Choose at least one audience\./],
      [{ materials: ['no-such-page'] }, 'materials', /One of the materials is not in the library\./],
      [{ startsAt: '2026-02-30T09:00' }, 'startsAt', /Use a real date and time\./],
    ]
    for (const [over, field, message] of cases) {
      const res = await postForm(agent, `/programmes/${programme.id}/sessions`, sessionForm(over))
      expect(res.status, field).toBe(422)
      const html = await res.text()
      expect(html, field).toMatch(new RegExp(`id="f-${field}-error">${message.source}`))
      expect(html).toContain('value="Sosialisasi orang tua RW 3"')
    }
    expect(await jaga.db.selectFrom('sessions').select('id').where('programmeId', '=', programme.id).execute()).toEqual([])
  })

  it('warns when a facilitator is double-booked and saves only when the coordinator confirms', async () => {
    const { agent } = await loginAs(jaga, 'coordinator', 'en')
    const facilitator = await aUser(jaga, 'facilitator')
    const programme = await aProgramme(jaga, { facilitators: [facilitator] })
    const first = await aSession(jaga, programme.id, { title: 'Kelas SMP 7', facilitatorIds: [facilitator.id], startsAt: `${day(5)}T10:00`, endsAt: `${day(5)}T12:00` })
    const clash = sessionForm({ facilitatorIds: [facilitator.id], startsAt: `${day(5)}T11:00`, endsAt: `${day(5)}T13:00` })
    const warned = await postForm(agent, `/programmes/${programme.id}/sessions`, clash)
    expect(warned.status).toBe(422)
    const text = textOf(await warned.text())
    expect(text).toContain('A facilitator is already booked')
    expect(text).toContain(`${facilitator.displayName} is already scheduled for “Kelas SMP 7”`)
    expect((await jaga.db.selectFrom('sessions').select('id').where('programmeId', '=', programme.id).execute()).length).toBe(1)
    const confirmed = await postForm(agent, `/programmes/${programme.id}/sessions`, { ...clash, confirmOverlap: '1' })
    expect(confirmed.status).toBe(303)
    // Back to back is not an overlap.
    const next = await postForm(agent, `/programmes/${programme.id}/sessions`, sessionForm({ title: 'Setelahnya', facilitatorIds: [facilitator.id], startsAt: `${day(5)}T13:00`, endsAt: `${day(5)}T14:00` }))
    expect(next.status).toBe(303)
    const later = (await jaga.db.selectFrom('sessions').select('id').where('programmeId', '=', programme.id).where('id', '!=', first.id).execute()).map((s) => s.id)
    const audit = await jaga.db.selectFrom('auditEntries').select('summary').where('action', '=', 'session.create').where('subjectId', 'in', later).execute()
    expect(audit.map((a) => JSON.parse(a.summary).overlapConfirmed).sort()).toEqual([false, true])
  })

  it('lets the session’s facilitator record attendance as counts, which marks it held, and report it', async () => {
    const facilitator = await aUser(jaga, 'facilitator')
    const programme = await aProgramme(jaga, { facilitators: [facilitator] })
    const session = await aSession(jaga, programme.id, { facilitatorIds: [facilitator.id], audiences: ['parents', 'children-10-12'] })
    const agent = await sessionAgent(jaga, facilitator)
    const page = textOf(await (await agent.get(`/sessions/${session.id}`)).text())
    expect(page).toContain('Enter the number of people by group, gender and age band.')
    const res = await postForm(agent, `/sessions/${session.id}/attendance`, { 'n.parents.female.18+': '14', 'n.parents.male.18+': '6', 'n.children-10-12.female.10-12': '9', 'n.children-10-12.male.10-12': '' })
    expect(res.status).toBe(303)
    const after = textOf(await (await agent.get(res.headers.get('Location')!)).text())
    expect(after).toContain('Attendance saved: 29 people.')
    expect(after).toContain('Held')
    const stored = await jaga.db.selectFrom('attendance').select(['groupKind', 'gender', 'ageBand', 'count']).where('sessionId', '=', session.id).orderBy('count').execute()
    expect(stored).toEqual([
      { groupKind: 'parents', gender: 'male', ageBand: '18+', count: 6 },
      { groupKind: 'children-10-12', gender: 'female', ageBand: '10-12', count: 9 },
      { groupKind: 'parents', gender: 'female', ageBand: '18+', count: 14 },
    ])
    const report = await postForm(agent, `/sessions/${session.id}/report`, { notes: 'Banyak pertanyaan tentang gim daring.', followUps: 'Kunjungi lagi bulan depan.' })
    expect(report.status).toBe(303)
    const row = await jaga.db.selectFrom('sessions').select(['status', 'notes', 'followUps']).where('id', '=', session.id).executeTakeFirstOrThrow()
    expect(row).toEqual({ status: 'reported', notes: 'Banyak pertanyaan tentang gim daring.', followUps: 'Kunjungi lagi bulan depan.' })
  })

  it('refuses negative, non-numeric, absurd and impossible counts next to the cell and keeps what was saved', async () => {
    const facilitator = await aUser(jaga, 'facilitator')
    const programme = await aProgramme(jaga, { facilitators: [facilitator] })
    const session = await aSession(jaga, programme.id, { facilitatorIds: [facilitator.id], audiences: ['parents'] })
    const agent = await sessionAgent(jaga, facilitator)
    await postForm(agent, `/sessions/${session.id}/attendance`, { 'n.parents.female.18+': '10' })
    for (const [value, message] of [['-3', 'Enter a whole number, 0 or more.'], ['dua', 'Enter a whole number, 0 or more.'], ['9000', 'Too many for one session (at most 5,000).']]) {
      const res = await postForm(agent, `/sessions/${session.id}/attendance`, { 'n.parents.female.18+': '12', 'n.parents.male.18+': value! })
      expect(res.status).toBe(422)
      expect(await res.text()).toContain(`id="n.parents.male.18+-error">${message}`)
    }
    const impossible = await postForm(agent, `/sessions/${session.id}/attendance`, { 'n.parents.female.6-9': '3' })
    expect(impossible.status).toBe(422)
    expect(textOf(await impossible.text())).toContain('This group cannot have that age band, or was not an audience of this session.')
    const notAudience = await postForm(agent, `/sessions/${session.id}/attendance`, { 'n.teachers.female.18+': '2' })
    expect(notAudience.status).toBe(422)
    expect(await jaga.db.selectFrom('attendance').select(['count']).where('sessionId', '=', session.id).execute()).toEqual([{ count: 10 }])
  })

  it('keeps a facilitator to their own sessions and refuses attendance before the start or after a cancellation', async () => {
    const mine = await aUser(jaga, 'facilitator')
    const other = await aUser(jaga, 'facilitator')
    const programme = await aProgramme(jaga, { facilitators: [mine, other] })
    const session = await aSession(jaga, programme.id, { facilitatorIds: [mine.id] })
    const otherAgent = await sessionAgent(jaga, other)
    expect(textOf(await (await otherAgent.get(`/sessions/${session.id}`)).text())).not.toContain('Save attendance')
    expect((await postForm(otherAgent, `/sessions/${session.id}/attendance`, { 'n.parents.female.18+': '3' })).status).toBe(403)
    const future = await aSession(jaga, programme.id, { facilitatorIds: [mine.id], startsAt: `${day(3)}T09:00`, endsAt: `${day(3)}T10:00` })
    const agent = await sessionAgent(jaga, mine)
    const early = await postForm(agent, `/sessions/${future.id}/attendance`, { 'n.parents.female.18+': '3' })
    expect(early.status).toBe(409)
    expect(textOf(await early.text())).toContain('This session has not started yet')
    // Only a coordinator cancels, and only with a reason.
    expect((await postForm(agent, `/sessions/${future.id}/cancel`, { reason: 'hujan' })).status).toBe(403)
    const { agent: coordinator } = await loginAs(jaga, 'coordinator', 'en')
    const noReason = await postForm(coordinator, `/sessions/${future.id}/cancel`, { reason: ' ' })
    expect(noReason.status).toBe(422)
    expect(await noReason.text()).toContain('id="f-reason-error">Give the reason for cancelling.')
    expect((await postForm(coordinator, `/sessions/${future.id}/cancel`, { reason: 'Banjir di jalan menuju balai' })).status).toBe(303)
    expect(textOf(await (await coordinator.get(`/sessions/${future.id}`)).text())).toContain('Cancelled: Banjir di jalan menuju balai')
    expect((await postForm(coordinator, `/sessions/${future.id}/report`, {})).status).toBe(409)
    expect((await postForm(coordinator, `/sessions/${future.id}/cancel`, { reason: 'lagi' })).status).toBe(409)
  })

  it('offers the whole lifecycle in the JSON API, with a 409 for a double-booking unless confirmed', async () => {
    const admin = await aUser(jaga, 'admin')
    const token = await createApiToken(jaga.db, cli, admin.email, 'test')
    const facilitator = await aUser(jaga, 'facilitator')
    const programme = await aProgramme(jaga, { facilitators: [facilitator] })
    const api = (path: string, method = 'GET', body?: unknown) =>
      jaga.request(`http://localhost${path}`, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Accept-Language': 'en' }, ...(body ? { body: JSON.stringify(body) } : {}) })
    const input = { programmeId: programme.id, title: 'Webinar guru', format: 'webinar', areaId: TIMBANG_DELI, onlineLink: 'https://meet.example.org/jaga', startsAt: `${day(-1)}T19:00`, endsAt: `${day(-1)}T20:30`, audiences: ['teachers'], facilitatorIds: [facilitator.id] }
    const created = await api('/api/v1/sessions', 'POST', input)
    expect(created.status).toBe(201)
    const session = (await created.json()) as { id: string; status: string; warnings: unknown[] }
    expect(session).toMatchObject({ status: 'planned', warnings: [] })
    const renamed = await api(`/api/v1/sessions/${session.id}`, 'PUT', { ...input, title: 'Webinar guru SD' })
    expect(renamed.status).toBe(200)
    expect(await renamed.json()).toMatchObject({ title: 'Webinar guru SD', status: 'planned' })
    const clash = await api('/api/v1/sessions', 'POST', { ...input, title: 'Bentrok' })
    expect(clash.status).toBe(409)
    expect(((await clash.json()) as { detail: string }).detail).toMatch(/already booked/)
    const confirmed = await api('/api/v1/sessions', 'POST', { ...input, title: 'Bentrok', confirmOverlap: true })
    expect(((await confirmed.json()) as { warnings: unknown[] }).warnings).toHaveLength(1)
    const bad = await api(`/api/v1/sessions/${session.id}/attendance`, 'PUT', { cells: [{ groupKind: 'teachers', gender: 'female', ageBand: '6-9', count: 4 }, { groupKind: 'teachers', gender: 'male', ageBand: '18+', count: -1 }] })
    expect(bad.status).toBe(422)
    const recorded = await api(`/api/v1/sessions/${session.id}/attendance`, 'PUT', { cells: [{ groupKind: 'teachers', gender: 'female', ageBand: '18+', count: 21 }] })
    expect(recorded.status).toBe(200)
    expect(await recorded.json()).toMatchObject({ status: 'held', attendance: [{ groupKind: 'teachers', gender: 'female', ageBand: '18+', count: 21 }] })
    expect((await api(`/api/v1/sessions/${session.id}/report`, 'POST', { notes: 'Lancar' })).status).toBe(200)
    const list = (await (await api(`/api/v1/sessions?programme=${programme.id}`)).json()) as { sessions: { id: string; status: string }[] }
    expect(list.sessions.map((s) => s.status).sort()).toEqual(['planned', 'reported'])
  })
})
