import { describe, expect, it } from 'vitest'
import { evaluateProgramme, suppressEvaluation, type ProgrammePair } from './programme-knowledge.ts'

/** `n` pairs in a kelurahan, group and format, with scores that differ a little between people. */
const pairs = (n: number, villageId: string, groupKind = 'parents', format = 'seminar'): ProgrammePair[] =>
  Array.from({ length: n }, (_, i) => ({ areaId: villageId, villageId, groupKind, format, pre: 0.3 + (i % 3) * 0.1, post: 0.6 + (i % 4) * 0.05 }))

describe('programme results for partners', () => {
  it('shows nothing but that fact under 5 pairs in all', () => {
    const e = suppressEvaluation(evaluateProgramme(pairs(4, 'A')))
    expect(e.suppressed).toEqual({ all: true, byGroup: 0, byVillage: 0, byFormat: 0 })
    expect([e.byGroup, e.byVillage, e.byFormat]).toEqual([[], [], []])
  })

  it('leaves out rows of 1–4 pairs, and one more where a single one could be worked out from the whole', () => {
    const all = [...pairs(10, 'A'), ...pairs(6, 'B', 'parents', 'workshop'), ...pairs(2, 'C', 'teachers', 'workshop')]
    const e = suppressEvaluation(evaluateProgramme(all))
    expect(e.all.pairs).toBe(18)
    // Kelurahan: C (2) is small; B (6), the next smallest, goes too, else C = 18 − 10 − 6.
    expect(e.byVillage.map((r) => `${r.key} ${r.block.pairs}`)).toEqual(['A 10'])
    // Groups: teachers (2) is small and parents (16) is the only other row: both go.
    expect(e.byGroup).toEqual([])
    // Formats: seminar 10, workshop 8: nothing small, both shown.
    expect(e.byFormat.map((r) => `${r.key} ${r.block.pairs}`)).toEqual(['seminar 10', 'workshop 8'])
    expect(e.suppressed).toEqual({ all: false, byGroup: 2, byVillage: 2, byFormat: 0 })
  })

  it('keeps every row of 5 or more pairs', () => {
    const e = suppressEvaluation(evaluateProgramme([...pairs(5, 'A'), ...pairs(7, 'B')]))
    expect(e.byVillage.map((r) => r.key)).toEqual(['A', 'B'])
    expect(e.suppressed).toEqual({ all: false, byGroup: 0, byVillage: 0, byFormat: 0 })
  })
})

describe('feedback across sessions', () => {
  it('adds counts per question, works the mean out again, and lists every written answer', async () => {
    const { mergeFeedback } = await import('./session-results.ts')
    const label = { id: 'x', en: 'x' }
    const one = { count: 2, likert: [{ id: 'useful', label, counts: [0, 0, 0, 1, 1], mean: 4.5 }], choices: [], texts: [{ id: 'want', label, answers: ['a'], waiting: 1 }] }
    const two = { count: 1, likert: [{ id: 'useful', label, counts: [0, 1, 0, 0, 0], mean: 2 }], choices: [], texts: [{ id: 'want', label, answers: ['b'], waiting: 2 }] }
    const merged = mergeFeedback([one, two])!
    expect(merged.count).toBe(3)
    expect(merged.likert[0]!.counts).toEqual([0, 1, 0, 1, 1])
    expect(merged.likert[0]!.mean).toBeCloseTo((2 + 4 + 5) / 3, 12)
    expect(merged.texts[0]!.answers).toEqual(['a', 'b'])
    expect(merged.texts[0]!.waiting).toBe(3)
    expect(mergeFeedback([])).toBeNull()
  })
})
