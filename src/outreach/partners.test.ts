import { describe, expect, it } from 'vitest'
import { aUser, loginAs, textOf } from '../../test/agent.ts'
import { useTestApp } from '../../test/harness.ts'
import { createApiToken } from '../accounts/users.ts'

const jaga = useTestApp()
const AMPLAS = '0b7f4a52-2b41-4c4e-9a57-000000127109'

const aPartnerForm = (over: Record<string, string> = {}) => ({
  name: 'SD Negeri 060800',
  kind: 'school',
  areaId: AMPLAS,
  roles: 'Tuan rumah kelas keamanan daring',
  contactName: 'Ibu Kepala Sekolah',
  contactPhone: '0812-3456-7890',
  contactEmail: 'kepsek@example.sch.id',
  mouStart: '2026-08-01',
  mouEnd: '2027-07-31',
  ...over,
})

describe('partner institutions', () => {
  it('lets a coordinator add a partner, listed with its area, MoU and contact, and audited without the contact details', async () => {
    const { agent } = await loginAs(jaga, 'coordinator', 'en')
    const res = await agent.post('/partners', aPartnerForm())
    expect(res.status).toBe(303)
    const text = textOf(await (await agent.get('/partners')).text())
    expect(text).toContain('SD Negeri 060800')
    expect(text).toContain('Medan Amplas · MoU in force: 1 Aug 2026 – 31 Jul 2027')
    expect(text).toContain('Contact: Ibu Kepala Sekolah · 0812-3456-7890 · kepsek@example.sch.id')
    const partner = await jaga.db.selectFrom('partners').select('id').where('name', '=', 'SD Negeri 060800').executeTakeFirstOrThrow()
    await agent.post(`/partners/${partner.id}`, aPartnerForm({ contactPhone: '0813-0000-1111' }))
    const audit = await jaga.db.selectFrom('auditEntries').select(['action', 'summary']).where('subjectId', '=', partner.id).orderBy('at').execute()
    expect(audit.map((a) => a.action)).toEqual(['partner.create', 'partner.update'])
    expect(audit.map((a) => a.summary).join(' ')).not.toMatch(/0812|0813|kepsek@/)
    expect(JSON.parse(audit[1]!.summary)).toEqual({ name: 'SD Negeri 060800', contactPhone: 'changed' })
  })

  it('explains each wrong field next to it and saves nothing', async () => {
    const { agent } = await loginAs(jaga, 'coordinator', 'en')
    await agent.post('/partners', aPartnerForm({ name: 'Puskesmas Amplas', kind: 'health-centre' }))
    const before = (await jaga.db.selectFrom('partners').select('id').execute()).length
    const bad = await agent.post('/partners', aPartnerForm({ name: 'puskesmas amplas', kind: 'health-centre', contactPhone: 'call me', mouStart: '2027-01-01', mouEnd: '2026-01-01' }))
    expect(bad.status).toBe(422)
    const html = await bad.text()
    expect(html).toMatch(/id="f-contactPhone-error">Enter a valid phone number/)
    expect(html).toMatch(/id="f-mouEnd-error">The end date cannot be before the start date\./)
    const dup = await agent.post('/partners', aPartnerForm({ name: 'puskesmas amplas', kind: 'health-centre' }))
    expect(await dup.text()).toMatch(/id="f-name-error">A partner with this name already exists\./)
    const area = await agent.post('/partners', aPartnerForm({ name: 'Somewhere', areaId: '5b1f0d1e-8f55-4f5e-9a8e-0d6f1b0c9a11' }))
    expect(await area.text()).toMatch(/id="f-areaId-error">This area does not exist\./)
    expect((await jaga.db.selectFrom('partners').select('id').execute()).length).toBe(before)
  })

  it('deletes a partner', async () => {
    const { agent } = await loginAs(jaga, 'admin', 'en')
    await agent.post('/partners', aPartnerForm({ name: 'LSM Sementara', kind: 'ngo' }))
    const partner = await jaga.db.selectFrom('partners').select('id').where('name', '=', 'LSM Sementara').executeTakeFirstOrThrow()
    const res = await agent.post(`/partners/${partner.id}/delete`)
    expect(res.headers.get('Location')).toBe('/partners?deleted=LSM%20Sementara')
    expect(await jaga.db.selectFrom('partners').select('id').where('id', '=', partner.id).executeTakeFirst()).toBeUndefined()
  })

  it('shows facilitators the list without edit links, and keeps partners (the role) out entirely', async () => {
    const { agent: facilitator } = await loginAs(jaga, 'facilitator', 'en')
    const html = await (await facilitator.get('/partners')).text()
    expect(html).not.toContain('/partners/new')
    const { agent: partnerRole } = await loginAs(jaga, 'partner', 'en')
    expect((await partnerRole.get('/partners')).status).toBe(403)
  })

  it('serves partners in the API and creates one, with field errors as problem JSON', async () => {
    const user = await aUser(jaga, 'coordinator')
    const token = await createApiToken(jaga.db, { id: null, label: 'test' }, user.email, 'test')
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Accept-Language': 'en' }
    const created = await jaga.request('http://localhost/api/v1/partners', { method: 'POST', headers, body: JSON.stringify({ name: 'Unit PPA (API)', kind: 'police-unit' }) })
    expect(created.status).toBe(201)
    expect(await created.json()).toMatchObject({ name: 'Unit PPA (API)', kind: 'police-unit', areaId: null, mouStart: null })
    const list = await (await jaga.request('http://localhost/api/v1/partners', { headers })).json()
    expect(list.partners.map((p: { name: string }) => p.name)).toContain('Unit PPA (API)')
    const bad = await jaga.request('http://localhost/api/v1/partners', { method: 'POST', headers, body: JSON.stringify({ name: '', kind: 'castle', mouStart: '2026-02-30' }) })
    expect(bad.status).toBe(422)
    expect((await bad.json()).errors.map((e: { field: string }) => e.field)).toEqual(['name', 'kind', 'mouStart'])
  })

  it('lists a partner that serves the public in the library’s help directory, and takes it out again', async () => {
    const { agent } = await loginAs(jaga, 'coordinator', 'en')
    const listed = aPartnerForm({ name: 'UPTD PPA Contoh', kind: 'women-children-service-unit', helpPhone: '061-555-0100', helpHandlesId: 'Pengaduan dan pendampingan korban kekerasan anak.', helpHandlesEn: 'Complaints and support for child victims of violence.' })
    const missing = await agent.post('/partners', { ...listed, helpHandlesEn: '' })
    expect(missing.status).toBe(422)
    expect(await missing.text()).toContain('id="f-helpHandlesEn-error">Describe the service in both languages when a public number is given.')
    expect((await agent.post('/partners', listed)).status).toBe(303)
    const help = await (await jaga.request('http://localhost/en/library/help')).text()
    const local = textOf(help.slice(help.indexOf('In the programme’s area'), help.indexOf('In Indonesia')))
    expect(local).toContain('UPTD PPA Contoh')
    expect(local).toContain('Complaints and support for child victims of violence.')
    expect(help).toContain('<a class="nowrap" href="tel:0615550100">061-555-0100</a>')
    // The staff contact is never published.
    expect(help).not.toContain(listed.contactPhone)
    expect(textOf(await (await jaga.request('http://localhost/id/pustaka/bantuan')).text())).toContain('Pengaduan dan pendampingan korban kekerasan anak.')
    const row = await jaga.db.selectFrom('partners').select('id').where('name', '=', 'UPTD PPA Contoh').executeTakeFirstOrThrow()
    expect((await agent.post(`/partners/${row.id}`, { ...listed, helpPhone: '', helpHandlesId: '', helpHandlesEn: '' })).status).toBe(303)
    expect(await (await jaga.request('http://localhost/en/library/help')).text()).not.toContain('UPTD PPA Contoh')
  })
})
