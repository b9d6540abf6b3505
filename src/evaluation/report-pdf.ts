// A session's evaluation as an A4 PDF, in the reader's language: the same words, numbers and charts
// as the web page, for a report to a partner or a funder.
import type { T } from '../messages.ts'
import { formatPercent, formatWallTime, type Locale } from '../platform/i18n/i18n.ts'
import { labelled, newPdf, PDF_COLOURS, reportWriter } from '../platform/pdf.ts'
import { chanceWords, decimal, pText, resultWords, statisticsRows } from './result-words.ts'
import { waitingWords } from './free-text.ts'
import type { ProgrammeEvaluation } from './programme-knowledge.ts'
import type { FeedbackResult, SessionResults } from './session-results.ts'

const { muted: MUTED, line: GREY, brand: BRAND } = PDF_COLOURS

export interface SessionHeader {
  title: string
  startsAt: string
  area: string
  format: string
}

export function renderEvaluationPdf(session: SessionHeader, results: SessionResults, t: T, locale: Locale, groupLabel: (g: string) => string): Promise<Buffer> {
  const { doc, done } = newPdf({ size: 'A4', margins: { top: 48, bottom: 48, left: 48, right: 48 }, info: { Title: `${t('eval.heading')} – ${session.title}`, Author: 'Jaga' }, lang: locale === 'id' ? 'id-ID' : 'en-GB' })
  const w = reportWriter(doc)
  w.banner(t('eval.heading'), session.title)
  w.line(`${formatWallTime(locale, session.startsAt)} · ${session.area} · ${session.format}`)
  const shares = { format: (v: number | null) => formatPercent(locale, v), max: 1, colours: [GREY, BRAND] }
  for (const g of results.groups) {
    w.heading(t('eval.results', { group: groupLabel(g.groupKind) }))
    if (g.preCount + g.postCount === 0) {
      w.line(t('eval.noAnswers'))
      continue
    }
    const words = resultWords(t, locale, g)
    if (words.headline) w.line(`${words.headline.change} ${words.headline.chance}`, { bold: true })
    for (const text of [words.matched, words.ambiguous, words.duplicates, words.shares, words.smallGroup]) if (text) w.line(text, { size: 9 })
    if (g.likert.length) {
      w.heading(t('eval.statements'))
      w.row(['', `${t('eval.before')} / ${t('eval.after')}`], [0, 330], { bold: true })
      for (const l of g.likert) w.row([l.label[locale], `${decimal(locale, l.preMean, 1)} / ${decimal(locale, l.postMean, 1)}`], [0, 330])
    }
    if (g.items.length) {
      w.heading(t('eval.items'))
      w.line(t('eval.legend'), { size: 8.5, colour: MUTED })
    }
    w.bars(g.items.map((i, n) => ({ label: `${n + 1}. ${i.label[locale]}`, values: [i.preCorrect, i.postCorrect] })), shares)
    if (g.distribution.length) {
      w.heading(t('eval.distribution'))
      w.line(t('eval.legend'), { size: 8.5, colour: MUTED })
      w.bars(
        g.distribution.filter((d) => d.pre || d.post).map((d) => ({ label: `${t('eval.score')} ${d.score}`, values: [g.preCount ? d.pre / g.preCount : null, g.postCount ? d.post / g.postCount : null] })),
        shares,
      )
    }
    const stats = statisticsRows(t, locale, g)
    if (stats.length) {
      w.heading(t('eval.statistics'))
      for (const [label, value] of stats) w.row([label, value], [0, 200])
    }
    w.line(words.limits, { size: 8.5, colour: MUTED })
  }
  const summaries = [...(results.feedback?.count ? [{ heading: t('eval.feedback', { count: results.feedback.count }), summary: results.feedback }] : []), ...results.followUps.map((f) => ({ heading: t('eval.followUpResults', { group: groupLabel(f.groupKind), count: f.summary.count }), summary: f.summary }))]
  for (const { heading, summary } of summaries) writeFeedback(w, t, locale, heading, summary)
  doc.end()
  return done
}

/** A feedback summary under its heading: means, choice counts, then the released written answers. */
function writeFeedback(w: ReturnType<typeof reportWriter>, t: T, locale: Locale, heading: string, summary: FeedbackResult): void {
  w.heading(heading)
  for (const l of summary.likert) w.line(labelled(l.label[locale], t('eval.mean', { mean: decimal(locale, l.mean, 1) })), { size: 9 })
  for (const c of summary.choices) w.line(labelled(c.label[locale], c.counts.map((x) => `${x.label[locale]} ${x.n}`).join(' · ')), { size: 9 })
  // Written answers only once a referral person released them; the others are only counted.
  for (const x of summary.texts) {
    if (x.answers.length) w.line(labelled(x.label[locale], x.answers.join(' | ')), { size: 9 })
    if (x.waiting) w.line(labelled(x.label[locale], waitingWords(t, x.waiting)), { size: 9, colour: MUTED })
  }
}

/** A programme's (or one kelurahan's) pooled results as an A4 PDF: the headline, then one table per breakdown. */
export function renderProgrammeEvaluationPdf(
  title: string,
  evaluation: ProgrammeEvaluation,
  t: T,
  locale: Locale,
  label: { group: (k: string) => string; village: (k: string) => string; format: (k: string) => string },
  /** Every session's feedback together; staff only (null for partners). */
  feedback: FeedbackResult | null = null,
): Promise<Buffer> {
  const { doc, done } = newPdf({ size: 'A4', margins: { top: 48, bottom: 48, left: 48, right: 48 }, info: { Title: t('programmeEval.title', { name: title }), Author: 'Jaga' }, lang: locale === 'id' ? 'id-ID' : 'en-GB' })
  const w = reportWriter(doc)
  w.banner(t('programmeEval.title', { name: title }), t('programmeEval.whole'))
  w.line(t('programmeEval.intro'), { size: 9 })
  const all = evaluation.all
  if (evaluation.suppressed?.all) w.line(t('programmeEval.tooFew'), { bold: true })
  else if (all.pairs === 0) w.line(t('programmeEval.none'), { bold: true })
  else {
    w.line(`${t('programmeEval.headline', { pairs: all.pairs, pre: formatPercent(locale, all.pre.mean), post: formatPercent(locale, all.post.mean) })} ${chanceWords(t, locale, all.t_test.p)}`, { bold: true })
    const xs = [0, 150, 195, 245, 295, 395, 445]
    const points = (x: number | null) => (x === null ? '—' : `${x >= 0 ? '+' : ''}${decimal(locale, x * 100, 1)}`)
    const table = (heading: string, rows: { label: string; block: ProgrammeEvaluation['all'] }[], hidden = 0) => {
      if (rows.length === 0 && !hidden) return
      w.heading(heading)
      w.row(['', t('eval.stat.pairs'), t('eval.before'), t('eval.after'), t('programmeEval.change'), 'p', t('eval.stat.gain')], xs, { bold: true })
      for (const { label: name, block: b } of rows)
        w.row(
          [
            `${name}${b.pairs < 10 ? ` (${t('programmeEval.small')})` : ''}`,
            String(b.pairs),
            formatPercent(locale, b.pre.mean),
            formatPercent(locale, b.post.mean),
            `${points(b.diff.mean)}${b.diff.ci95 ? ` (${points(b.diff.ci95[0])} – ${points(b.diff.ci95[1])})` : ''}`,
            pText(locale, b.t_test.p),
            `${decimal(locale, b.n_gain?.mean)}${b.n_gain?.category ? ` (${t(`eval.hake.${b.n_gain.category}`)})` : ''}`,
          ],
          xs,
        )
      if (hidden) w.line(t('programmeEval.hiddenRows', { count: hidden }), { size: 8.5, colour: MUTED })
    }
    table(t('programmeEval.whole'), [{ label: title, block: all }])
    table(t('programmeEval.byGroup'), evaluation.byGroup.map((g) => ({ label: label.group(g.key), block: g.block })), evaluation.suppressed?.byGroup)
    table(t('programmeEval.byVillage'), evaluation.byVillage.map((g) => ({ label: label.village(g.key), block: g.block })), evaluation.suppressed?.byVillage)
    table(t('programmeEval.byFormat'), evaluation.byFormat.map((g) => ({ label: label.format(g.key), block: g.block })), evaluation.suppressed?.byFormat)
    w.line(t('programmeEval.limits'), { size: 8.5, colour: MUTED })
  }
  if (feedback) writeFeedback(w, t, locale, t('programmeEval.feedback', { count: feedback.count }), feedback)
  doc.end()
  return done
}
