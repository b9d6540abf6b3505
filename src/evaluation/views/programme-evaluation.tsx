import type { T } from '../../messages.ts'
import { formatPercent, type Locale } from '../../platform/i18n/i18n.ts'
import { TableWrap } from '../../platform/views/components.tsx'
import type { ScoreBlock } from '../paired-analysis.ts'
import type { ProgrammeEvaluation } from '../programme-knowledge.ts'
import { decimal, pText } from '../result-words.ts'
import { FeedbackView } from './feedback.tsx'
import { BeforeAfterChart } from './group-result.tsx'
import type { FeedbackResult } from '../session-results.ts'

function Table(p: { t: T; locale: Locale; caption: string; rows: { label: string; block: ScoreBlock }[] }) {
  const { t, locale } = p
  if (p.rows.length === 0) return null
  const points = (x: number | null) => (x === null ? '—' : `${x >= 0 ? '+' : ''}${decimal(locale, x * 100, 1)}`)
  return (
    <TableWrap label={p.caption}>
      <table>
        <caption>{p.caption}</caption>
        <thead>
          <tr>
            <td></td>
            <th scope="col" class="num">{t('eval.stat.pairs')}</th>
            <th scope="col" class="num">{t('eval.before')}</th>
            <th scope="col" class="num">{t('eval.after')}</th>
            <th scope="col" class="num">{t('programmeEval.change')}</th>
            <th scope="col" class="num">p</th>
            <th scope="col" class="num">d_z</th>
            <th scope="col">{t('eval.stat.gain')}</th>
          </tr>
        </thead>
        <tbody>
          {p.rows.map(({ label, block: b }) => (
            <tr>
              <th scope="row">
                {label}
                {b.pairs < 10 ? <span class="muted small"> · {t('programmeEval.small')}</span> : null}
              </th>
              <td class="num">{b.pairs}</td>
              <td class="num">{formatPercent(locale, b.pre.mean)}</td>
              <td class="num">{formatPercent(locale, b.post.mean)}</td>
              <td class="num">
                {points(b.diff.mean)}
                {b.diff.ci95 ? <span class="muted small"> ({points(b.diff.ci95[0])} – {points(b.diff.ci95[1])})</span> : null}
              </td>
              <td class="num">{pText(locale, b.t_test.p)}</td>
              <td class="num">{decimal(locale, b.cohen_dz)}</td>
              <td>
                {decimal(locale, b.n_gain?.mean)}
                {b.n_gain?.category ? ` (${t(`eval.hake.${b.n_gain.category}`)})` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  )
}

/** Says how many rows were left out for a partner; nothing when none were. */
function Hidden({ t, count }: { t: T; count: number | undefined }) {
  return count ? <p class="small muted">{t('programmeEval.hiddenRows', { count })}</p> : null
}

export function ProgrammeEvaluationPage(p: {
  t: T
  locale: Locale
  programme: { id: string; name: string }
  title: string
  area?: string | undefined
  evaluation: ProgrammeEvaluation
  label: { group: (k: string) => string; village: (k: string) => string; format: (k: string) => string }
  /** Where "back" leads: the programme for staff, coverage for partners. */
  back: string
  /** All sessions' feedback together (staff only), for planning the next visits. */
  feedback: FeedbackResult | null
}) {
  const { t, locale } = p
  const e = p.evaluation
  const all = e.all
  const chance = all.t_test.p === null ? t('eval.noTest') : all.t_test.p < 0.001 ? t('eval.veryUnlikelyChance') : all.t_test.p < 0.05 ? t('eval.unlikelyChance', { p: pText(locale, all.t_test.p) }) : t('eval.maybeChance', { p: pText(locale, all.t_test.p) })
  return (
    <>
      <p>
        <a href={p.back}>← {p.programme.name}</a>
      </p>
      <h1>{t('programmeEval.title', { name: p.title })}</h1>
      <p>{t('programmeEval.intro')}</p>
      <p>
        <a class="button" href={`/programmes/${p.programme.id}/evaluation.pdf${p.area ? `?area=${p.area}` : ''}`}>
          {t('eval.pdf')}
        </a>
        {p.area ? (
          <>
            {' '}
            <a href={`/programmes/${p.programme.id}/evaluation`}>{t('programmeEval.allAreas')}</a>
          </>
        ) : null}
      </p>
      {e.suppressed?.all ? (
        <p>{t('programmeEval.tooFew')}</p>
      ) : all.pairs === 0 ? (
        <p>{t('programmeEval.none')}</p>
      ) : (
        <>
          <p class="lead">
            <strong>{t('programmeEval.headline', { pairs: all.pairs, pre: formatPercent(locale, all.pre.mean), post: formatPercent(locale, all.post.mean) })}</strong> {chance}
          </p>
          <div class="charts">
            {e.byGroup.length ? <BeforeAfterChart t={t} locale={locale} title={t('programmeEval.byGroup')} rows={e.byGroup.map((g) => ({ label: p.label.group(g.key), before: g.block.pre.mean, after: g.block.post.mean }))} /> : null}
            {e.byVillage.length ? <BeforeAfterChart t={t} locale={locale} title={t('programmeEval.byVillage')} rows={e.byVillage.map((g) => ({ label: p.label.village(g.key), before: g.block.pre.mean, after: g.block.post.mean }))} /> : null}
          </div>
          <Table t={t} locale={locale} caption={t('programmeEval.whole')} rows={[{ label: p.title, block: all }]} />
          <Table t={t} locale={locale} caption={t('programmeEval.byGroup')} rows={e.byGroup.map((g) => ({ label: p.label.group(g.key), block: g.block }))} />
          <Hidden t={t} count={e.suppressed?.byGroup} />
          {p.area ? null : (
            <>
              <Table t={t} locale={locale} caption={t('programmeEval.byVillage')} rows={e.byVillage.map((g) => ({ label: p.label.village(g.key), block: g.block }))} />
              <Hidden t={t} count={e.suppressed?.byVillage} />
              <ul class="small">
                {e.byVillage.map((g) => (
                  <li>
                    <a href={`/programmes/${p.programme.id}/evaluation?area=${g.key}`}>{t('programmeEval.areaReport', { area: p.label.village(g.key) })}</a>
                  </li>
                ))}
              </ul>
            </>
          )}
          <Table t={t} locale={locale} caption={t('programmeEval.byFormat')} rows={e.byFormat.map((g) => ({ label: p.label.format(g.key), block: g.block }))} />
          <Hidden t={t} count={e.suppressed?.byFormat} />
          <p class="small muted">{t('programmeEval.limits')}</p>
        </>
      )}
      {p.feedback ? <FeedbackView t={t} locale={locale} feedback={p.feedback} heading={t('programmeEval.feedback', { count: p.feedback.count })} /> : null}
    </>
  )
}
