// One group's results before and after (words, charts, statistics) and the pairs a person confirms by
// hand; the before/after chart is shared with the programme's pooled results.
import type { MessageKey, T } from '../../messages.ts'
import { formatPercent, type Locale } from '../../platform/i18n/i18n.ts'
import { barPercent, CHART_FONT, ChartLabel, LABEL_LINE, stackRows, wrapLabel } from '../../platform/views/bar-chart.tsx'
import { InlineAction, TableWrap } from '../../platform/views/components.tsx'
import type { GroupResult } from '../session-results.ts'
import { decimal, resultWords, statisticsRows } from '../result-words.ts'
import { BehaviourView } from './behaviour.tsx'

/** Two bars per row, before and after, as shares (0–1); text in CSS pixels, bars in percent (see BarChart). */
export function BeforeAfterChart(p: { title: string; rows: { label: string; before: number | null; after: number | null }[]; t: T; locale: Locale }) {
  const rows = stackRows(p.rows.map((r) => ({ ...r, lines: wrapLabel(r.label) })), 26, (r) => r.lines.length * LABEL_LINE + 34)
  const w = (x: number | null) => barPercent(x, 1)
  return (
    <figure class="chart">
      <svg width="100%" height={rows.height + 4} role="img" aria-label={p.title} xmlns="http://www.w3.org/2000/svg">
        <title>{p.title}</title>
        <rect x="0" y="3" width="12" height="12" fill="#9aa5b1" />
        <text x="17" y="14" font-size={CHART_FONT} fill="#1b1f24">
          {p.t('eval.before')}
        </text>
        <rect x="110" y="3" width="12" height="12" fill="#0b5c4a" />
        <text x="127" y="14" font-size={CHART_FONT} fill="#1b1f24">
          {p.t('eval.after')}
        </text>
        {rows.rows.map(({ row: r, y }) => {
          const top = y + r.lines.length * LABEL_LINE
          return (
            <g>
              <ChartLabel lines={r.lines} y={y} />
              <rect x="0" y={top + 3} width={`${w(r.before)}%`} height="12" fill="#9aa5b1" />
              <text x={`${w(r.before)}%`} dx="5" y={top + 14} font-size={CHART_FONT} fill="#4d5661">
                {formatPercent(p.locale, r.before)}
              </text>
              <rect x="0" y={top + 17} width={`${w(r.after)}%`} height="12" fill="#0b5c4a" />
              <text x={`${w(r.after)}%`} dx="5" y={top + 28} font-size={CHART_FONT} fill="#4d5661">
                {formatPercent(p.locale, r.after)}
              </text>
            </g>
          )
        })}
      </svg>
      <figcaption class="small muted">{p.title}</figcaption>
    </figure>
  )
}

/** The result in words first, then the numbers, then what they cannot say. */
export function GroupResultView(p: { t: T; locale: Locale; group: GroupResult; groupLabel: string; review?: { csrf: string; sessionId: string } | undefined }) {
  const { t, locale, group: g } = p
  const words = resultWords(t, locale, g)
  const stats = statisticsRows(t, locale, g)
  // The chart breaks the label into lines and ends it on a whole word (wrapLabel).
  const itemLabel = (label: string, n: number) => `${n + 1}. ${label}`
  return (
    <section class="eval-group">
      <h2>{t('eval.results', { group: p.groupLabel })}</h2>
      {g.preCount + g.postCount === 0 ? (
        <p>{t('eval.noAnswers')}</p>
      ) : (
        <>
          <p>{words.matched}</p>
          {words.ambiguous ? <p>{words.ambiguous}</p> : null}
          {words.duplicates ? <p>{words.duplicates}</p> : null}
          {words.alike ? (
            <p class="alert alert-warn" role="note">
              {words.alike}
            </p>
          ) : null}
          {p.review && (g.match.ambiguous.length || g.match.duplicates.length || g.confirmed.length || g.tolerant.length || g.rejected.length) ? <PairReview t={t} group={g} {...p.review} /> : null}
          <p>{words.shares}</p>
          {words.headline ? (
            <p class="lead">
              <strong>{words.headline.change}</strong> {words.headline.chance}
            </p>
          ) : null}
          {words.smallGroup ? <p class="muted">{words.smallGroup}</p> : null}
          {g.likert.length ? (
            <TableWrap label={`${t('eval.statements')} · ${p.groupLabel}`}>
              <table>
                <caption>{t('eval.statements')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('eval.item')}</th>
                    <th scope="col" class="num">{t('eval.before')}</th>
                    <th scope="col" class="num">{t('eval.after')}</th>
                  </tr>
                </thead>
                <tbody>
                  {g.likert.map((l) => (
                    <tr>
                      <th scope="row">{l.label[locale]}</th>
                      <td class="num">
                        {decimal(locale, l.preMean, 1)} <span class="muted small">({l.pre.join(' · ')})</span>
                      </td>
                      <td class="num">
                        {decimal(locale, l.postMean, 1)} <span class="muted small">({l.post.join(' · ')})</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          ) : null}
          <BehaviourView t={t} locale={locale} questions={g.behaviour} after={t('eval.after')} />
          <div class="charts">
            {g.items.length ? <BeforeAfterChart t={t} locale={locale} title={t('eval.items')} rows={g.items.map((i, n) => ({ label: itemLabel(i.label[locale], n), before: i.preCorrect, after: i.postCorrect }))} /> : null}
            {g.distribution.length ? (
              <BeforeAfterChart
                t={t}
                locale={locale}
                title={t('eval.distribution')}
                rows={g.distribution.filter((d) => d.pre || d.post).map((d) => ({ label: `${t('eval.score')} ${d.score}`, before: g.preCount ? d.pre / g.preCount : null, after: g.postCount ? d.post / g.postCount : null }))}
              />
            ) : null}
          </div>
          {stats.length ? (
            <TableWrap label={`${t('eval.statistics')} · ${p.groupLabel}`}>
              <table>
                <caption>{t('eval.statistics')}</caption>
                <tbody>
                  {stats.map(([label, value]) => (
                    <tr>
                      <th scope="row">{label}</th>
                      <td>{value}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          ) : null}
          <p class="small muted">{words.limits}</p>
        </>
      )}
    </section>
  )
}

const PARTS = ['mother', 'day', 'own', 'siblings', 'father', 'own2']
const partName = (t: T, part: string) => (PARTS.includes(part) ? t(`pair.part.${part}` as MessageKey) : t('pair.part.other', { n: part }))

/**
 * The pairing for a person to check, one pair at a time: codes too alike to pair on their own (pair
 * them), pairs made by tolerance with the part that differed (undo them), and the decisions taken,
 * each with its undo.
 */
function PairReview(p: { t: T; group: GroupResult; csrf: string; sessionId: string }) {
  const { t, group: g } = p
  const action = `/sessions/${p.sessionId}/evaluation/pairs`
  return (
    <details class="pair-review" open={g.match.ambiguous.length > 0 || g.tolerant.length > 0}>
      <summary>{t('eval.review')}</summary>
      {g.match.duplicates.length ? <p class="small">{t('eval.duplicates', { codes: g.match.duplicates.join(', ') })}</p> : null}
      {g.match.ambiguous.length ? (
        <>
          <p class="small">{t('eval.reviewIntro')}</p>
          <ul>
            {g.match.ambiguous.flatMap((a) =>
              a.candidates.map((c) => (
                <li>
                  <InlineAction action={action} csrf={p.csrf} label={t('eval.pairWith', { pre: a.code, post: c.code })} fields={{ pre: a.pre, post: c.post }} />
                </li>
              )),
            )}
          </ul>
        </>
      ) : null}
      {g.tolerant.length ? (
        <>
          <p class="small">{t('pair.tolerantIntro')}</p>
          <ul>
            {g.tolerant.map((x) => (
              <li>
                {t('pair.tolerant', { pre: x.preCode, post: x.postCode, part: partName(t, x.part) })}{' '}
                <InlineAction action={`${action}/reject`} csrf={p.csrf} label={t('pair.reject')} ariaLabel={t('pair.rejectLabel', { pre: x.preCode, post: x.postCode })} fields={{ pre: x.pre, post: x.post }} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {g.confirmed.length ? (
        <>
          <p class="small">{t('eval.confirmedPairs')}</p>
          <ul>
            {g.confirmed.map((c) => (
              <li>
                <InlineAction action={`${action}/${c.id}/undo`} csrf={p.csrf} label={t('eval.undoPair', { pre: c.preCode, post: c.postCode })} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {g.rejected.length ? (
        <>
          <p class="small">{t('pair.rejectedIntro')}</p>
          <ul>
            {g.rejected.map((r) => (
              <li>
                <InlineAction action={`${action}/rejected/${r.id}/undo`} csrf={p.csrf} label={t('pair.restore', { pre: r.preCode, post: r.postCode })} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </details>
  )
}
