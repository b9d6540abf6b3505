import { describe, expect, it } from 'vitest'
import { aUser, sessionAgent, textOf } from '../../test/agent.ts'
import { useTestApp } from '../../test/harness.ts'
import { aHeldSession, aPartner, aProgramme, TIME_ZONE } from '../../test/outreach-builders.ts'
import { DEMO_PROGRAMME, hasDemoData, loadDemo, removeDemo } from './demo.ts'

const jaga = useTestApp()

const count = async (table: 'users' | 'areas' | 'partners' | 'programmes' | 'sessions' | 'referrals' | 'attendance') => Number((await jaga.db.selectFrom(table).select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)

describe('demo data', () => {
  it('loads a realistic programme that says it is made up, and removes exactly what it loaded', async () => {
    // Real data first: it must survive the demo's removal untouched.
    const realProgramme = await aProgramme(jaga, { name: 'Program sungguhan' })
    await aHeldSession(jaga, realProgramme.id, { female: 7, male: 5 })
    const realPartner = await aPartner(jaga, { name: 'Mitra sungguhan' })
    const admin = await aUser(jaga, 'admin')
    const before = { users: await count('users'), areas: await count('areas'), partners: await count('partners'), programmes: await count('programmes'), sessions: await count('sessions'), attendance: await count('attendance') }

    const accounts = await loadDemo(jaga.db, TIME_ZONE)
    expect(accounts.map((a) => a.role)).toEqual(['coordinator', 'facilitator', 'facilitator', 'partner'])
    expect(await hasDemoData(jaga.db)).toBe(true)
    const agent = await sessionAgent(jaga, admin)
    const list = textOf(await (await agent.get('/programmes')).text())
    expect(list).toContain('Demo data is loaded: the programme, partners, lingkungan and accounts marked [DEMO] or (demo) are made up.')
    expect(list).toContain(DEMO_PROGRAMME)
    const demo = await jaga.db.selectFrom('programmes').select('id').where('name', '=', DEMO_PROGRAMME).executeTakeFirstOrThrow()
    const coverage = textOf(await (await agent.get(`/coverage?programme=${demo.id}`)).text())
    expect(coverage).toMatch(/3 of 3 kelurahan reached · 8 sessions held/)
    const statuses = await jaga.db.selectFrom('sessions').select('status').where('programmeId', '=', demo.id).execute()
    expect(new Set(statuses.map((s) => s.status))).toEqual(new Set(['reported', 'held', 'planned', 'cancelled']))
    // The public home page is not touched by the banner (it is for signed-in staff).
    expect(await (await jaga.request('http://localhost/en')).text()).not.toContain('Demo data is loaded')

    expect(await removeDemo(jaga.db)).toBeGreaterThan(10)
    expect(await hasDemoData(jaga.db)).toBe(false)
    expect({ users: await count('users'), areas: await count('areas'), partners: await count('partners'), programmes: await count('programmes'), sessions: await count('sessions'), attendance: await count('attendance') }).toEqual(before)
    expect(await count('referrals')).toBe(0)
    expect(await jaga.db.selectFrom('partners').select('name').where('id', '=', realPartner.id).executeTakeFirst()).toEqual({ name: 'Mitra sungguhan' })
    expect(textOf(await (await agent.get('/programmes')).text())).not.toContain('Demo data is loaded')
  })
})
