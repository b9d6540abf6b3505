import { describe, expect, it } from 'vitest'
import { aUser, sessionAgent, textOf } from '../../test/agent.ts'
import { useTestApp } from '../../test/harness.ts'
import { aPartnerAccount } from '../../test/partner-builders.ts'
import { aHeldSession, aProgramme, aSession, cli, HARJOSARI_I, TIMBANG_DELI } from '../../test/outreach-builders.ts'
import { createApiToken } from '../accounts/users.ts'
import { createArea } from '../areas/areas.ts'
import { GROUP_KINDS } from './target-group-form.ts'
import { programmeCoverage, type Coverage, type KnowledgePair } from './coverage.ts'

const jaga = useTestApp()
const AMPLAS = '0b7f4a52-2b41-4c4e-9a57-000000127109'

async function amplasProgramme() {
  const programme = await aProgramme(jaga, { areaIds: [HARJOSARI_I, TIMBANG_DELI] })
  const lingkungan = await createArea(jaga.db, cli, { parentId: HARJOSARI_I, name: `Lingkungan ${programme.name}`, kind: 'lingkungan', kemendagriCode: null, bpsCode: null })
  await aHeldSession(jaga, programme.id, { female: 14, male: 9 }, { areaId: lingkungan.id, audiences: ['parents'] })
  await aHeldSession(jaga, programme.id, { female: 3, male: 0 }, { areaId: HARJOSARI_I, audiences: ['teachers'] })
  await aHeldSession(jaga, programme.id, { female: 6, male: 7 }, { areaId: TIMBANG_DELI, audiences: ['children-13-17'] })
  await aSession(jaga, programme.id, { areaId: TIMBANG_DELI, audiences: ['parents'] }) // planned: not counted
  return { programme, lingkungan }
}

describe('coverage', () => {
  it('shows staff the exact reach per kelurahan, lingkungan and group, with charts drawn on the server', async () => {
    const { programme, lingkungan } = await amplasProgramme()
    const agent = await sessionAgent(jaga, await aUser(jaga, 'facilitator'))
    const html = await (await agent.get(`/coverage?programme=${programme.id}`)).text()
    const text = textOf(html)
    expect(text).toContain('2 of 2 kelurahan reached · 3 sessions held · 39 people')
    expect(text).toMatch(new RegExp(`Harjosari I 2 26 23 3 0 0 0 0 0 .*— ${lingkungan.name} 1 23 23 0`))
    expect(text).toMatch(/Timbang Deli 1 13 0 0 0 0 13 0 0/)
    expect(html).toMatch(/<svg width="100%" height="\d+" role="img" aria-label="People reached per kelurahan"/)
    expect(html).toContain('>26</text>')
    for (const figure of html.match(/<figure[\s\S]*?<\/figure>/g) ?? []) expect(figure).not.toMatch(/<script|on\w+=/)
  })

  it('shows a partner kelurahan aggregates only, hiding small counts and any that would reveal them', async () => {
    const { programme, lingkungan } = await amplasProgramme()
    const partner = await aPartnerAccount(jaga, programme.id)
    const agent = await sessionAgent(jaga, partner)
    const text = textOf(await (await agent.get(`/coverage?programme=${programme.id}`)).text())
    expect(text).toContain('Counts under 5 people are hidden (<5)')
    expect(text).not.toContain(lingkungan.name)
    // Teachers in Harjosari I were 3: hidden, and so is the parents' 23 beside it, or 26 − 23 would give it away.
    expect(text).toMatch(/Harjosari I 2 26 <5 <5 0 0 0 0 0/)
    const token = await createApiToken(jaga.db, cli, partner.email, 'test')
    const api = (await (await jaga.request(`http://localhost/api/v1/coverage?programme=${programme.id}`, { headers: { Authorization: `Bearer ${token}` } })).json()) as Coverage
    expect(api.suppressed).toBe(true)
    expect(api.rows.map((r) => [r.name, r.people, r.byGroup.slice(0, 2)])).toEqual([
      ['Harjosari I', 26, [null, null]],
      ['Timbang Deli', 13, [0, 0]],
    ])
    // The partner sees no session, programme or partner details.
    expect((await agent.get(`/programmes/${programme.id}`)).status).toBe(403)
  })

  it('marks kelurahan never reached, and stands a kecamatan in for each of its kelurahan', async () => {
    const programme = await aProgramme(jaga, { areaIds: [AMPLAS] })
    await aHeldSession(jaga, programme.id, { female: 10, male: 10 }, { areaId: TIMBANG_DELI })
    const agent = await sessionAgent(jaga, await aUser(jaga, 'coordinator'))
    const text = textOf(await (await agent.get(`/coverage?programme=${programme.id}`)).text())
    expect(text).toContain('1 of 7 kelurahan reached')
    const kelurahan = await jaga.db.selectFrom('areas').select('name').where('parentId', '=', AMPLAS).execute()
    for (const { name } of kelurahan) expect(text.includes(`${name} never reached`), name).toBe(name !== 'Timbang Deli')
    expect((await agent.get('/coverage?programme=not-a-uuid')).status).toBe(404)
  })

  it('gives each area the knowledge of the pairs in it, in the order they came, as filtering all pairs per area does', async () => {
    const { programme, lingkungan } = await amplasProgramme()
    // Shares whose mean depends on the order they are added in, spread over a kelurahan and its lingkungan.
    const areas = [lingkungan.id, HARJOSARI_I, TIMBANG_DELI, lingkungan.id, HARJOSARI_I]
    const pairs: KnowledgePair[] = Array.from({ length: 40 }, (_, i) => ({ id: `p${i}`, areaId: areas[i % areas.length]!, pre: 0.1 + (i * 0.37) % 0.8, post: 1 / (3 + i) + 0.3 }))
    const coverage = await programmeCoverage(jaga.db, programme.id, { today: '2026-12-01', suppress: false, knowledge: async () => pairs })
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
    const expected = (ids: string[]) => {
      const mine = pairs.filter((p) => ids.includes(p.areaId))
      return { pairs: mine.length, preShare: mean(mine.map((p) => p.pre)), postShare: mean(mine.map((p) => p.post)) }
    }
    const row = (id: string) => coverage.rows.find((r) => r.areaId === id)!.knowledge
    expect(row(HARJOSARI_I)).toStrictEqual(expected([HARJOSARI_I, lingkungan.id]))
    expect(row(lingkungan.id)).toStrictEqual(expected([lingkungan.id]))
    expect(row(TIMBANG_DELI)).toStrictEqual(expected([TIMBANG_DELI]))
    expect(coverage.rows.find((r) => r.areaId === HARJOSARI_I)).toMatchObject({ sessionsHeld: 2, people: 26, byGroup: [23, 3, ...Array(GROUP_KINDS.length - 2).fill(0)] })
  })
})
