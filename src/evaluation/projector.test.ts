import { describe, expect, it } from 'vitest'
import { textOf } from '../../test/agent.ts'
import { aSessionWithLinks } from '../../test/evaluation-builders.ts'
import { useTestApp } from '../../test/harness.ts'
import type { GroupResult, SessionResults } from './session-results.ts'
import { hallSafe, projectorPlan } from './views/projector.tsx'

const jaga = useTestApp()

const item = (n: number) => ({ id: `q${n}`, label: { id: `Butir ${n}`, en: `Item ${n}` }, preCorrect: 0.5, postCorrect: 0.8 })
const group = (groupKind: string, items: number, preCount = 12, postCount = 12) =>
  ({ groupKind, preCount, postCount, preShare: 0.5, postShare: 0.8, items: Array.from({ length: items }, (_, i) => item(i + 1)) }) as unknown as GroupResult
const results = (...groups: GroupResult[]): SessionResults => ({ groups, feedback: null, followUps: [] })

describe('what the projector shows', () => {
  it('shows every item of a short questionnaire', () => {
    const plan = projectorPlan(results(group('parents', 3)), 0)
    expect(plan.layout).toBe('one')
    expect(plan.cards.map((c) => [c.items.length, c.moreItems])).toEqual([[3, 0]])
  })

  it('shows the first items of a long one and says how many more there are, one row fewer when answers wait for review', () => {
    expect(projectorPlan(results(group('parents', 40)), 0).cards.map((c) => [c.items.length, c.moreItems])).toEqual([[9, 31]])
    expect(projectorPlan(results(group('parents', 40)), 2).cards.map((c) => [c.items.length, c.moreItems])).toEqual([[8, 32]])
    expect(projectorPlan(results(group('parents', 10)), 0).cards.map((c) => [c.items.length, c.moreItems])).toEqual([[10, 0]])
  })

  it('puts up to three groups side by side with fewer items each', () => {
    const plan = projectorPlan(results(group('parents', 40), group('teachers', 6), group('community', 3)), 0)
    expect(plan.layout).toBe('row')
    expect(plan.cards.map((c) => [c.items.length, c.moreItems])).toEqual([[5, 35], [6, 0], [3, 0]])
  })

  it('shows more groups as headline numbers only, six at most, and counts the rest', () => {
    const plan = projectorPlan(results(...['parents', 'teachers', 'children-6-9', 'children-10-12', 'children-13-17', 'community', 'officials'].map((g) => group(g, 15))), 0)
    expect(plan.layout).toBe('grid')
    expect(plan.cards).toHaveLength(6)
    expect(plan.cards.every((c) => c.items.length === 0 && c.moreItems === 0)).toBe(true)
    expect(plan.moreGroups).toBe(1)
  })
})

describe('what the hall may see', () => {
  it('puts up no percentage of a round answered by 1 to 4 people, keeps the counts, and says why with one row less for items', () => {
    const safe = hallSafe(group('parents', 3, 12, 4))
    expect([safe.preShare, safe.postShare, safe.preCount, safe.postCount]).toEqual([0.5, null, 12, 4])
    expect(safe.items.map((i) => [i.preCorrect, i.postCorrect])).toEqual([[0.5, null], [0.5, null], [0.5, null]])
    expect(hallSafe(group('parents', 1, 0, 5)).items[0]).toMatchObject({ preCorrect: 0.5, postCorrect: 0.8 })
    const plan = projectorPlan(results(group('parents', 40, 3, 0)), 0)
    expect(plan.few).toBe(true)
    expect(plan.cards.map((c) => [c.group.preShare, c.items.length, c.moreItems])).toEqual([[null, 8, 32]])
    expect(projectorPlan(results(group('parents', 40, 5, 5)), 0).few).toBe(false)
  })
})

describe('the projector page', () => {
  it('is a page of its own in each language: no menu, demo banner or footer, with full screen, pause, language and back controls', async () => {
    const { session, agent, pair } = await aSessionWithLinks(jaga)
    await pair('RA', 5, 12)
    // Demo data loaded: every other staff page shows the banner.
    await jaga.db.insertInto('demoRecords').values({ kind: 'area', recordId: crypto.randomUUID() }).execute()
    for (const [locale, words] of [['id', ['Hasil langsung', 'Layar penuh (F)', 'Jeda', 'Kembali ke evaluasi sesi', 'English']], ['en', ['Live results', 'Full screen (F)', 'Pause', "Back to the session's evaluation", 'Bahasa Indonesia']]] as const) {
      agent.lang(locale)
      const res = await agent.get(`/sessions/${session.id}/evaluation/live`)
      expect(res.status).toBe(200)
      expect(res.headers.get('Cache-Control')).toBe('no-store')
      const html = await res.text()
      expect(html).toContain(`<html lang="${locale}" class="projector">`)
      expect(html).not.toMatch(/<nav|<footer|<header|demo-banner|quick-exit/)
      expect(html).toContain(`href="/sessions/${session.id}/evaluation"`)
      expect(html).toMatch(/\/static\/projector\.css\?v=/)
      const text = textOf(html)
      for (const w of words) expect(text).toContain(w)
      // One pair: the hall sees that one person answered, not how.
      expect(text).toMatch(locale === 'id' ? /Sebelum — 1 jawaban Sesudah — 1 jawaban/ : /Before — 1 answer After — 1 answer/)
      expect(text).toContain(locale === 'id' ? 'setelah dijawab 5 orang atau lebih' : 'once 5 or more people have answered it')
      expect(text).not.toMatch(/\d+\s?%/)
    }
    const evaluation = await (await agent.get(`/sessions/${session.id}/evaluation`)).text()
    expect(evaluation).toContain('demo-banner')
  })
})
