import { describe, expect, it } from 'vitest'
import { aUser, loginAs, textOf } from '../../test/agent.ts'
import { useTestApp } from '../../test/harness.ts'
import { createApiToken } from '../accounts/users.ts'
import { createPartner } from './partners.ts'

const jaga = useTestApp()
const HARJOSARI_I = '0b7f4a52-2b41-4c4e-9a57-127109100400'
const TIMBANG_DELI = '0b7f4a52-2b41-4c4e-9a57-127109100600'
const cli = { id: null, label: 'test' }

async function programmeForm(over: Record<string, string | string[]> = {}) {
  const facilitator = await aUser(jaga, 'facilitator')
  const partner = await createPartner(jaga.db, cli, { name: `Sekolah ${crypto.randomUUID().slice(0, 6)}`, kind: 'school', areaId: null, contactName: null, contactPhone: null, contactEmail: null, mouStart: null, mouEnd: null, roles: null, helpPhone: null, helpHandlesId: null, helpHandlesEn: null })
  const fields: Record<string, string | string[]> = {
    name: `Jaga Amplas ${crypto.randomUUID().slice(0, 6)}`,
    goal: 'Setiap lingkungan dikunjungi tiap 3 bulan',
    startsOn: '2026-09-01',
    endsOn: '2027-08-31',
    status: 'active',
    areaIds: [HARJOSARI_I, TIMBANG_DELI],
    facilitatorIds: [facilitator.id],
    partnerIds: [partner.id],
    ...over,
  }
  const form = new URLSearchParams()
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) form.append(k, x)
  return { form, fields, partner, facilitator }
}

const post = (agent: Awaited<ReturnType<typeof loginAs>>['agent'], path: string, form: URLSearchParams) => {
  form.set('_csrf', agent.csrf)
  return agent.send(path, { method: 'POST', body: form })
}

describe('programmes', () => {
  it('lets a coordinator create a programme with target kelurahan, a facilitator and a partner', async () => {
    const { agent, user } = await loginAs(jaga, 'coordinator', 'en')
    const { form, fields } = await programmeForm({ coordinatorId: '' })
    form.set('coordinatorId', user.id)
    const res = await post(agent, '/programmes', form)
    expect(res.status).toBe(303)
    const text = textOf(await (await agent.get('/programmes')).text())
    expect(text).toContain(String(fields.name))
    expect(text).toContain('1 Sept 2026 – 31 Aug 2027')
    expect(text).toContain('2 areas · 1 facilitator · 1 partner')
    const row = await jaga.db.selectFrom('programmes').select('id').where('name', '=', String(fields.name)).executeTakeFirstOrThrow()
    const audit = await jaga.db.selectFrom('auditEntries').select(['action', 'summary']).where('subjectId', '=', row.id).execute()
    expect(audit).toEqual([{ action: 'programme.create', summary: JSON.stringify({ name: fields.name, period: '2026-09-01..2027-08-31', areas: 2 }) }])
  })

  it('explains a wrong period, a missing area and a coordinator who is not one, and saves nothing', async () => {
    const { agent } = await loginAs(jaga, 'coordinator', 'en')
    const partnerUser = await aUser(jaga, 'partner')
    const before = (await jaga.db.selectFrom('programmes').select('id').execute()).length
    const { form } = await programmeForm({ startsOn: '2027-01-01', endsOn: '2026-01-01', areaIds: [] })
    const res = await post(agent, '/programmes', form)
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toMatch(/id="f-endsOn-error">The end date cannot be before the start date\./)
    expect(html).toMatch(/id="f-areaIds-error">Choose at least one target area\./)
    const { form: second } = await programmeForm({ coordinatorId: partnerUser.id })
    const res2 = await post(agent, '/programmes', second)
    expect(await res2.text()).toMatch(/id="f-coordinatorId-error">Choose an active user whose role is coordinator or admin\./)
    expect((await jaga.db.selectFrom('programmes').select('id').execute()).length).toBe(before)
  })

  it('edits a programme and records what changed', async () => {
    const { agent } = await loginAs(jaga, 'admin', 'en')
    const { form, fields } = await programmeForm()
    await post(agent, '/programmes', form)
    const row = await jaga.db.selectFrom('programmes').select('id').where('name', '=', String(fields.name)).executeTakeFirstOrThrow()
    const { form: edit } = await programmeForm({ name: String(fields.name), status: 'completed', areaIds: [HARJOSARI_I] })
    expect((await post(agent, `/programmes/${row.id}`, edit)).status).toBe(303)
    const entry = await jaga.db.selectFrom('auditEntries').select('summary').where('subjectId', '=', row.id).where('action', '=', 'programme.update').executeTakeFirstOrThrow()
    expect(JSON.parse(entry.summary)).toMatchObject({ status: ['active', 'completed'], areaIds: [2, 1] })
  })

  it('refuses to delete a partner or an area a programme still uses, with an explanation', async () => {
    const { agent } = await loginAs(jaga, 'admin', 'en')
    const { form, partner } = await programmeForm()
    await post(agent, '/programmes', form)
    const res = await agent.post(`/partners/${partner.id}/delete`)
    expect(res.status).toBe(409)
    expect(textOf(await res.text())).toContain('This partner is still listed in 1 programme.')
    const area = await agent.post(`/areas/${TIMBANG_DELI}/delete`)
    expect(area.status).toBe(409)
    expect(textOf(await area.text())).toContain('This area is still used by a programme or activity.')
    expect(await jaga.db.selectFrom('areas').select('id').where('id', '=', TIMBANG_DELI).executeTakeFirst()).toBeDefined()
  })

  it('records target groups per programme area with size and baseline, refusing areas outside the programme and duplicates', async () => {
    const { agent } = await loginAs(jaga, 'coordinator', 'en')
    const { form, fields } = await programmeForm()
    await post(agent, '/programmes', form)
    const row = await jaga.db.selectFrom('programmes').select('id').where('name', '=', String(fields.name)).executeTakeFirstOrThrow()
    const added = await agent.post(`/programmes/${row.id}/target-groups`, { areaId: HARJOSARI_I, groupKind: 'parents', estimatedSize: '1200', baselineLevel: 'low', baselineNote: 'Few know SAPA 129' })
    expect(added.status).toBe(303)
    const page = textOf(await (await agent.get(`/programmes/${row.id}`)).text())
    expect(page).toContain('Harjosari I Parents and caregivers 1,200 Low · Few know SAPA 129')
    const outside = await agent.post(`/programmes/${row.id}/target-groups`, { areaId: '0b7f4a52-2b41-4c4e-9a57-127109100100', groupKind: 'teachers', estimatedSize: '', baselineLevel: 'unknown' })
    expect(outside.status).toBe(422)
    expect(await outside.text()).toMatch(/id="f-areaId-error">Choose one of this programme’s target areas\./)
    const dup = await agent.post(`/programmes/${row.id}/target-groups`, { areaId: HARJOSARI_I, groupKind: 'parents', estimatedSize: '-3', baselineLevel: 'low' })
    expect(await dup.text()).toMatch(/id="f-estimatedSize-error">Enter a whole number, 0 or more\./)
    const dup2 = await agent.post(`/programmes/${row.id}/target-groups`, { areaId: HARJOSARI_I, groupKind: 'parents', estimatedSize: '10', baselineLevel: 'low' })
    expect(await dup2.text()).toMatch(/id="f-groupKind-error">This group already exists in that area\./)
    const groups = await jaga.db.selectFrom('targetGroups').selectAll().where('programmeId', '=', row.id).execute()
    expect(groups.map((g) => [g.groupKind, g.estimatedSize, g.baselineLevel])).toEqual([['parents', 1200, 'low']])
    expect((await agent.post(`/programmes/${row.id}/target-groups/${groups[0]!.id}/delete`)).status).toBe(303)
    expect(await jaga.db.selectFrom('targetGroups').select('id').where('programmeId', '=', row.id).execute()).toEqual([])
  })

  it('lists and creates programmes in the API', async () => {
    const user = await aUser(jaga, 'coordinator')
    const token = await createApiToken(jaga.db, cli, user.email, 'test')
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Accept-Language': 'en' }
    const body = { name: 'Program API', startsOn: '2026-10-01', endsOn: '2026-12-31', status: 'planned', areaIds: [HARJOSARI_I] }
    const created = await jaga.request('http://localhost/api/v1/programmes', { method: 'POST', headers, body: JSON.stringify(body) })
    expect(created.status).toBe(201)
    expect(await created.json()).toMatchObject({ ...body, facilitatorIds: [], partnerIds: [], coordinatorId: null })
    const list = await (await jaga.request('http://localhost/api/v1/programmes', { headers })).json()
    expect(list.programmes.find((p: { name: string }) => p.name === 'Program API').areaIds).toEqual([HARJOSARI_I])
    const programmeId = (await jaga.db.selectFrom('programmes').select('id').where('name', '=', 'Program API').executeTakeFirstOrThrow()).id
    const group = await jaga.request(`http://localhost/api/v1/programmes/${programmeId}/target-groups`, { method: 'POST', headers, body: JSON.stringify({ areaId: HARJOSARI_I, groupKind: 'teachers', estimatedSize: 40 }) })
    expect(group.status).toBe(201)
    const groups = await (await jaga.request(`http://localhost/api/v1/programmes/${programmeId}/target-groups`, { headers })).json()
    expect(groups.targetGroups).toMatchObject([{ areaId: HARJOSARI_I, groupKind: 'teachers', estimatedSize: 40, baselineLevel: 'unknown' }])
    const bad = await jaga.request('http://localhost/api/v1/programmes', { method: 'POST', headers, body: JSON.stringify({ ...body, name: 'X', areaIds: [] }) })
    expect(bad.status).toBe(422)
    expect((await bad.json()).errors).toEqual([{ field: 'areaIds', message: 'Choose at least one target area.' }])
  })

  it('reads and replaces a programme and a partner through the API', async () => {
    const admin = await aUser(jaga, 'admin')
    const token = await createApiToken(jaga.db, cli, admin.email, 'test')
    const { fields, partner } = await programmeForm()
    const call = (path: string, method = 'GET', body?: unknown) =>
      jaga.request(`http://localhost${path}`, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) })
    const created = (await (await call('/api/v1/programmes', 'POST', { ...fields, coordinatorId: admin.id })).json()) as { id: string }
    const changed = await call(`/api/v1/programmes/${created.id}`, 'PUT', { ...fields, status: 'completed', areaIds: [HARJOSARI_I] })
    expect(changed.status).toBe(200)
    expect(await (await call(`/api/v1/programmes/${created.id}`)).json()).toMatchObject({ status: 'completed', areaIds: [HARJOSARI_I], coordinatorId: null })
    const bad = await call(`/api/v1/programmes/${created.id}`, 'PUT', { ...fields, areaIds: [] })
    expect(bad.status).toBe(422)
    const renamed = await call(`/api/v1/partners/${partner.id}`, 'PUT', { name: `${partner.name} Baru`, kind: 'school' })
    expect(renamed.status).toBe(200)
    expect(await renamed.json()).toMatchObject({ name: `${partner.name} Baru`, contactPhone: null })
  })
})
