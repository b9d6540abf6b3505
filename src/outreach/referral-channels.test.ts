import { describe, expect, it } from 'vitest'
import { aUser, sessionAgent, textOf } from '../../test/agent.ts'
import { freshDatabase, useTestApp } from '../../test/harness.ts'
import { aPartner, cli, day, HARJOSARI_I } from '../../test/outreach-builders.ts'
import { createApiToken, createUser } from '../accounts/users.ts'
import { listMigrationNames, migrateTo, migrateToLatest } from '../platform/db/migrate.ts'
import { createPartner } from './partners.ts'

const jaga = useTestApp()

const form = (service: string) => ({ occurredOn: day(-1), areaId: HARJOSARI_I, ageBand: '13-17', concern: 'sextortion', service, consent: 'guardian', nextFollowUp: '', note: '' })

describe('referrals to the help directory', () => {
  it('lets a facilitator refer to SAPA 129 from the help directory as well as to a partner institution', async () => {
    const partner = await aPartner(jaga, { name: `UPTD PPA ${crypto.randomUUID().slice(0, 5)}` })
    const facilitator = await aUser(jaga, 'facilitator')
    const agent = (await sessionAgent(jaga, facilitator)).lang('en')
    const page = await (await agent.get('/referrals/new')).text()
    expect(page).toContain('<optgroup label="Help services (help directory)"><option value="channel:sapa-129">SAPA 129 (Sahabat Perempuan dan Anak)</option><option value="channel:polri-110">')
    expect(page).toContain(`<optgroup label="Partner institutions"><option value="partner:${partner.id}">`)

    expect((await agent.post('/referrals', form('channel:sapa-129'))).status).toBe(303)
    expect((await agent.post('/referrals', form(`partner:${partner.id}`))).status).toBe(303)
    const rows = await jaga.db.selectFrom('referrals').select(['id', 'partnerId', 'channelId']).where('recordedBy', '=', facilitator.id).execute()
    expect(rows.map(({ partnerId, channelId }) => ({ partnerId, channelId })).sort((a, b) => String(a.channelId).localeCompare(String(b.channelId)))).toEqual([
      { partnerId: partner.id, channelId: null },
      { partnerId: null, channelId: 'sapa-129' },
    ])
    const list = textOf(await (await agent.get('/referrals')).text())
    expect(list).toContain('SAPA 129 (Sahabat Perempuan dan Anak)')
    expect(list).toContain(partner.name)
    const toSapa = rows.find((r) => r.channelId)!
    expect(textOf(await (await agent.get(`/referrals/${toSapa.id}`)).text())).toContain('Referred to SAPA 129 (Sahabat Perempuan dan Anak)')
  })

  it('refuses a channel the help directory does not list, with the message at the one "referred to" field', async () => {
    const agent = (await sessionAgent(jaga, await aUser(jaga, 'facilitator'))).lang('en')
    for (const service of ['channel:no-such-line', 'channel:', 'partner:not-a-uuid', 'sapa-129']) {
      const res = await agent.post('/referrals', form(service))
      expect(res.status, service).toBe(422)
      expect(await res.text(), service).toContain('id="f-service-error">Choose the service the person was referred to.')
    }
  })

  it('takes a channel in the JSON API, and refuses a referral naming both a partner and a channel or neither', async () => {
    const partner = await aPartner(jaga)
    const facilitator = await aUser(jaga, 'facilitator')
    const token = await createApiToken(jaga.db, cli, facilitator.email, 'test')
    const post = (body: Record<string, unknown>) =>
      jaga.request('http://localhost/api/v1/referrals', { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ occurredOn: day(-1), areaId: HARJOSARI_I, ageBand: '6-9', concern: 'grooming', consent: 'guardian', ...body }) })
    const made = await post({ channelId: 'polri-110' })
    expect(made.status).toBe(201)
    expect(await made.json()).toMatchObject({ channelId: 'polri-110', partnerId: null })
    expect((await post({ channelId: 'polri-110', partnerId: partner.id })).status).toBe(422)
    expect((await post({})).status).toBe(422)
    expect((await post({ channelId: 'x'.repeat(61) })).status).toBe(422)
  })
})

describe('the referral-channels migration', () => {
  it('keeps every earlier referral and its history, and enforces one service per referral in the database', async () => {
    const test = await freshDatabase()
    try {
      const names = await listMigrationNames()
      const mine = names.indexOf('2026-12-01-28-referral-channels')
      await migrateTo(test.db, names[mine - 1]!)
      const user = await createUser(test.db, cli, { email: `m${crypto.randomUUID().slice(0, 6)}@example.org`, role: 'facilitator', password: 'a long enough password', displayName: 'M' })
      const partner = await createPartner(test.db, cli, { name: 'UPTD PPA Medan', kind: 'women-children-service-unit', areaId: null, contactName: null, contactPhone: null, contactEmail: null, mouStart: null, mouEnd: null, roles: null, helpPhone: null, helpHandlesId: null, helpHandlesEn: null })
      const now = new Date().toISOString()
      const id = crypto.randomUUID()
      const db = test.db as unknown as import('kysely').Kysely<any>
      await db.insertInto('referrals').values({ id, programme_id: null, occurred_on: '2026-11-01', area_id: HARJOSARI_I, age_band: '13-17', concern: 'grooming', partner_id: partner.id, consent: 'guardian', status: 'referred', next_follow_up: null, note: 'Langkah berikutnya', recorded_by: user.id, created_at: now, updated_at: now }).execute()
      await db.insertInto('referral_updates').values({ id: crypto.randomUUID(), referral_id: id, on_date: '2026-11-01', status: 'referred', note: null, by_user: user.id, created_at: now }).execute()

      await migrateToLatest(test.db)
      expect(await test.db.selectFrom('referrals').select(['partnerId', 'channelId', 'note']).where('id', '=', id).executeTakeFirst()).toEqual({ partnerId: partner.id, channelId: null, note: 'Langkah berikutnya' })
      expect(await test.db.selectFrom('referralUpdates').select('referralId').execute()).toEqual([{ referralId: id }])
      const row = { occurred_on: '2026-11-02', area_id: HARJOSARI_I, age_band: '6-9', concern: 'grooming', consent: 'guardian', status: 'referred', recorded_by: user.id, created_at: now, updated_at: now }
      await expect(db.insertInto('referrals').values({ id: crypto.randomUUID(), partner_id: null, channel_id: null, ...row }).execute()).rejects.toThrow()
      await expect(db.insertInto('referrals').values({ id: crypto.randomUUID(), partner_id: partner.id, channel_id: 'sapa-129', ...row }).execute()).rejects.toThrow()
      await db.insertInto('referrals').values({ id: crypto.randomUUID(), partner_id: null, channel_id: 'sapa-129', ...row }).execute()
      // The history still hangs off its referral: deleting the referral takes its history along.
      await db.deleteFrom('referrals').where('id', '=', id).execute()
      expect(await test.db.selectFrom('referralUpdates').select('id').execute()).toEqual([])
    } finally {
      await test.drop()
    }
  })
})
