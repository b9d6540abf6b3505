import type { FieldErrors, FormValues } from '../../platform/http/forms.ts'
import { Field, Select, TableWrap } from '../../platform/views/components.tsx'
import { formatDateTime, type Locale } from '../../platform/i18n/i18n.ts'
import type { T } from '../../messages.ts'
import type { AuditEntry } from '../audit-queries.ts'

export interface AuditPageProps {
  t: T
  locale: Locale
  entries: AuditEntry[]
  actions: string[]
  values: FormValues
  errors: FieldErrors
  page: number
  hasNext: boolean
}

export function AuditPage(p: AuditPageProps) {
  const { t } = p
  const pageLink = (page: number) => {
    const q = new URLSearchParams({ ...p.values, page: String(page) })
    return `/admin/audit?${q.toString()}`
  }
  return (
    <>
      <h1>{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>
      <form method="get" action="/admin/audit" class="filters">
        <Field t={t} name="actor" type="email" label={t('audit.actor')} values={p.values} errors={p.errors} />
        <Select t={t} name="action" label={t('audit.action')} values={p.values} errors={p.errors} emptyLabel={t('audit.allActions')} options={p.actions.map((a) => ({ value: a, label: a }))} />
        <Field t={t} name="from" type="date" label={t('audit.from')} values={p.values} errors={p.errors} />
        <Field t={t} name="to" type="date" label={t('audit.to')} values={p.values} errors={p.errors} />
        <div class="field">
          <button type="submit">{t('common.filter')}</button>
        </div>
      </form>
      {p.entries.length === 0 ? (
        <p>{t('audit.empty')}</p>
      ) : (
        <TableWrap label={t('audit.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.summary')}</th>
              </tr>
            </thead>
            <tbody>
              {p.entries.map((e) => (
                <tr>
                  <td>{formatDateTime(p.locale, e.at)}</td>
                  <td>{e.actorLabel}</td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td>{describeSummary(e.summary)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <div class="actions">
        {p.page > 1 ? <a href={pageLink(p.page - 1)}>{t('common.previous')}</a> : null}
        {p.hasNext ? <a href={pageLink(p.page + 1)}>{t('common.next')}</a> : null}
      </div>
    </>
  )
}

/** "role: facilitator → coordinator; email: a@b.org" from the stored JSON. */
export function describeSummary(json: string): string {
  let data: Record<string, unknown>
  try {
    data = JSON.parse(json) as Record<string, unknown>
  } catch {
    return json
  }
  return Object.entries(data)
    .map(([k, v]) => `${k}: ${Array.isArray(v) && v.length === 2 ? `${show(v[0])} → ${show(v[1])}` : show(v)}`)
    .join('; ')
}

const show = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v))
