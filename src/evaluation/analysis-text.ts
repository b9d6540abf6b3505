// The readable form of `jaga analyze` (without --json): aligned plain text for a terminal.
import type { MessageKey } from '../messages.ts'
import type { Translator } from '../platform/i18n/i18n.ts'
import type { CsvAnalysis, TestAnalysis } from './analyze-csv.ts'
import type { ScoreBlock } from './paired-analysis.ts'

const num = (x: number | null | undefined, digits = 3) => (x === null || x === undefined ? '—' : x.toFixed(digits))
const pValue = (p: number | null) => (p === null ? '—' : p < 0.001 ? '< 0.001' : p.toFixed(3))

function scoreLines(s: ScoreBlock, t: Translator<MessageKey>, extra: [string, string][] = []): string[] {
  const rows: [string, string][] = [
    [t('analyze.text.pairs'), String(s.pairs)],
    [t('analyze.text.pre'), `${num(s.pre.mean, 2)} (sd ${num(s.pre.sd, 2)})`],
    [t('analyze.text.post'), `${num(s.post.mean, 2)} (sd ${num(s.post.sd, 2)})`],
    [t('analyze.text.change'), `${num(s.diff.mean, 2)} (95% CI ${s.diff.ci95 ? `${num(s.diff.ci95[0], 2)} – ${num(s.diff.ci95[1], 2)}` : '—'})`],
    [t('analyze.text.tTest'), `t(${s.t_test.df ?? '—'}) = ${num(s.t_test.t, 2)}, p ${pValue(s.t_test.p)}, d_z = ${num(s.cohen_dz, 2)}`],
    [t('analyze.text.wilcoxon'), `W+ = ${num(s.wilcoxon.w_plus, 1)}, n = ${s.wilcoxon.n}, z = ${num(s.wilcoxon.z, 2)}, p ${pValue(s.wilcoxon.p)}`],
  ]
  if (s.n_gain) rows.push([t('analyze.text.nGain'), `${num(s.n_gain.mean, 2)} (${s.n_gain.category ? t(`analyze.text.hake.${s.n_gain.category}`) : '—'}); ${t('analyze.text.ofMeans')} ${num(s.n_gain.of_means, 2)}`])
  rows.push(...extra)
  const width = Math.max(...rows.map(([label]) => label.length))
  return rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`)
}

/** One test's analysis; a file with several tests gives the counts over the file, then each test under its name. */
export function formatAnalysis(a: CsvAnalysis, t: Translator<MessageKey>): string {
  if (!('tests' in a)) return formatTest(a, t)
  const summary = t('analyze.text.summary', { pairs: a.pairs, pre: a.unmatched.pre, post: a.unmatched.post, duplicates: a.duplicate_codes })
  return [summary, ...Object.entries(a.tests).map(([name, test]) => `\n${t('analyze.text.test')} ${name}\n${formatTest(test, t)}`)].join('\n')
}

function formatTest(a: TestAnalysis, t: Translator<MessageKey>): string {
  const lines = [
    t('analyze.text.summary', { pairs: a.pairs, pre: a.unmatched.pre, post: a.unmatched.post, duplicates: a.duplicate_codes }),
    t(a.dichotomous ? 'analyze.text.dichotomous' : 'analyze.text.scored', { items: a.items_count }),
    ...(a.items_not_shown ? [t('analyze.text.notShown', { answers: a.items_not_shown })] : []),
    ...(a.pairs_without_total ? [t('analyze.text.withoutTotal', { pairs: a.pairs_without_total })] : []),
    '',
    t('analyze.text.score'),
    ...scoreLines(a.score, t, [[t('analyze.text.alpha'), `pre ${num(a.alpha.pre, 2)}, post ${num(a.alpha.post, 2)}`]]),
    '',
  ]
  const itemWidth = Math.max(4, ...a.items.map((i) => i.item.length))
  lines.push(`${t('analyze.text.item').padEnd(itemWidth)}  ${'pre'.padStart(6)}  ${'post'.padStart(6)}${a.dichotomous ? `  ${'b'.padStart(6)}  ${'c'.padStart(6)}  ${'p'.padStart(7)}  ${'p Holm'.padStart(7)}` : ''}`)
  for (const i of a.items) {
    const m = i.mcnemar
    lines.push(`${i.item.padEnd(itemWidth)}  ${num(i.pre_mean).padStart(6)}  ${num(i.post_mean).padStart(6)}${m ? `  ${String(m.b).padStart(6)}  ${String(m.c).padStart(6)}  ${pValue(m.p).padStart(7)}  ${pValue(m.p_holm).padStart(7)}` : ''}`)
  }
  for (const [group, block] of Object.entries(a.groups ?? {})) lines.push('', `${t('analyze.text.group')} ${group}`, ...scoreLines(block, t))
  return lines.join('\n') + '\n'
}
