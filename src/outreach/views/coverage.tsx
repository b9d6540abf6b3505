import type { T } from '../../messages.ts'
import { formatDate, formatNumber, formatPercent, type Locale } from '../../platform/i18n/i18n.ts'
import { BarChart } from '../../platform/views/bar-chart.tsx'
import { Notice, TableWrap } from '../../platform/views/components.tsx'
import type { Coverage } from '../coverage.ts'
import type { Shown } from '../suppression.ts'

export function CoverageBody(p: { t: T; locale: Locale; coverage: Coverage; headingLevel?: 2 | 3 }) {
  const { t, coverage: cv } = p
  const n = (v: Shown) => (v === null ? t('coverage.hidden') : formatNumber(p.locale, v))
  const fmt = (v: number) => formatNumber(p.locale, v)
  const top = cv.rows.filter((r) => r.depth === 0)
  return (
    <>
      <p class="lead">
        {t('coverage.summary', { reached: cv.totals.areasReached, areas: cv.totals.areas, sessions: cv.totals.sessionsHeld, people: cv.totals.people ?? t('coverage.hidden') })}
      </p>
      {cv.suppressed ? <Notice>{t('coverage.suppressedNote')}</Notice> : null}
      <div class="charts">
        <BarChart title={t('coverage.chartByArea')} bars={top.map((r) => ({ label: r.name, value: r.people }))} format={fmt} hiddenLabel={t('coverage.hidden')} />
        <BarChart title={t('coverage.chartByGroup')} bars={cv.groups.map((g, i) => ({ label: t(`group.${g}`), value: cv.totals.byGroup[i]! }))} format={fmt} hiddenLabel={t('coverage.hidden')} />
      </div>
      <TableWrap label={t('coverage.tableLabel')}>
        <table class="coverage wide">
          <thead>
            <tr>
              <th scope="col">{t('session.area')}</th>
              <th scope="col" class="num">
                <abbr title={t('coverage.sessionsHeld')}>{t('coverage.short.sessionsHeld')}</abbr>
              </th>
              <th scope="col" class="num">
                <abbr title={t('coverage.people')}>{t('coverage.short.people')}</abbr>
              </th>
              {cv.groups.map((g) => (
                <th scope="col" class="num">
                  <abbr title={t(`group.${g}`)}>{t(`coverage.short.${g}`)}</abbr>
                </th>
              ))}
              <th scope="col" class="knowledge">
                <abbr title={t('coverage.knowledge')}>{t('coverage.short.knowledge')}</abbr>
              </th>
              <th scope="col" class="date">{t('visitPlan.lastVisit')}</th>
              <th scope="col" class="date">{t('visitPlan.nextDue')}</th>
            </tr>
          </thead>
          <tbody>
            {cv.rows.map((r) => (
              <tr class={r.depth ? 'sub' : undefined}>
                <th scope="row">
                  {r.depth ? '— ' : ''}
                  {r.name}
                  {r.neverReached ? <span class="tag never"> {t('coverage.neverReached')}</span> : null}
                </th>
                <td class="num">{fmt(r.sessionsHeld)}</td>
                <td class="num">
                  {n(r.people)}
                  {r.targetSize && r.people !== null ? <span class="muted small"> / {fmt(r.targetSize)}</span> : null}
                </td>
                {r.byGroup.map((v) => (
                  <td class="num">{n(v)}</td>
                ))}
                <td>
                  {!r.knowledge
                    ? '—'
                    : r.knowledge.pairs === null
                      ? t('coverage.notEnough')
                      : t('coverage.knowledgeCell', { pre: formatPercent(p.locale, r.knowledge.preShare), post: formatPercent(p.locale, r.knowledge.postShare), pairs: fmt(r.knowledge.pairs) })}
                </td>
                <td class="date">{r.lastVisit ? formatDate(p.locale, r.lastVisit) : t('visitPlan.never')}</td>
                <td class={r.overdue ? 'date overdue' : 'date'}>
                  {r.nextDue ? formatDate(p.locale, r.nextDue) : '—'}
                  {r.overdue ? ` · ${t('visitPlan.overdue')}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('attendance.total')}</th>
              <td class="num">{fmt(cv.totals.sessionsHeld)}</td>
              <td class="num">{n(cv.totals.people)}</td>
              {cv.totals.byGroup.map((v) => (
                <td class="num">{n(v)}</td>
              ))}
              <td></td>
              <td></td>
              <td></td>
            </tr>
          </tfoot>
        </table>
      </TableWrap>
      <p class="small muted">
        {t('coverage.knowledgeNote')}
        {cv.knowledgeAsOf ? ` ${t('coverage.knowledgeAsOf', { date: formatDate(p.locale, cv.knowledgeAsOf) })}` : ''}
      </p>
    </>
  )
}

export function CoveragePage(p: { t: T; locale: Locale; programmes: { id: string; name: string }[]; coverage: Coverage | undefined; unlinkedPartner?: boolean }) {
  const { t } = p
  return (
    <>
      <h1>{t('coverage.title')}</h1>
      <p>{t('coverage.intro')}</p>
      {p.unlinkedPartner ? <Notice>{t('coverage.unlinkedPartner')}</Notice> : null}
      {p.programmes.length === 0 ? (
        <p class="muted">{t('programme.empty')}</p>
      ) : (
        <form method="get" action="/coverage" class="filters">
          <div class="field">
            <label for="f-programme">{t('session.programme')}</label>
            <select id="f-programme" name="programme">
              {p.programmes.map((pr) => (
                <option value={pr.id} selected={pr.id === p.coverage?.programme.id}>
                  {pr.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="secondary">
            {t('common.filter')}
          </button>
        </form>
      )}
      {p.coverage ? (
        <>
          <h2>{p.coverage.programme.name}</h2>
          <p>
            <a href={`/programmes/${p.coverage.programme.id}/report`}>{t('report.open')}</a>
          </p>
          <CoverageBody t={t} locale={p.locale} coverage={p.coverage} />
        </>
      ) : null}
    </>
  )
}
