// The statistics of ../shared/facts/evaluation-methods.md, as pure functions over numbers.
// Probability distributions come from @stdlib (identical to SciPy and R); everything else is
// arithmetic written out so a reviewer can check it against the definitions line by line.
import { createRequire } from 'node:module'
import type BinomialCdf from '@stdlib/stats-base-dists-binomial-cdf'
import type NormalCdf from '@stdlib/stats-base-dists-normal-cdf'
import type TCdf from '@stdlib/stats-base-dists-t-cdf'
import type TQuantile from '@stdlib/stats-base-dists-t-quantile'

// Required on first use, not at start: an idle server never computes a p-value, and the four
// packages cost ~12 MB of its memory (issue 17). The functions are the very same; ./dists.cjs holds
// them, bundled into one file by npm run build (next to the compiled chunks: dist/dists.cjs).
const require = createRequire(import.meta.url)
let dists: { binomialCdf: typeof BinomialCdf; normalCdf: typeof NormalCdf; tCdf: typeof TCdf; tQuantile: typeof TQuantile } | undefined
const stdlib = () => (dists ??= require('./dists.cjs') as NonNullable<typeof dists>)
const binomialCdf = (x: number, n: number, p: number): number => stdlib().binomialCdf(x, n, p)
const normalCdf = (x: number, mu: number, sigma: number): number => stdlib().normalCdf(x, mu, sigma)
const tCdf = (x: number, v: number): number => stdlib().tCdf(x, v)
const tQuantile = (p: number, v: number): number => stdlib().tQuantile(p, v)

type Numbers = ArrayLike<number>

export function mean(xs: Numbers): number | null {
  if (xs.length === 0) return null
  let sum = 0
  for (let i = 0; i < xs.length; i++) sum += xs[i]!
  return sum / xs.length
}

/** Sample variance (n − 1), two-pass so large means do not eat the precision. */
export function variance(xs: Numbers): number | null {
  const n = xs.length
  if (n < 2) return null
  const m = mean(xs)!
  let ss = 0
  for (let i = 0; i < n; i++) ss += (xs[i]! - m) ** 2
  return ss / (n - 1)
}

export function sd(xs: Numbers): number | null {
  const v = variance(xs)
  return v === null ? null : Math.sqrt(v)
}

/** Two-sided p from a statistic's upper tail, computed on the lower tail of −|x| so tiny p keep their digits. */
const twoSidedT = (t: number, df: number) => Math.min(1, 2 * tCdf(-Math.abs(t), df))
const twoSidedNormal = (z: number) => Math.min(1, 2 * normalCdf(-Math.abs(z), 0, 1))

export interface PairedT {
  t: number | null
  df: number | null
  p: number | null
  ci95: [number, number] | null
  cohenDz: number | null
}

/** Paired t-test on the differences d = post − pre; undefined (null) when n < 2 or sd(d) = 0. */
export function pairedT(d: Numbers): PairedT {
  const n = d.length
  const s = sd(d)
  if (n < 2 || s === null || s === 0) return { t: null, df: n >= 2 ? n - 1 : null, p: null, ci95: null, cohenDz: null }
  const m = mean(d)!
  const se = s / Math.sqrt(n)
  const t = m / se
  const df = n - 1
  const half = tQuantile(0.975, df) * se
  return { t, df, p: twoSidedT(t, df), ci95: [m - half, m + half], cohenDz: m / s }
}

export interface Wilcoxon {
  wPlus: number
  n: number
  z: number | null
  p: number | null
}

/**
 * Wilcoxon signed-rank test as SPSS reports it: zeros dropped, average ranks for ties, normal
 * approximation with the tie correction and no continuity correction. Ranking is one sort
 * (O(n log n)); @stdlib/stats-wilcoxon is quadratic and takes minutes on a large file.
 */
export function wilcoxon(d: Numbers): Wilcoxon {
  let n = 0
  for (let i = 0; i < d.length; i++) if (d[i] !== 0) n++
  if (n === 0) return { wPlus: 0, n: 0, z: null, p: null }
  const abs = new Float64Array(n)
  for (let i = 0, at = 0; i < d.length; i++) if (d[i] !== 0) abs[at++] = Math.abs(d[i]!)
  abs.sort()
  // Walk the sorted |d| once: every tie group gets the average of its ranks, kept by value so each
  // positive difference can look its rank up afterwards.
  const averageRank = new Map<number, number>()
  let tieTerm = 0
  for (let start = 0; start < n; ) {
    let end = start + 1
    while (end < n && abs[end] === abs[start]) end++
    averageRank.set(abs[start]!, (start + 1 + end) / 2) // the mean of ranks start+1 … end
    const ties = end - start
    tieTerm += ties ** 3 - ties
    start = end
  }
  let wPlus = 0
  for (let i = 0; i < d.length; i++) if (d[i]! > 0) wPlus += averageRank.get(d[i]!)!
  const expected = (n * (n + 1)) / 4
  const varW = (n * (n + 1) * (2 * n + 1)) / 24 - tieTerm / 48
  if (varW <= 0) return { wPlus, n, z: null, p: null }
  const z = (wPlus - expected) / Math.sqrt(varW)
  return { wPlus, n, z, p: twoSidedNormal(z) }
}

export type HakeCategory = 'low' | 'medium' | 'high'

export interface NormalisedGain {
  mean: number | null
  ofMeans: number | null
  category: HakeCategory | null
}

/** Hake (1998): low < 0.3 ≤ medium < 0.7 ≤ high. */
export function hakeCategory(g: number): HakeCategory {
  return g < 0.3 ? 'low' : g < 0.7 ? 'medium' : 'high'
}

/** Normalised gain of paired scores out of `max`; pairs that started at the maximum cannot gain and are left out of the mean. */
export function normalisedGain(pre: Numbers, post: Numbers, max: number): NormalisedGain {
  const gains: number[] = []
  for (let i = 0; i < pre.length; i++) if (pre[i]! < max) gains.push((post[i]! - pre[i]!) / (max - pre[i]!))
  const g = mean(gains)
  const preMean = mean(pre)
  const postMean = mean(post)
  const ofMeans = preMean === null || postMean === null || preMean >= max ? null : (postMean - preMean) / (max - preMean)
  return { mean: g, ofMeans, category: g === null ? null : hakeCategory(g) }
}

/** Exact McNemar test on the discordant pairs: b went 1→0, c went 0→1. */
export function mcnemarExact(b: number, c: number): number {
  if (b + c === 0) return 1
  return Math.min(1, 2 * binomialCdf(Math.min(b, c), b + c, 0.5))
}

/** Holm's step-down adjustment, as R's p.adjust(p, "holm"); nulls stay null and do not count. */
export function holm(ps: readonly (number | null)[]): (number | null)[] {
  const present = ps.map((p, i) => ({ p, i })).filter((x): x is { p: number; i: number } => x.p !== null)
  present.sort((a, b) => a.p - b.p)
  const m = present.length
  const adjusted: (number | null)[] = ps.map(() => null)
  let running = 0
  present.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p))
    adjusted[i] = running
  })
  return adjusted
}

/**
 * Cronbach's α over item columns (KR-20 when the items are 0/1), sample variances.
 * `items[j]` holds item j for every respondent. Null when k < 2, n < 2 or the total has no variance.
 */
export function cronbachAlpha(items: readonly Numbers[]): number | null {
  const k = items.length
  if (k < 2) return null
  const n = items[0]!.length
  if (n < 2) return null
  const total = new Float64Array(n)
  let itemVariances = 0
  for (const column of items) {
    // variance(column), with the total added up in the same pass over the column.
    const m = mean(column)!
    let ss = 0
    for (let r = 0; r < n; r++) {
      const x = column[r]!
      ss += (x - m) ** 2
      total[r]! += x
    }
    itemVariances += ss / (n - 1)
  }
  const totalVariance = variance(total)!
  if (totalVariance === 0) return null
  return (k / (k - 1)) * (1 - itemVariances / totalVariance)
}

/** α recomputed with each item left out, to show which items weaken the scale. */
export function alphaIfDeleted(items: readonly Numbers[]): (number | null)[] {
  return items.map((_, j) => cronbachAlpha(items.filter((__, i) => i !== j)))
}

export function correlation(xs: Numbers, ys: Numbers): number | null {
  const n = xs.length
  if (n < 2) return null
  const mx = mean(xs)!
  const my = mean(ys)!
  let sxy = 0
  let sxx = 0
  let syy = 0
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx
    const dy = ys[i]! - my
    sxy += dx * dy
    sxx += dx * dx
    syy += dy * dy
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy)
}

export interface ItemAnalysis {
  /** Mean score of the item; for a 0/1 item, the share who answered correctly. */
  difficulty: number | null
  /** Corrected item–total correlation: the item against the total of the other items. */
  discrimination: number | null
}

export function itemAnalysis(items: readonly Numbers[]): ItemAnalysis[] {
  const n = items[0]?.length ?? 0
  const total = new Float64Array(n)
  for (const column of items) for (let r = 0; r < n; r++) total[r]! += column[r]!
  return items.map((column) => {
    const rest = Float64Array.from(total, (t, r) => t - column[r]!)
    return { difficulty: mean(column), discrimination: correlation(column, rest) }
  })
}
