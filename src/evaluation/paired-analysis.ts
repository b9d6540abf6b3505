// The analysis of matched pre/post scores, in the exact shape `jaga analyze --json` prints and the
// reports read. Input: item columns for the paired pre rows and the paired post rows, same order.
import {
  cronbachAlpha,
  holm,
  mcnemarExact,
  mean,
  normalisedGain,
  pairedT,
  sd,
  wilcoxon,
  type HakeCategory,
} from './statistics.ts'

export interface ScoreBlock {
  pairs: number
  pre: { mean: number | null; sd: number | null }
  post: { mean: number | null; sd: number | null }
  diff: { mean: number | null; sd: number | null; ci95: [number, number] | null }
  t_test: { t: number | null; df: number | null; p: number | null }
  cohen_dz: number | null
  wilcoxon: { w_plus: number; n: number; z: number | null; p: number | null }
  /** Only for 0/1 tests, where the maximum score is the number of items. */
  n_gain: { mean: number | null; of_means: number | null; category: HakeCategory | null } | null
}

export interface ItemResult {
  item: string
  pre_mean: number | null
  post_mean: number | null
  mcnemar?: { b: number; c: number; p: number; p_holm: number }
}

export interface PairedAnalysis {
  items_count: number
  dichotomous: boolean
  score: ScoreBlock
  alpha: { pre: number | null; post: number | null }
  items: ItemResult[]
  groups?: Record<string, ScoreBlock>
}

/** Paired rows as item columns: `pre[j][r]` is item j of pair r before, `post[j][r]` after. */
export interface PairedItems {
  items: readonly string[]
  pre: readonly Float64Array[]
  post: readonly Float64Array[]
  /** The group of each pair (from its pre row); absent when the data has no group column. */
  groups?: readonly string[]
}

export function isDichotomous(columns: readonly Float64Array[]): boolean {
  for (const column of columns) for (let r = 0; r < column.length; r++) if (column[r] !== 0 && column[r] !== 1) return false
  return true
}

export function totals(columns: readonly Float64Array[], pairs: number): Float64Array {
  const total = new Float64Array(pairs)
  for (const column of columns) for (let r = 0; r < pairs; r++) total[r]! += column[r]!
  return total
}

/** The score block over paired totals; `max` is the highest possible score when the test is 0/1, else null. */
export function scoreBlock(pre: Float64Array, post: Float64Array, max: number | null): ScoreBlock {
  const d = Float64Array.from(post, (x, i) => x - pre[i]!)
  const t = pairedT(d)
  const w = wilcoxon(d)
  const gain = max === null ? null : normalisedGain(pre, post, max)
  return {
    pairs: d.length,
    pre: { mean: mean(pre), sd: sd(pre) },
    post: { mean: mean(post), sd: sd(post) },
    diff: { mean: mean(d), sd: sd(d), ci95: t.ci95 },
    t_test: { t: t.t, df: t.df, p: t.p },
    cohen_dz: t.cohenDz,
    wilcoxon: { w_plus: w.wPlus, n: w.n, z: w.z, p: w.p },
    n_gain: gain && { mean: gain.mean, of_means: gain.ofMeans, category: gain.category },
  }
}

export function analyzePairs(data: PairedItems): PairedAnalysis {
  const pairs = data.pre[0]?.length ?? 0
  const k = data.items.length
  const dichotomous = isDichotomous(data.pre) && isDichotomous(data.post)
  const max = dichotomous ? k : null
  const preTotal = totals(data.pre, pairs)
  const postTotal = totals(data.post, pairs)

  const items: ItemResult[] = data.items.map((item, j) => ({ item, pre_mean: mean(data.pre[j]!), post_mean: mean(data.post[j]!) }))
  if (dichotomous) {
    const tests = data.items.map((_, j) => {
      let b = 0
      let c = 0
      const before = data.pre[j]!
      const after = data.post[j]!
      for (let r = 0; r < pairs; r++) {
        if (before[r] === 1 && after[r] === 0) b++
        else if (before[r] === 0 && after[r] === 1) c++
      }
      return { b, c, p: mcnemarExact(b, c) }
    })
    const adjusted = holm(tests.map((x) => x.p))
    tests.forEach((x, j) => (items[j]!.mcnemar = { ...x, p_holm: adjusted[j]! }))
  }

  const analysis: PairedAnalysis = {
    items_count: k,
    dichotomous,
    score: scoreBlock(preTotal, postTotal, max),
    alpha: { pre: cronbachAlpha(data.pre), post: cronbachAlpha(data.post) },
    items,
  }
  if (data.groups) {
    const members = new Map<string, number[]>()
    data.groups.forEach((group, r) => {
      if (group === '') return
      const list = members.get(group)
      if (list) list.push(r)
      else members.set(group, [r])
    })
    analysis.groups = {}
    for (const [group, rows] of [...members].sort(([a], [b]) => a.localeCompare(b))) {
      analysis.groups[group] = scoreBlock(
        Float64Array.from(rows, (r) => preTotal[r]!),
        Float64Array.from(rows, (r) => postTotal[r]!),
        max,
      )
    }
  }
  return analysis
}
