import { describe, expect, it } from 'vitest'
import { aUser, sessionAgent, textOf } from '../../test/agent.ts'
import { useTestApp } from '../../test/harness.ts'
import { aPartner, aProgramme, aSession, cli, day, HARJOSARI_I } from '../../test/outreach-builders.ts'
import { recordReferral } from './referrals.ts'
import { createApiToken } from '../accounts/users.ts'
import { editProgramme, getProgramme } from './programmes.ts'

const jaga = useTestApp()

/** Makes the institution a partner in the programme (the programme form's partner list). */
async function partnerIn(programmeId: string, partnerId: string) {
  const p = await getProgramme(jaga.db, programmeId)
  await editProgramme(jaga.db, cli, programmeId, { name: p.name, goal: p.goal, startsOn: p.startsOn, endsOn: p.endsOn, status: p.status, coordinatorId: p.coordinatorId, areaIds: p.areaIds, facilitatorIds: p.facilitatorIds, partnerIds: [...p.partnerIds, partnerId] })
}

async function twoInstitutions() {
  const [a, b] = [await aPartner(jaga), await aPartner(jaga)]
  const [mine, theirs] = [await aProgramme(jaga), await aProgramme(jaga)]
  await partnerIn(mine.id, a.id)
  await partnerIn(theirs.id, b.id)
  const admin = await sessionAgent(jaga, await aUser(jaga, 'admin'))
  return { a, b, mine, theirs, admin }
}

describe('a partner account', () => {
  it('sees only the programmes its institution is a partner in, once an admin has linked it', async () => {
    const { a, mine, theirs, admin } = await twoInstitutions()
    const user = await aUser(jaga, 'partner')
    const partner = await sessionAgent(jaga, user)
    // Not linked yet: nothing programme-specific, and why.
    const unlinked = textOf(await (await partner.get('/coverage')).text())
    expect(unlinked).toContain('Your account is not linked to a partner institution yet')
    expect(unlinked).not.toContain(mine.name)
    expect((await partner.get(`/programmes/${mine.id}/evaluation`)).status).toBe(404)

    expect(textOf(await (await admin.get(`/admin/users/${user.id}/access`)).text())).toContain('Partner institution')
    expect((await admin.post(`/admin/users/${user.id}/access`, { partnerId: a.id })).status).toBe(303)
    const coverage = textOf(await (await partner.get('/coverage')).text())
    expect(coverage).toContain(mine.name)
    expect(coverage).not.toContain(theirs.name)
    expect(coverage).not.toContain('not linked')
    for (const path of ['/coverage?programme=', '/programmes/:id/evaluation', '/programmes/:id/evaluation.pdf', '/programmes/:id/report', '/programmes/:id/report.pdf']) {
      const url = (id: string) => (path.includes(':id') ? path.replace(':id', id) : path + id)
      expect((await partner.get(url(theirs.id))).status, path).toBe(404)
      expect((await partner.get(url(mine.id))).status, path).toBe(200)
    }
    const bearer = await createApiToken(jaga.db, cli, user.email, 'test')
    const api = (id: string) => jaga.request(`http://localhost/api/v1/coverage?programme=${id}`, { headers: { Authorization: `Bearer ${bearer}` } })
    expect((await api(theirs.id)).status).toBe(404)
    expect((await api(mine.id)).status).toBe(200)
  })

  it('is linked only to an institution that exists, and only when it is a partner account', async () => {
    const { admin } = await twoInstitutions()
    const coordinator = await aUser(jaga, 'coordinator')
    const partner = await aPartner(jaga)
    const refused = await admin.post(`/admin/users/${coordinator.id}/access`, { partnerId: partner.id })
    expect(refused.status).toBe(422)
    expect(textOf(await refused.text())).toContain('Only partner accounts are linked to a partner institution.')
    const user = await aUser(jaga, 'partner')
    expect((await admin.post(`/admin/users/${user.id}/access`, { partnerId: crypto.randomUUID() })).status).toBe(422)
    const other = await sessionAgent(jaga, await aUser(jaga, 'coordinator'))
    expect((await other.post(`/admin/users/${user.id}/access`, { partnerId: partner.id })).status).toBe(403)
  })
})

describe('a coordinator limited to their own programmes', () => {
  it('sees neither another programme nor its sessions, coverage or results', async () => {
    const { mine, theirs, admin } = await twoInstitutions()
    const user = await aUser(jaga, 'coordinator')
    const own = await aProgramme(jaga, { facilitators: [user] })
    const theirSession = await aSession(jaga, theirs.id)
    const coordinator = await sessionAgent(jaga, user)
    // Unlimited (the default): every programme.
    expect(textOf(await (await coordinator.get('/programmes')).text())).toContain(theirs.name)
    expect((await admin.post(`/admin/users/${user.id}/access`, { ownProgrammesOnly: 'yes' })).status).toBe(303)
    const list = textOf(await (await coordinator.get('/programmes')).text())
    expect(list).toContain(own.name)
    expect(list).not.toContain(theirs.name)
    expect(list).not.toContain(mine.name)
    for (const path of [`/programmes/${theirs.id}`, `/programmes/${theirs.id}/edit`, `/sessions/${theirSession.id}`, `/sessions/${theirSession.id}/evaluation`, `/coverage?programme=${theirs.id}`, `/programmes/${theirs.id}/evaluation`, `/programmes/${theirs.id}/report`]) {
      expect((await coordinator.get(path)).status, path).toBe(404)
    }
    for (const path of [`/programmes/${own.id}`, `/coverage?programme=${own.id}`, `/programmes/${own.id}/evaluation`]) expect((await coordinator.get(path)).status, path).toBe(200)
    expect(textOf(await (await coordinator.get('/coverage')).text())).not.toContain(theirs.name)
    const bearer = await createApiToken(jaga.db, cli, user.email, 'test')
    const listed = (await (await jaga.request('http://localhost/api/v1/programmes', { headers: { Authorization: `Bearer ${bearer}` } })).json()) as { programmes: { id: string }[] }
    expect(listed.programmes.map((p) => p.id)).toEqual([own.id])
    expect((await jaga.request(`http://localhost/api/v1/sessions/${theirSession.id}`, { headers: { Authorization: `Bearer ${bearer}` } })).status).toBe(404)
  })

  it('sees only their own programmes’ sessions in the calendar, the sessions API and calendar feeds', async () => {
    const { theirs, admin } = await twoInstitutions()
    const user = await aUser(jaga, 'coordinator')
    const own = await aProgramme(jaga, { facilitators: [user] })
    // In three days, so the list view (today onwards) shows them.
    const soon = { startsAt: `${day(3)}T09:00`, endsAt: `${day(3)}T11:00` }
    const ownSession = await aSession(jaga, own.id, { ...soon, title: 'Sesi milik sendiri' })
    const theirSession = await aSession(jaga, theirs.id, { ...soon, title: 'Sesi program lain' })
    expect((await admin.post(`/admin/users/${user.id}/access`, { ownProgrammesOnly: 'yes' })).status).toBe(303)
    const coordinator = await sessionAgent(jaga, user)
    const calendar = textOf(await (await coordinator.get('/calendar?view=list')).text())
    expect(calendar).toContain(ownSession.title)
    expect(calendar).not.toContain(theirSession.title)
    expect(textOf(await (await coordinator.get(`/calendar?view=list&programme=${theirs.id}`)).text())).not.toContain(theirSession.title)
    const bearer = await createApiToken(jaga.db, cli, user.email, 'test')
    const listed = (await (await jaga.request('http://localhost/api/v1/sessions', { headers: { Authorization: `Bearer ${bearer}` } })).json()) as { sessions: { id: string }[] }
    expect(listed.sessions.map((x) => x.id)).toContain(ownSession.id)
    expect(listed.sessions.map((x) => x.id)).not.toContain(theirSession.id)
    expect(textOf(await (await coordinator.get('/calendar/feeds')).text())).not.toContain(theirs.name)
    expect((await coordinator.post('/calendar/feeds', { kind: 'programme', programmeId: theirs.id })).status).toBe(404)
    expect((await coordinator.post('/calendar/feeds', { kind: 'programme', programmeId: own.id })).status).toBe(200)
  })

  it('reads neither the disclosures nor the referrals of another programme', async () => {
    const { theirs, admin } = await twoInstitutions()
    const user = await aUser(jaga, 'coordinator')
    const own = await aProgramme(jaga, { facilitators: [user] })
    const ownSession = await aSession(jaga, own.id)
    const theirSession = await aSession(jaga, theirs.id)
    const disclosure = (sessionId: string, text: string) => ({ id: crypto.randomUUID(), sessionId, submissionId: crypto.randomUUID(), itemId: 'want_to_know', text, receivedAt: new Date().toISOString(), handledAt: null, handledBy: null })
    await jaga.db.insertInto('disclosures').values([disclosure(ownSession.id, 'Tulisan di program sendiri'), disclosure(theirSession.id, 'Tulisan di program lain')]).execute()
    const service = await aPartner(jaga)
    const otherCoordinator = await aUser(jaga, 'coordinator')
    const referral = (programmeId: string, note: string) => ({ occurredOn: day(-1), areaId: HARJOSARI_I, ageBand: '13-17' as const, concern: 'sextortion' as const, partnerId: service.id, channelId: null, consent: 'child-and-guardian' as const, nextFollowUp: null, note, programmeId })
    const ownReferral = await recordReferral(jaga.db, { id: otherCoordinator.id, label: otherCoordinator.email }, referral(own.id, 'Rujukan program sendiri'))
    const theirReferral = await recordReferral(jaga.db, { id: otherCoordinator.id, label: otherCoordinator.email }, referral(theirs.id, 'Rujukan program lain'))
    expect((await admin.post(`/admin/users/${user.id}/access`, { ownProgrammesOnly: 'yes' })).status).toBe(303)
    const coordinator = await sessionAgent(jaga, user)

    const disclosures = textOf(await (await coordinator.get('/disclosures')).text())
    expect(disclosures).toContain('Tulisan di program sendiri')
    expect(disclosures).not.toContain('Tulisan di program lain')
    expect((await coordinator.get(`/referrals/${ownReferral.id}`)).status).toBe(200)
    expect((await coordinator.get(`/referrals/${theirReferral.id}`)).status).toBe(404)
    const bearer = await createApiToken(jaga.db, cli, user.email, 'test')
    const listed = (await (await jaga.request('http://localhost/api/v1/referrals', { headers: { Authorization: `Bearer ${bearer}` } })).json()) as { referrals: { id: string }[] }
    expect(listed.referrals.map((r) => r.id)).toContain(ownReferral.id)
    expect(listed.referrals.map((r) => r.id)).not.toContain(theirReferral.id)
    expect(textOf(await (await coordinator.get('/referrals/new')).text())).not.toContain(theirs.name)
  })
})
