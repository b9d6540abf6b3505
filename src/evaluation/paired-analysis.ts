// The analysis of matched pre/post scores, in the exact shape `jaga analyze --json` prints and the
// reports read. Input: item columns for the paired pre rows and the paired post rows, same order.
// A question the skip logic hid from a person is NaN: missing, never wrong (docs/decisions/0010).
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
  /** Item answers (cells of the paired rows, before and after) the skip logic did not show; only when some were. */
  items_not_shown?: number
  /** Pairs left out of the score because one of their answers was shown no item; only when some were. */
  pairs_without_total?: number
}

/** Paired rows as item columns: `pre[j][r]` is item j of pair r before, `post[j][r]` after; NaN where the item was not shown. */
export interface PairedItems {
  items: readonly string[]
  pre: readonly Float64Array[]
  post: readonly Float64Array[]
  /** The group of each pair (from its pre row); absent when the data has no group column. */
  groups?: readonly string[]
}

/**
 * Each row's total over the k columns, prorated over the items it was shown: sum × k / shown, so it
 * equals the plain sum when every item was shown; NaN when none was.
 */
export function totals(columns: readonly Float64Array[], pairs: number): Float64Array {
  const k = columns.length
  const total = new Float64Array(pairs)
  const shown = new Float64Array(pairs)
  for (const column of columns) {
    for (let r = 0; r < pairs; r++) {
      const x = column[r]!
      if (Number.isNaN(x)) continue
      total[r]! += x
      shown[r]!++
    }
  }
  for (let r = 0; r < pairs; r++) if (shown[r] !== k) total[r] = shown[r] === 0 ? NaN : (total[r]! * k) / shown[r]!
  return total
}

/** The rows shown every item (complete cases), as columns: what Cronbach's alpha is computed on. */
export function completeRows(columns: readonly Float64Array[]): Float64Array[] {
  const pairs = columns[0]?.length ?? 0
  // One pass per column marks the rows missing a cell; most files miss none and are returned as they are.
  const missing = new Uint8Array(pairs)
  let anyMissing = false
  for (const c of columns) {
    for (let r = 0; r < pairs; r++) {
      if (Number.isNaN(c[r]!)) {
        missing[r] = 1
        anyMissing = true
      }
    }
  }
  if (!anyMissing) return [...columns]
  const keep: number[] = []
  for (let r = 0; r < pairs; r++) if (!missing[r]) keep.push(r)
  return columns.map((c) => pick(c, keep))
}

/** The values of `column` at `rows`, in that order. */
function pick(column: Float64Array, rows: readonly number[]): Float64Array {
  const out = new Float64Array(rows.length)
  for (let i = 0; i < rows.length; i++) out[i] = column[rows[i]!]!
  return out
}

/** The score block over paired totals; `max` is the highest possible score when the test is 0/1, else null. */
export function scoreBlock(pre: Float64Array, post: Float64Array, max: number | null): ScoreBlock {
  const d = new Float64Array(post.length)
  for (let i = 0; i < d.length; i++) d[i] = post[i]! - pre[i]!
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
  // One pass over every cell: whether each shown one is 0 or 1 (as isDichotomous), and how many were not shown.
  let dichotomous = true
  let notShown = 0
  for (const column of [...data.pre, ...data.post]) {
    for (let r = 0; r < pairs; r++) {
      const x = column[r]!
      if (x !== 0 && x !== 1) {
        if (Number.isNaN(x)) notShown++
        else dichotomous = false
      }
    }
  }
  const max = dichotomous ? k : null
  const preTotal = totals(data.pre, pairs)
  const postTotal = totals(data.post, pairs)
  // A pair is scored when both its answers have a total (were shown at least one item).
  const isScored = (r: number) => !Number.isNaN(preTotal[r]!) && !Number.isNaN(postTotal[r]!)
  const scored = (rows: readonly number[]) => rows.filter(isScored)
  const block = (rows: readonly number[]) => scoreBlock(pick(preTotal, rows), pick(postTotal, rows), max)
  const all: number[] = []
  for (let r = 0; r < pairs; r++) if (isScored(r)) all.push(r)

  // Each item over the pairs shown it both before and after (every pair when nothing was hidden).
  const items: ItemResult[] = data.items.map((item, j) => {
    const before = data.pre[j]!
    const after = data.post[j]!
    if (notShown === 0) return { item, pre_mean: mean(before), post_mean: mean(after) }
    const both: number[] = []
    for (let r = 0; r < pairs; r++) if (!Number.isNaN(before[r]!) && !Number.isNaN(after[r]!)) both.push(r)
    return { item, pre_mean: mean(both.map((r) => before[r]!)), post_mean: mean(both.map((r) => after[r]!)) }
  })
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
    score: block(all),
    // With every cell shown, every row is complete: the columns as they are.
    alpha: notShown === 0 ? { pre: cronbachAlpha(data.pre), post: cronbachAlpha(data.post) } : { pre: cronbachAlpha(completeRows(data.pre)), post: cronbachAlpha(completeRows(data.post)) },
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
      analysis.groups[group] = block(scored(rows))
    }
  }
  if (notShown > 0) analysis.items_not_shown = notShown
  if (all.length < pairs) analysis.pairs_without_total = pairs - all.length
  return analysis
}
