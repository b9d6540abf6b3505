import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { aUser, sessionAgent, textOf, type Agent } from '../../test/agent.ts'
import { useTestApp } from '../../test/harness.ts'
import { aHeldSession, aProgramme, aSession, cli, day, HARJOSARI_I, TIMBANG_DELI, today } from '../../test/outreach-builders.ts'
import { createApiToken, deactivateUser } from '../accounts/users.ts'
import { createArea } from '../areas/areas.ts'
import { cancelSession } from './sessions.ts'
import { addMonths, wallTimeToUtc } from './session-rules.ts'
import { visitStatus } from './visit-schedule.ts'

const jaga = useTestApp()

const post = (agent: Agent, path: string, fields: Record<string, string>) => agent.post(path, fields)

describe('visit schedule rules', () => {
  const target = { planId: 'p', programmeId: 'x', areaId: 'a', areaName: 'Lingkungan 1', parentName: 'Harjosari I', everyMonths: 3, within: new Set(['a']) }

  it('dates the next visit from the last held session, and a never-visited place from the programme start', () => {
    const never = visitStatus(target, [], '2026-01-05', '2026-11-27')
    expect(never).toMatchObject({ lastVisit: null, nextDue: '2026-01-05', overdue: true, nextScheduled: null })
    const visited = visitStatus(
      target,
      [
        { areaId: 'a', startsAt: '2026-10-01T09:00', status: 'reported' },
        { areaId: 'a', startsAt: '2026-08-01T09:00', status: 'held' },
        { areaId: 'a', startsAt: '2026-11-20T09:00', status: 'cancelled' },
        { areaId: 'b', startsAt: '2026-11-25T09:00', status: 'held' },
        { areaId: 'a', startsAt: '2026-12-15T09:00', status: 'planned' },
      ],
      '2026-01-05',
      '2026-11-27',
    )
    expect(visited).toMatchObject({ lastVisit: '2026-10-01', nextDue: '2027-01-01', overdue: false, nextScheduled: '2026-12-15T09:00' })
  })

  it('adds months the way a calendar does, clamping to the end of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29')
    expect(addMonths('2026-11-15', 14)).toBe('2028-01-15')
  })

  it('turns Medan wall-clock time into UTC (WIB is UTC+7)', () => {
    expect(wallTimeToUtc('2026-11-27T09:00', 'Asia/Jakarta').toISOString()).toBe('2026-11-27T02:00:00.000Z')
    expect(wallTimeToUtc('2026-11-27T03:30', 'Asia/Jayapura').toISOString()).toBe('2026-11-26T18:30:00.000Z')
  })
})

describe('regular visits and the calendar', () => {
  it('lists every lingkungan of a planned kelurahan with its last visit and next due date, overdue first', async () => {
    const coordinator = await sessionAgent(jaga, await aUser(jaga, 'coordinator'))
    const programme = await aProgramme(jaga, { areaIds: [HARJOSARI_I, TIMBANG_DELI], startsOn: day(-200) })
    const one = await createArea(jaga.db, cli, { parentId: HARJOSARI_I, name: 'Lingkungan Satu', kind: 'lingkungan', kemendagriCode: null, bpsCode: null })
    const two = await createArea(jaga.db, cli, { parentId: HARJOSARI_I, name: 'Lingkungan Dua', kind: 'lingkungan', kemendagriCode: null, bpsCode: null })
    const bad = await post(coordinator, `/programmes/${programme.id}/visit-plans`, { areaId: HARJOSARI_I, everyMonths: '0' })
    expect(bad.status).toBe(422)
    expect(await bad.text()).toContain('id="f-visit-everyMonths-error">Enter a whole number from 1 to 24.')
    expect((await post(coordinator, `/programmes/${programme.id}/visit-plans`, { areaId: HARJOSARI_I, everyMonths: '3' })).status).toBe(303)
    await aHeldSession(jaga, programme.id, { female: 8, male: 4 }, { areaId: one.id, startsAt: `${day(-10)}T09:00`, endsAt: `${day(-10)}T11:00` })
    await aSession(jaga, programme.id, { areaId: two.id, startsAt: `${day(6)}T15:00`, endsAt: `${day(6)}T16:00` })
    const page = textOf(await (await coordinator.get(`/programmes/${programme.id}`)).text())
    expect(page).toContain('Harjosari I: every 3 months')
    const visits = page.slice(page.indexOf('Next due'))
    expect(visits.indexOf('Lingkungan Dua')).toBeLessThan(visits.indexOf('Lingkungan Satu'))
    expect(visits).toMatch(/Lingkungan Dua · Harjosari I Never \S+ \S+ \d{4} · overdue/)
    const token = await createApiToken(jaga.db, cli, (await aUser(jaga, 'facilitator')).email, 'test')
    const api = (await (await jaga.request(`http://localhost/api/v1/programmes/${programme.id}/visits`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { visits: { areaName: string; lastVisit: string | null; nextDue: string; overdue: boolean }[] }
    expect(api.visits.map((v) => [v.areaName, v.lastVisit, v.nextDue, v.overdue])).toEqual([
      ['Lingkungan Dua', null, day(-200), true],
      ['Lingkungan Satu', day(-10), addMonths(day(-10), 3), false],
    ])
    const rows = await jaga.db.selectFrom('visitPlans').selectAll().where('programmeId', '=', programme.id).execute()
    expect(rows.map((r) => r.everyMonths)).toEqual([3])
  })

  it('shows sessions on their day in the month view and upcoming ones in the list, with the “only mine” filter', async () => {
    const facilitator = await aUser(jaga, 'facilitator')
    const programme = await aProgramme(jaga, { facilitators: [facilitator] })
    await aSession(jaga, programme.id, { title: 'Kelas orang tua Timbang Deli', areaId: TIMBANG_DELI, facilitatorIds: [facilitator.id], startsAt: `${day(3)}T09:00`, endsAt: `${day(3)}T10:00` })
    await aSession(jaga, programme.id, { title: 'Seminar tanpa saya', startsAt: `${day(4)}T09:00`, endsAt: `${day(4)}T10:00` })
    const agent = await sessionAgent(jaga, facilitator)
    const month = day(3).slice(0, 7)
    const grid = await (await agent.get(`/calendar?month=${month}&programme=${programme.id}`)).text()
    expect(grid).toMatch(new RegExp(`<span class="day-number"><span class="weekday">\\w+ </span>${Number(day(3).slice(8))}</span><a class="event status-planned" href="/sessions/[^"]+">09.00 Kelas orang tua Timbang Deli`))
    const list = textOf(await (await agent.get(`/calendar?view=list&programme=${programme.id}&mine=1`)).text())
    expect(list).toContain('Kelas orang tua Timbang Deli')
    expect(list).not.toContain('Seminar tanpa saya')
    // A month that is not a month falls back to this one rather than failing.
    expect((await agent.get('/calendar?month=2026-13')).status).toBe(200)
  })
})

describe('iCalendar feeds', () => {
  const feedUrlOf = (html: string) => /<code class="code-line">http:\/\/localhost:\d+(\/ical\/[\w-]{43}\.ics)<\/code>/.exec(html)?.[1]

  it('gives a facilitator a secret address that a phone calendar reads without signing in', async () => {
    const facilitator = await aUser(jaga, 'facilitator')
    const programme = await aProgramme(jaga, { facilitators: [facilitator] })
    const kept = await aSession(jaga, programme.id, { title: 'Kelas SD 060', venue: 'SD Negeri 060', facilitatorIds: [facilitator.id], startsAt: `${day(2)}T09:00`, endsAt: `${day(2)}T10:30` })
    const dropped = await aSession(jaga, programme.id, { title: 'Batal', facilitatorIds: [facilitator.id], startsAt: `${day(9)}T09:00`, endsAt: `${day(9)}T10:00` })
    await aSession(jaga, programme.id, { title: 'Bukan untuk saya', startsAt: `${day(2)}T13:00`, endsAt: `${day(2)}T14:00` })
    await cancelSession(jaga.db, cli, dropped.id, 'Hujan deras')
    const agent = await sessionAgent(jaga, facilitator)
    const made = await agent.post('/calendar/feeds', { kind: 'facilitator' })
    const html = await made.text()
    expect(textOf(html)).toContain('Copy it now: it is shown only once.')
    const path = feedUrlOf(html)!
    expect(path).toBeDefined()
    const res = await jaga.request(`http://localhost${path}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('text/calendar; charset=utf-8')
    const calendar = new ICAL.Component(ICAL.parse(await res.text()))
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e))
    expect(events.map((e) => e.summary).sort()).toEqual(['Batal (Seminar)', 'Kelas SD 060 (Seminar)'])
    const kelas = events.find((e) => e.summary.startsWith('Kelas'))!
    expect(kelas.startDate.toJSDate().toISOString()).toBe(wallTimeToUtc(kept.startsAt, 'Asia/Jakarta').toISOString())
    expect(kelas.endDate.toJSDate().getTime() - kelas.startDate.toJSDate().getTime()).toBe(90 * 60_000)
    expect(kelas.location).toBe('SD Negeri 060, Harjosari I')
    expect(events.find((e) => e.summary.startsWith('Batal'))!.component.getFirstPropertyValue('status')).toBe('CANCELLED')
    // The address is stored only as a hash, and making a new one revokes the old.
    expect(await jaga.db.selectFrom('calendarFeeds').select('tokenHash').where('ownerId', '=', facilitator.id).execute()).toHaveLength(1)
    await agent.post('/calendar/feeds', { kind: 'facilitator' })
    expect((await jaga.request(`http://localhost${path}`)).status).toBe(404)
  })

  it('puts a programme’s visit due dates in its feed, and stops answering once revoked or the owner is deactivated', async () => {
    const coordinator = await aUser(jaga, 'coordinator')
    const programme = await aProgramme(jaga, { areaIds: [TIMBANG_DELI] })
    const agent = await sessionAgent(jaga, coordinator)
    await agent.post(`/programmes/${programme.id}/visit-plans`, { areaId: TIMBANG_DELI, everyMonths: '2' })
    await aHeldSession(jaga, programme.id, { female: 5, male: 5 }, { areaId: TIMBANG_DELI, startsAt: `${today()}T00:00`, endsAt: `${today()}T00:30` })
    const path = feedUrlOf(await (await agent.post('/calendar/feeds', { kind: 'programme', programmeId: programme.id })).text())!
    const text = await (await jaga.request(`http://localhost${path}`)).text()
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e))
    const due = events.find((e) => e.summary === 'Jatuh tempo kunjungan: Timbang Deli')!
    expect(due.startDate.isDate).toBe(true)
    expect(due.startDate.toString()).toBe(addMonths(today(), 2))
    const feeds = textOf(await (await agent.get('/calendar/feeds')).text())
    expect(feeds).toContain('Addresses in use')
    await deactivateUser(jaga.db, cli, coordinator.id)
    expect((await jaga.request(`http://localhost${path}`)).status).toBe(404)
    expect((await jaga.request('http://localhost/ical/not-a-token.ics')).status).toBe(404)
  })

  it('lets only the owner revoke a feed', async () => {
    const owner = await aUser(jaga, 'facilitator')
    const other = await sessionAgent(jaga, await aUser(jaga, 'facilitator'))
    const agent = await sessionAgent(jaga, owner)
    const path = feedUrlOf(await (await agent.post('/calendar/feeds', { kind: 'facilitator' })).text())!
    const feed = await jaga.db.selectFrom('calendarFeeds').select('id').where('ownerId', '=', owner.id).executeTakeFirstOrThrow()
    expect((await other.post(`/calendar/feeds/${feed.id}/delete`)).status).toBe(404)
    expect((await jaga.request(`http://localhost${path}`)).status).toBe(200)
    expect((await agent.post(`/calendar/feeds/${feed.id}/delete`)).status).toBe(303)
    expect((await jaga.request(`http://localhost${path}`)).status).toBe(404)
  })
})
