// A group's result in words a lay reader understands, the same in the web page and the PDF:
// what changed, whether chance could explain it, and what the numbers cannot say.
import type { T } from '../messages.ts'
import { formatPercent, keptNumberFormat, type Locale } from '../platform/i18n/i18n.ts'
import type { GroupResult } from './session-results.ts'

export const decimal = (locale: Locale, x: number | null | undefined, digits = 2) => (x === null || x === undefined ? '—' : keptNumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x))
export const pText = (locale: Locale, p: number | null) => (p === null ? '—' : p < 0.001 ? `< ${decimal(locale, 0.001, 3)}` : decimal(locale, p, 3))

/** Whether chance could explain a change, from the paired test's p. */
export function chanceWords(t: T, locale: Locale, p: number | null): string {
  return p === null ? t('eval.noTest') : p < 0.001 ? t('eval.veryUnlikelyChance') : p < 0.05 ? t('eval.unlikelyChance', { p: pText(locale, p) }) : t('eval.maybeChance', { p: pText(locale, p) })
}

export interface ResultWords {
  matched: string
  ambiguous?: string
  duplicates?: string
  /** Set when many codes of the group are shared or look alike: why fewer people are paired. */
  alike?: string
  shares: string
  /** The change among pairs and whether chance explains it; absent with no pairs. */
  headline?: { change: string; chance: string }
  smallGroup?: string
  limits: string
}

/** One answer before in ten (and at least three) with a shared or ambiguous code: enough to bias who is counted. */
export const manyAlike = (g: Pick<GroupResult, 'alike' | 'preCount'>) => g.alike >= 3 && g.alike >= g.preCount / 10

export function resultWords(t: T, locale: Locale, g: GroupResult): ResultWords {
  const s = g.analysis?.score
  const max = g.maxScore ?? 1
  const preShare = s?.pre.mean != null ? s.pre.mean / max : null
  const postShare = s?.post.mean != null ? s.post.mean / max : null
  const p = s?.t_test.p ?? null
  const words: ResultWords = {
    matched: t('eval.matched', { pairs: g.match.pairs, pre: g.preCount, rate: formatPercent(locale, g.match.rate), exact: g.match.exact, tolerant: g.match.tolerant, post: g.match.unmatchedPost.length }),
    shares: g.kind === 'scale' ? t('eval.scaleNote') : t('eval.shares', { pre: formatPercent(locale, g.preShare), post: formatPercent(locale, g.postShare) }),
    limits: t('eval.limits'),
  }
  // Counts only: the codes themselves are listed where pairs are checked (group-result.tsx), not in words that also go into the PDF.
  if (g.match.ambiguous.length) words.ambiguous = t('code.ambiguousCount', { count: g.match.ambiguous.length })
  if (g.match.duplicates.length) words.duplicates = t('code.duplicatesCount', { count: g.match.duplicates.length })
  if (manyAlike(g)) words.alike = t('pair.alikeWarning', { count: g.alike, pre: g.preCount })
  if (g.kind === 'scale' && s && s.pairs > 0 && s.pre.mean !== null && s.post.mean !== null) {
    // A scale's total over its statements, shown as the mean point (1–5) a paired person gave.
    const k = g.likert.length || 1
    const [before, after] = [s.pre.mean / k, s.post.mean / k]
    words.headline = {
      change: t(after > before ? 'eval.scaleRose' : after < before ? 'eval.scaleFell' : 'eval.scaleSame', { pre: decimal(locale, before, 1), post: decimal(locale, after, 1) }),
      chance: chanceWords(t, locale, p),
    }
  } else if (s && s.pairs > 0 && preShare !== null && postShare !== null) {
    const key = postShare > preShare ? 'eval.rose' : postShare < preShare ? 'eval.fell' : 'eval.same'
    words.headline = {
      change: t(key, { pre: formatPercent(locale, preShare), post: formatPercent(locale, postShare) }),
      chance: chanceWords(t, locale, p),
    }
  }
  if (s && s.pairs > 0 && s.pairs < 10) words.smallGroup = t('eval.smallGroup')
  return words
}

/** The statistics table as label/value rows. */
export function statisticsRows(t: T, locale: Locale, g: GroupResult): [string, string][] {
  const a = g.analysis
  const s = a?.score
  if (!a || !s) return []
  const max = g.kind === 'scale' ? g.likert.length * 5 : (g.maxScore ?? 1)
  const rows: [string, string][] = [
    [t('eval.stat.pairs'), String(s.pairs)],
    [t('eval.stat.pre'), `${decimal(locale, s.pre.mean)} (${decimal(locale, s.pre.sd)}) / ${max}`],
    [t('eval.stat.post'), `${decimal(locale, s.post.mean)} (${decimal(locale, s.post.sd)}) / ${max}`],
    [t('eval.stat.diff'), `${decimal(locale, s.diff.mean)} (${s.diff.ci95 ? `${decimal(locale, s.diff.ci95[0])} – ${decimal(locale, s.diff.ci95[1])}` : '—'})`],
    [t('eval.stat.t'), `t(${s.t_test.df ?? '—'}) = ${decimal(locale, s.t_test.t)}, p ${pText(locale, s.t_test.p)}`],
    [t('eval.stat.dz'), decimal(locale, s.cohen_dz)],
    [t('eval.stat.wilcoxon'), `W+ = ${decimal(locale, s.wilcoxon.w_plus, 1)}, z = ${decimal(locale, s.wilcoxon.z)}, p ${pText(locale, s.wilcoxon.p)}`],
  ]
  if (s.n_gain) rows.push([t('eval.stat.gain'), `${decimal(locale, s.n_gain.mean)}${s.n_gain.category ? ` (${t(`eval.hake.${s.n_gain.category}`)})` : ''}`])
  rows.push([t('eval.stat.alpha'), `${decimal(locale, a.alpha.pre)} / ${decimal(locale, a.alpha.post)}`])
  if (a.items_not_shown) rows.push([t('eval.stat.notShown'), t('eval.stat.notShownValue', { n: a.items_not_shown })])
  if (a.pairs_without_total) rows.push([t('eval.stat.withoutTotal'), String(a.pairs_without_total)])
  return rows
}
