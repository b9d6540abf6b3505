// The programme report's knowledge section (outreach draws the page; see app.ts): the headline and
// each target group's before and after, with the chart of the programme's results page.
import type { T } from '../../messages.ts'
import { formatDate, formatNumber, formatPercent, type Locale } from '../../platform/i18n/i18n.ts'
import { TableWrap } from '../../platform/views/components.tsx'
import type { GroupKnowledge } from '../../outreach/knowledge.ts'
import type { GroupKind } from '../../outreach/target-group-form.ts'
import { BeforeAfterChart } from './group-result.tsx'

export function ReportKnowledge({ t, locale, knowledge: k }: { t: T; locale: Locale; knowledge: GroupKnowledge }) {
  if (k.tooFew) return <p>{t('programmeEval.tooFew')}</p>
  if (k.pairs === 0) return <p>{t('programmeEval.none')}</p>
  const group = (g: string) => t(`group.${g as GroupKind}`)
  return (
    <>
      <p>
        <strong>{t('programmeEval.headline', { pairs: k.pairs, pre: formatPercent(locale, k.before), post: formatPercent(locale, k.after) })}</strong>
      </p>
      {k.byGroup.length ? (
        <>
          <BeforeAfterChart t={t} locale={locale} title={t('report.knowledgeByGroup')} rows={k.byGroup.map((g) => ({ label: t('report.groupPairs', { group: group(g.group), pairs: g.pairs }), before: g.before, after: g.after }))} />
          <TableWrap label={t('report.knowledgeByGroup')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('report.targetGroup')}</th>
                  <th scope="col" class="num">{t('eval.stat.pairs')}</th>
                  <th scope="col" class="num">{t('eval.before')}</th>
                  <th scope="col" class="num">{t('eval.after')}</th>
                </tr>
              </thead>
              <tbody>
                {k.byGroup.map((g) => (
                  <tr>
                    <th scope="row">{group(g.group)}</th>
                    <td class="num">{formatNumber(locale, g.pairs)}</td>
                    <td class="num">{formatPercent(locale, g.before)}</td>
                    <td class="num">{formatPercent(locale, g.after)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      ) : null}
      {k.hiddenGroups ? <p class="small muted">{t('programmeEval.hiddenRows', { count: k.hiddenGroups })}</p> : null}
      {k.asOf ? <p class="small muted">{t('programmeEval.asOf', { date: formatDate(locale, k.asOf) })}</p> : null}
    </>
  )
}
