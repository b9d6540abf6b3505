import { describe, expect, it } from 'vitest'
import { cronbachAlpha, hakeCategory, holm, itemAnalysis, mcnemarExact, normalisedGain, pairedT, wilcoxon } from './statistics.ts'

// Reference values computed with R 4.2.2 (Debian 12), the call shown next to each.
describe('statistics against R', () => {
  const pre = [3, 5, 2, 6, 4, 4, 7, 3, 5, 2]
  const post = [6, 7, 2, 8, 7, 5, 7, 6, 9, 3]
  const d = post.map((x, i) => x - pre[i]!)

  it('paired t-test, its 95% CI and Cohen d_z', () => {
    // t.test(post, pre, paired = TRUE); mean(d) / sd(d)
    const t = pairedT(d)
    expect(t.t).toBeCloseTo(4.384615385, 8)
    expect(t.df).toBe(9)
    expect(t.p).toBeCloseTo(0.00175927083, 12)
    expect(t.ci95![0]).toBeCloseTo(0.9197318961, 9)
    expect(t.ci95![1]).toBeCloseTo(2.880268104, 8)
    expect(t.cohenDz).toBeCloseTo(1.386537128, 8)
  })

  it('Wilcoxon signed-rank with zeros and ties, normal approximation without continuity correction', () => {
    // wilcox.test(post, pre, paired = TRUE, exact = FALSE, correct = FALSE): V = 36, p = 0.01110922455;
    // z = qnorm(p / 2, lower.tail = FALSE) = 2.539244217
    const w = wilcoxon(d)
    expect(w.wPlus).toBe(36)
    expect(w.n).toBe(8)
    expect(w.p).toBeCloseTo(0.01110922455, 11)
    expect(w.z).toBeCloseTo(2.539244217, 8)
  })

  it('gives no test where there is nothing to test', () => {
    expect(pairedT([2])).toEqual({ t: null, df: null, p: null, ci95: null, cohenDz: null })
    expect(pairedT([1, 1, 1])).toMatchObject({ t: null, df: 2, p: null, ci95: null, cohenDz: null })
    expect(wilcoxon([0, 0])).toEqual({ wPlus: 0, n: 0, z: null, p: null })
  })

  it('exact McNemar test as binom.test on the discordant pairs', () => {
    // binom.test(3, 14)$p.value
    expect(mcnemarExact(3, 11)).toBeCloseTo(0.05737305, 8)
    expect(mcnemarExact(11, 3)).toBeCloseTo(0.05737305, 8)
    expect(mcnemarExact(5, 5)).toBe(1)
    expect(mcnemarExact(0, 0)).toBe(1)
  })

  it("Holm's adjustment as p.adjust(p, 'holm'), nulls kept out", () => {
    // p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") = 0.03 0.06 0.06 0.02
    const adjusted = holm([0.01, 0.04, null, 0.03, 0.005])
    expect(adjusted[2]).toBeNull()
    ;[0.03, 0.06, 0.06, 0.02].forEach((x, i) => expect(adjusted[[0, 1, 3, 4][i]!]).toBeCloseTo(x, 12))
  })

  it("Cronbach's alpha = KR-20 on 0/1 items, and null when undefined", () => {
    // k/(k-1) * (1 - sum(apply(M, 2, var)) / var(rowSums(M))) = 0.8125
    const items = [
      [1, 1, 0, 1, 0, 1],
      [1, 0, 0, 1, 0, 1],
      [1, 1, 0, 1, 1, 1],
    ]
    expect(cronbachAlpha(items)).toBeCloseTo(0.8125, 12)
    expect(cronbachAlpha([items[0]!])).toBeNull()
    expect(cronbachAlpha([[1], [0]])).toBeNull()
    expect(cronbachAlpha([[1, 1], [0, 0]])).toBeNull()
  })

  it("Cronbach's alpha on decimal scores is the formula with sample variances, to the last bit", () => {
    const items = Array.from({ length: 4 }, (_, j) => Array.from({ length: 50 }, (__, r) => ((r * 37 + j * 11) % 17) / 3 + j * 0.1))
    const variance = (xs: number[]) => {
      const m = xs.reduce((a, b) => a + b, 0) / xs.length
      return xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1)
    }
    const totals = items[0]!.map((_, r) => items.reduce((t, c) => t + c[r]!, 0))
    const expected = (4 / 3) * (1 - items.reduce((a, c) => a + variance(c), 0) / variance(totals))
    expect(cronbachAlpha(items)).toBe(expected)
  })

  it('normalised gain, leaving out pairs that started at the maximum, with Hake categories', () => {
    const g = normalisedGain([2, 4, 5], [4, 5, 5], 5)
    expect(g.mean).toBeCloseTo((2 / 3 + 1) / 2, 12)
    expect(g.ofMeans).toBeCloseTo((14 / 3 - 11 / 3) / (5 - 11 / 3), 12)
    expect(g.category).toBe('high')
    expect(normalisedGain([5], [5], 5)).toEqual({ mean: null, ofMeans: null, category: null })
    expect([0.29, 0.3, 0.69, 0.7].map(hakeCategory)).toEqual(['low', 'medium', 'medium', 'high'])
  })

  it('item difficulty is the share correct and discrimination the corrected item–total correlation', () => {
    const items = [
      [1, 1, 1, 0, 0, 0],
      [1, 1, 0, 1, 0, 0],
      [0, 0, 0, 1, 1, 1],
    ]
    const [a, b, c] = itemAnalysis(items)
    expect(a!.difficulty).toBeCloseTo(0.5, 12)
    expect(c!.difficulty).toBeCloseTo(0.5, 12)
    // sapply(1:3, function(j) cor(I[, j], rowSums(I[, -j]))) = -0.5773502692, NA (the rest is constant), -0.8164965809
    expect(a!.discrimination).toBeCloseTo(-0.5773502692, 9)
    expect(b!.discrimination).toBeNull()
    expect(c!.discrimination).toBeCloseTo(-0.8164965809, 9)
  })
})
