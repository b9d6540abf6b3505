import { describe, expect, it } from 'vitest'
import { aUser, sessionAgent, textOf } from '../../test/agent.ts'
import { useTestApp } from '../../test/harness.ts'
import { aPartner, cli, day, HARJOSARI_I, today } from '../../test/outreach-builders.ts'
import { createApiToken } from '../accounts/users.ts'
import { createArea } from '../areas/areas.ts'

const jaga = useTestApp()

async function setting() {
  const service = await aPartner(jaga, { name: `UPTD PPA ${Math.random().toString(36).slice(2, 7)}` })
  const facilitator = await aUser(jaga, 'facilitator')
  return { service, facilitator, agent: await sessionAgent(jaga, facilitator) }
}

const fields = (partnerId: string, over: Record<string, string> = {}) => ({
  occurredOn: day(-1),
  areaId: HARJOSARI_I,
  ageBand: '13-17',
  concern: 'sextortion',
  // The form's one "referred to" choice: a partner (partner:<id>) or a help-directory channel (channel:<id>).
  service: `partner:${partnerId}`,
  consent: 'child-and-guardian',
  nextFollowUp: day(6),
  note: 'Pendampingan ke UPTD PPA hari Senin',
  ...over,
})

describe('referrals', () => {
  it('lets a facilitator record a minimal referral next to the help channels, and audits every read without its content', async () => {
    const { service, facilitator, agent } = await setting()
    const form = await (await agent.get('/referrals/new')).text()
    expect(form).toContain('<a class="nowrap" href="tel:129">129</a>')
    expect(form).toContain('href="/en/library/help"')
    expect(textOf(form)).toContain('Do not write names, addresses, schools, phone numbers')
    expect(form).not.toMatch(/type="file"/)
    const res = await agent.post('/referrals', fields(service.id))
    expect(res.status).toBe(303)
    const list = textOf(await (await agent.get(res.headers.get('Location')!)).text())
    expect(list).toContain('Referral saved.')
    expect(list).toMatch(new RegExp(`Sextortion Harjosari I Teenager 13–17 ${service.name} Referred`))
    const row = await jaga.db.selectFrom('referrals').selectAll().where('recordedBy', '=', facilitator.id).executeTakeFirstOrThrow()
    await agent.get(`/referrals/${row.id}`)
    const audit = await jaga.db.selectFrom('auditEntries').select(['action', 'subjectType', 'summary']).where('actorId', '=', facilitator.id).orderBy('at').execute()
    expect(audit.map((a) => `${a.action} ${a.subjectType}`)).toEqual(['referral.create referral', 'referral.read referral-list', 'referral.read referral'])
    expect(audit.map((a) => a.summary).join()).not.toMatch(/sextortion|UPTD|Senin/)
  })

  it('refuses a neighbourhood, a note with a phone number, a follow-up before the date and a missing service, keeping the form', async () => {
    const { service, agent } = await setting()
    const lingkungan = await createArea(jaga.db, cli, { parentId: HARJOSARI_I, name: `Lingkungan R${Math.random()}`, kind: 'lingkungan', kemendagriCode: null, bpsCode: null })
    const before = (await jaga.db.selectFrom('referrals').select('id').execute()).length
    const cases: [Record<string, string>, string, string][] = [
      [{ areaId: lingkungan.id }, 'areaId', 'Choose a kelurahan or village (nothing finer).'],
      [{ note: 'Hubungi ibunya di 0812 3456 7890' }, 'note', 'This note contains a phone number or email address. Remove the contact details.'],
      [{ nextFollowUp: day(-5) }, 'nextFollowUp', 'This date cannot be before the earlier one.'],
      [{ service: '' }, 'service', 'Choose the service the person was referred to.'],
      [{ note: 'x'.repeat(281) }, 'note', 'At most 280 characters.'],
    ]
    for (const [over, field, message] of cases) {
      const res = await agent.post('/referrals', fields(service.id, over))
      expect(res.status, field).toBe(422)
      const html = await res.text()
      expect(html, field).toContain(`id="f-${field}-error">${message}`)
    }
    expect((await jaga.db.selectFrom('referrals').select('id').execute()).length).toBe(before)
  })

  it('refuses a note with personal data written the way people write it, with the message next to the field, and takes a plain note', async () => {
    const { service, agent } = await setting()
    const before = (await jaga.db.selectFrom('referrals').select('id').execute()).length
    const cases: [string, string][] = [
      ['Hubungi ibunya di +62 812 3456 7890', 'This note contains a phone number or email address. Remove the contact details.'],
      ['Kantor 021-555-1234', 'This note contains a phone number or email address. Remove the contact details.'],
      ['Kunjungan rumah ke Jl. Garu II no 12', 'This note contains an address (street, lane or house number). Remove it; the kelurahan is already recorded.'],
      ['Akunnya @rina_kece sudah diblokir', 'This note contains a social media handle (@…). Remove the account name.'],
      ['Koordinasi dengan SMPN 12 Medan kelas 8', 'This note contains a school or class. Remove it: it can point to the child.'],
      // Written to slip past: full-width digits, underscores, a bare 8…, "(at)", a platform without @, a street in lower case.
      ['Ibu di ０８１２３４５６７８９０', 'This note contains a phone number or email address. Remove the contact details.'],
      ['Ibu di 0812_3456_7890', 'This note contains a phone number or email address. Remove the contact details.'],
      ['Ibu di 8123456789', 'This note contains a phone number or email address. Remove the contact details.'],
      ['Surat ke ibu.rina (at) gmail (dot) com', 'This note contains a phone number or email address. Remove the contact details.'],
      ['Akun pelaku ig: dinda.cute22', 'This note contains a social media handle (@…). Remove the account name.'],
      ['Anak tinggal di gang mawar', 'This note contains an address (street, lane or house number). Remove it; the kelurahan is already recorded.'],
      ['Anak di sekolah Budi Murni kelas 6', 'This note contains a school or class. Remove it: it can point to the child.'],
    ]
    for (const [note, message] of cases) {
      const res = await agent.post('/referrals', fields(service.id, { note }))
      expect(res.status, note).toBe(422)
      expect(await res.text(), note).toContain(`id="f-note-error">${message}`)
    }
    const inIndonesian = await agent.lang('id').post('/referrals', fields(service.id, { note: 'Rumahnya di Jalan Sisingamangaraja gg. Mawar no. 5' }))
    expect(await inIndonesian.text()).toContain('id="f-note-error">Catatan ini memuat alamat')
    expect((await jaga.db.selectFrom('referrals').select('id').execute()).length).toBe(before)
    const plain = await agent.lang('en').post('/referrals', fields(service.id, { note: 'Pendampingan ke UPTD PPA hari Senin, nomor 1 dulu; gang kami bersih, sekolah minggu jalan' }))
    expect(plain.status).toBe(303)
    const id = (await jaga.db.selectFrom('referrals').select('id').orderBy('createdAt', 'desc').executeTakeFirstOrThrow()).id
    const followUp = await agent.post(`/referrals/${id}/updates`, { status: 'received', onDate: today(), note: 'Ibu bisa dihubungi di 0812-3456-7890' })
    expect(followUp.status).toBe(422)
    expect(await followUp.text()).toContain('id="f-note-error">This note contains a phone number')
  })

  it('shows a facilitator only the referrals they recorded, a coordinator all of them, and a partner none', async () => {
    const { service, agent } = await setting()
    await agent.post('/referrals', fields(service.id))
    const id = (await jaga.db.selectFrom('referrals').select('id').orderBy('createdAt', 'desc').executeTakeFirstOrThrow()).id
    const other = await sessionAgent(jaga, await aUser(jaga, 'facilitator'))
    expect((await other.get(`/referrals/${id}`)).status).toBe(404)
    expect(textOf(await (await other.get('/referrals')).text())).toContain('No referrals yet.')
    const coordinator = await sessionAgent(jaga, await aUser(jaga, 'coordinator'))
    expect((await coordinator.get(`/referrals/${id}`)).status).toBe(200)
    const partner = await sessionAgent(jaga, await aUser(jaga, 'partner'))
    expect((await partner.get('/referrals')).status).toBe(403)
    expect((await partner.get(`/referrals/${id}`)).status).toBe(403)
  })

  it('moves a referral forward through received to closed, never back, with a dated history', async () => {
    const { service, agent } = await setting()
    await agent.post('/referrals', fields(service.id))
    const id = (await jaga.db.selectFrom('referrals').select('id').orderBy('createdAt', 'desc').executeTakeFirstOrThrow()).id
    expect((await agent.post(`/referrals/${id}/updates`, { status: 'received', onDate: today(), nextFollowUp: day(14), note: 'Diterima konselor' })).status).toBe(303)
    const back = await agent.post(`/referrals/${id}/updates`, { status: 'referred', onDate: today() })
    expect(back.status).toBe(422)
    expect(await back.text()).toContain('id="f-status-error">The status only moves forward')
    expect((await agent.post(`/referrals/${id}/updates`, { status: 'closed', onDate: today() })).status).toBe(303)
    const page = textOf(await (await agent.get(`/referrals/${id}`)).text())
    expect(page).toMatch(/History .*Referred .*Received by the service .*Diterima konselor .*Closed/)
    expect(page).not.toContain('Record a follow-up')
    const row = await jaga.db.selectFrom('referrals').select(['status', 'nextFollowUp']).where('id', '=', id).executeTakeFirstOrThrow()
    expect(row).toEqual({ status: 'closed', nextFollowUp: null })
  })

  it('offers the same in the JSON API', async () => {
    const { service, facilitator } = await setting()
    const token = await createApiToken(jaga.db, cli, facilitator.email, 'test')
    const api = (path: string, body?: unknown) =>
      jaga.request(`http://localhost${path}`, { method: body ? 'POST' : 'GET', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) })
    // The API names the service as partnerId (or channelId), not the form's one choice.
    const json = (over: Record<string, string> = {}) => {
      const { service: _, ...rest } = fields(service.id, over)
      return { ...rest, partnerId: service.id }
    }
    const created = await api('/api/v1/referrals', json())
    expect(created.status).toBe(201)
    const { id } = (await created.json()) as { id: string }
    const updated = await api(`/api/v1/referrals/${id}/updates`, { status: 'received', onDate: today() })
    expect(((await updated.json()) as { updates: unknown[] }).updates).toHaveLength(2)
    const bad = await api('/api/v1/referrals', json({ note: 'email saya a@b.co' }))
    expect(bad.status).toBe(422)
  })
})
