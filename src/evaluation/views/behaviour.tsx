// The behaviour questions before and after: per question, how many chose each answer and what share of
// those to whom it applies; "does not apply" on a line of its own, outside the percentages. A count
// hidden for a small group reads "fewer than 5".
import type { T } from '../../messages.ts'
import { formatNumber, formatPercent, type Locale } from '../../platform/i18n/i18n.ts'
import { TableWrap } from '../../platform/views/components.tsx'
import type { BehaviourQuestion, RoundCounts } from '../behaviour-summary.ts'

function Cell(p: { t: T; locale: Locale; n: number | null | undefined; share?: number | null; round: RoundCounts | null }) {
  if (!p.round) return <td class="num muted">{p.t('behaviour.notAsked')}</td>
  if (p.n === null || p.n === undefined) return <td class="num muted">{p.t('behaviour.hidden')}</td>
  return (
    <td class="num">
      {formatNumber(p.locale, p.n)}
      {p.share !== undefined && p.share !== null ? <span class="muted small"> ({formatPercent(p.locale, p.share)})</span> : null}
    </td>
  )
}

export function BehaviourView(p: { t: T; locale: Locale; questions: BehaviourQuestion[]; after: string }) {
  const { t, locale } = p
  if (!p.questions.length) return null
  return (
    <>
      <h3>{t('behaviour.heading')}</h3>
      <p class="small muted">{t('behaviour.intro')}</p>
      {p.questions.map((q) => (
        <TableWrap label={q.label[locale]}>
          <table>
            <caption>{q.label[locale]}</caption>
            <thead>
              <tr>
                <th scope="col">{t('behaviour.answer')}</th>
                <th scope="col" class="num">{t('eval.before')}</th>
                <th scope="col" class="num">{p.after}</th>
              </tr>
            </thead>
            <tbody>
              {q.options.map((o, i) => (
                <tr>
                  <th scope="row">{o.label[locale]}</th>
                  <Cell t={t} locale={locale} round={q.before} n={q.before?.counts[i]} share={q.before?.shares[i]} />
                  <Cell t={t} locale={locale} round={q.after} n={q.after.counts[i]} share={q.after.shares[i]} />
                </tr>
              ))}
              {q.hasNotApplicable ? (
                <tr>
                  <th scope="row">{t('behaviour.notApplicable')}</th>
                  <Cell t={t} locale={locale} round={q.before} n={q.before?.notApplicable} />
                  <Cell t={t} locale={locale} round={q.after} n={q.after.notApplicable} />
                </tr>
              ) : null}
              <tr>
                <th scope="row">{t('behaviour.total')}</th>
                <Cell t={t} locale={locale} round={q.before} n={q.before?.total} />
                <Cell t={t} locale={locale} round={q.after} n={q.after.total} />
              </tr>
            </tbody>
          </table>
        </TableWrap>
      ))}
    </>
  )
}
