import { describe, expect, it } from 'vitest'
import { aUser, sessionAgent, textOf } from '../../test/agent.ts'
import { useTestApp } from '../../test/harness.ts'
import { aProgramme, aSession, cli, day, HARJOSARI_I, TIMBANG_DELI } from '../../test/outreach-builders.ts'
import { createArea } from '../areas/areas.ts'
import { cancelSession } from './sessions.ts'

const jaga = useTestApp()

const coordinatorAgent = async (locale: 'en' | 'id' = 'en') => (await sessionAgent(jaga, await aUser(jaga, 'coordinator'))).lang(locale)

describe('staff flows without dead ends', () => {
  it('opens a new programme on its own page once it is saved', async () => {
    const agent = await coordinatorAgent()
    const form = new URLSearchParams({ _csrf: agent.csrf, name: `Jaga Baru ${crypto.randomUUID().slice(0, 6)}`, startsOn: '2026-09-01', endsOn: '2027-08-31', status: 'planned' })
    form.append('areaIds', HARJOSARI_I)
    const res = await agent.send('/programmes', { method: 'POST', body: form })
    expect(res.status).toBe(303)
    const row = await jaga.db.selectFrom('programmes').select('id').where('name', '=', form.get('name')!).executeTakeFirstOrThrow()
    expect(res.headers.get('location')).toBe(`/programmes/${row.id}?saved=1`)
    const page = textOf(await (await agent.get(res.headers.get('location')!)).text())
    expect(page).toContain('Programme saved.')
    expect(page).toContain('Add a target group')
    expect(page).toContain('Schedule a session')
  })

  it('offers "schedule a session here" on each visit-plan row, opening the form on that place', async () => {
    const programme = await aProgramme(jaga)
    const agent = await coordinatorAgent()
    expect((await agent.post(`/programmes/${programme.id}/visit-plans`, { areaId: TIMBANG_DELI, everyMonths: '3' })).status).toBe(303)
    const html = await (await agent.get(`/programmes/${programme.id}`)).text()
    const href = `/programmes/${programme.id}/sessions/new?area=${TIMBANG_DELI}`
    expect(html).toContain(`<a href="${href}" aria-label="Schedule a session here: Timbang Deli">Schedule a session here</a>`)
    const form = await (await agent.get(href)).text()
    expect(form).toContain(`<option value="${TIMBANG_DELI}" selected="">Timbang Deli</option>`)
    // The calendar's list of visits offers the same to those who may schedule, not to a facilitator.
    expect(await (await agent.get(`/calendar?view=list&programme=${programme.id}`)).text()).toContain(href)
    const facilitator = await sessionAgent(jaga, await aUser(jaga, 'facilitator'))
    expect(await (await facilitator.get(`/calendar?view=list&programme=${programme.id}`)).text()).not.toContain(href)
  })

  it('does not list a cancelled session under "upcoming" in the calendar', async () => {
    const programme = await aProgramme(jaga)
    const kept = await aSession(jaga, programme.id, { title: 'Seminar tetap jalan', startsAt: `${day(3)}T09:00`, endsAt: `${day(3)}T11:00` })
    const rained = await aSession(jaga, programme.id, { title: 'Seminar batal hujan', startsAt: `${day(4)}T09:00`, endsAt: `${day(4)}T11:00` })
    await cancelSession(jaga.db, cli, rained.id, 'Hujan deras')
    const page = textOf(await (await (await coordinatorAgent()).get(`/calendar?view=list&programme=${programme.id}`)).text())
    expect(page).toContain(kept.title)
    expect(page).not.toContain(rained.title)
  })

  it('asks before removing a target group or a visit plan, on a page that works without script', async () => {
    const programme = await aProgramme(jaga)
    const agent = await coordinatorAgent()
    await agent.post(`/programmes/${programme.id}/target-groups`, { areaId: HARJOSARI_I, groupKind: 'parents', estimatedSize: '1200', baselineLevel: 'low' })
    await agent.post(`/programmes/${programme.id}/visit-plans`, { areaId: HARJOSARI_I, everyMonths: '3' })
    const group = await jaga.db.selectFrom('targetGroups').select('id').where('programmeId', '=', programme.id).executeTakeFirstOrThrow()
    const plan = await jaga.db.selectFrom('visitPlans').select('id').where('programmeId', '=', programme.id).executeTakeFirstOrThrow()
    const page = await (await agent.get(`/programmes/${programme.id}`)).text()
    // The row's control is a link to the question, not a form that deletes at once.
    for (const path of [`/programmes/${programme.id}/target-groups/${group.id}/delete`, `/programmes/${programme.id}/visit-plans/${plan.id}/delete`]) {
      expect(page).toContain(`<a href="${path}"`)
      expect(page).not.toContain(`action="${path}"`)
      const ask = await agent.get(path)
      expect(ask.status).toBe(200)
      const html = await ask.text()
      expect(html).toContain(`<form method="post" action="${path}">`)
      expect(html).toContain(`<a href="/programmes/${programme.id}`)
    }
    expect(textOf(await (await agent.get(`/programmes/${programme.id}/target-groups/${group.id}/delete`)).text())).toContain(
      'Parents and caregivers in Harjosari I will be removed from this programme, with its estimated number of people and baseline awareness. This cannot be undone.',
    )
    expect(textOf(await (await agent.lang('id').get(`/programmes/${programme.id}/visit-plans/${plan.id}/delete`)).text())).toContain('Hapus rencana kunjungan ini?')
    // Asking changed nothing; confirming removes.
    expect(await jaga.db.selectFrom('targetGroups').select('id').where('id', '=', group.id).executeTakeFirst()).toBeDefined()
    expect((await agent.post(`/programmes/${programme.id}/target-groups/${group.id}/delete`)).status).toBe(303)
    expect((await agent.post(`/programmes/${programme.id}/visit-plans/${plan.id}/delete`)).status).toBe(303)
    expect(await jaga.db.selectFrom('targetGroups').select('id').where('id', '=', group.id).executeTakeFirst()).toBeUndefined()
    expect(await jaga.db.selectFrom('visitPlans').select('id').where('id', '=', plan.id).executeTakeFirst()).toBeUndefined()
    const facilitator = await sessionAgent(jaga, await aUser(jaga, 'facilitator'))
    expect((await facilitator.get(`/programmes/${programme.id}/visit-plans/${crypto.randomUUID()}/delete`)).status).toBe(403)
    expect((await agent.get(`/programmes/${programme.id}/visit-plans/${crypto.randomUUID()}/delete`)).status).toBe(404)
  })

  it('asks before removing a disclosure keyword', async () => {
    const agent = await coordinatorAgent()
    expect((await agent.post('/disclosures/keywords', { locale: 'id', phrase: 'kata rahasia uji' })).status).toBe(303)
    const row = await jaga.db.selectFrom('disclosureKeywords').select('id').where('phrase', '=', 'kata rahasia uji').executeTakeFirstOrThrow()
    const path = `/disclosures/keywords/${row.id}/delete`
    const list = await (await agent.get('/disclosures/keywords')).text()
    expect(list).toContain(`<a href="${path}" aria-label="Remove &quot;kata rahasia uji&quot;">`)
    expect(list).not.toContain(`action="${path}"`)
    const ask = await (await agent.get(path)).text()
    expect(textOf(ask)).toContain('Answers containing "kata rahasia uji" will no longer be flagged as a possible disclosure of harm.')
    expect(ask).toContain(`<form method="post" action="${path}">`)
    expect(await jaga.db.selectFrom('disclosureKeywords').select('id').where('id', '=', row.id).executeTakeFirst()).toBeDefined()
    expect((await agent.post(path)).status).toBe(303)
    expect(await jaga.db.selectFrom('disclosureKeywords').select('id').where('id', '=', row.id).executeTakeFirst()).toBeUndefined()
  })

  it('tucks "cancel the session" under "More actions" and writes the report in text areas', async () => {
    const programme = await aProgramme(jaga)
    const agent = await coordinatorAgent()
    const planned = await aSession(jaga, programme.id, { startsAt: `${day(3)}T09:00`, endsAt: `${day(3)}T11:00` })
    const html = await (await agent.get(`/sessions/${planned.id}`)).text()
    expect(html).toMatch(/<details class="more-actions"><summary>More actions<\/summary><h2>Cancel the session<\/h2><form method="post" action="\/sessions\/[\w-]+\/cancel">/)
    const held = await aSession(jaga, programme.id)
    await agent.post(`/sessions/${held.id}/attendance`, { 'n.parents.female.18+': '4' })
    const report = await (await agent.get(`/sessions/${held.id}`)).text()
    expect(report).toContain('<textarea id="f-notes" name="notes" rows="6" maxlength="2000"')
    expect(report).toContain('<textarea id="f-followUps" name="followUps" rows="4" maxlength="2000"')
    const multiLine = 'Banyak pertanyaan tentang gim.\nPerlu brosur tambahan.'
    expect((await agent.post(`/sessions/${held.id}/report`, { notes: multiLine, followUps: 'Kunjungi lagi' })).status).toBe(303)
    expect(await jaga.db.selectFrom('sessions').select('notes').where('id', '=', held.id).executeTakeFirstOrThrow()).toEqual({ notes: multiLine })
  })

  it('puts each calendar-feed button with the name of its programme', async () => {
    const one = await aProgramme(jaga, { name: 'Program Feed Satu' })
    const two = await aProgramme(jaga, { name: 'Program Feed Dua' })
    const html = await (await (await coordinatorAgent()).get('/calendar/feeds')).text()
    for (const p of [one, two]) {
      const item = html.match(new RegExp(`<li><strong>${p.name}</strong> <form[^>]*>(?:(?!</li>).)*</li>`))?.[0] ?? ''
      expect(item, p.name).toContain(`<input type="hidden" name="programmeId" value="${p.id}"/>`)
      expect(item, p.name).toContain(`aria-label="Make a subscription address for ${p.name}"`)
    }
  })

  it('shows the programme period in the same date format as every page when a session falls outside it', async () => {
    const programme = await aProgramme(jaga, { startsOn: '2026-01-05', endsOn: '2026-12-01' })
    const agent = await coordinatorAgent()
    const res = await agent.post(`/programmes/${programme.id}/sessions`, { title: 'Terlalu akhir', format: 'seminar', areaId: HARJOSARI_I, venue: 'Aula', startsAt: '2027-03-01T09:00', endsAt: '2027-03-01T10:00', audiences: 'parents' })
    expect(res.status).toBe(422)
    const text = textOf(await res.text())
    expect(text).toContain('(5 Jan 2026 to 1 Dec 2026)')
    expect(text).not.toContain('2026-12-01')
  })

  it('links a session report to recording a referral, starting from the session’s programme, day and kelurahan', async () => {
    const programme = await aProgramme(jaga)
    const lingkungan = await createArea(jaga.db, cli, { parentId: HARJOSARI_I, name: `Lingkungan F${crypto.randomUUID().slice(0, 4)}`, kind: 'lingkungan', kemendagriCode: null, bpsCode: null })
    const held = await aSession(jaga, programme.id, { areaId: lingkungan.id, startsAt: `${day(-2)}T09:00`, endsAt: `${day(-2)}T11:00` })
    const agent = await coordinatorAgent()
    const page = await (await agent.get(`/sessions/${held.id}`)).text()
    expect(page).toContain(`<a href="/referrals/new?session=${held.id}">Record a referral</a>`)
    const form = await (await agent.get(`/referrals/new?session=${held.id}`)).text()
    expect(form).toContain(`<option value="${HARJOSARI_I}" selected="">Harjosari I</option>`)
    expect(form).toContain(`<option value="${programme.id}" selected="">`)
    expect(form).toContain(`name="occurredOn" type="date" value="${day(-2)}"`)
    // A partner cannot record referrals: no link for them.
    const partner = await sessionAgent(jaga, await aUser(jaga, 'partner'))
    expect(await (await partner.get(`/sessions/${held.id}`)).text()).not.toContain('/referrals/new')
  })
})
