import type { T } from '../../messages.ts'
import { formatNumber, formatWallTime, type Locale } from '../../platform/i18n/i18n.ts'
import type { FieldErrors, FormValues } from '../../platform/http/forms.ts'
import { Checkboxes, ErrorSummary, Field, keepMessages, PostForm, Select, TableWrap, type Option } from '../../platform/views/components.tsx'
import { SESSION_FORMATS } from '../session-form.ts'
import type { Clash, SessionWithLinks } from '../sessions.ts'
import { GROUP_KINDS } from '../target-group-form.ts'

/** The time of a session on one line: "27 Nov 2026, 09.00–11.00". */
export function sessionWhen(locale: Locale, s: { startsAt: string; endsAt: string }): string {
  const sameDay = s.startsAt.slice(0, 10) === s.endsAt.slice(0, 10)
  return `${formatWallTime(locale, s.startsAt)}–${sameDay ? formatWallTime(locale, s.endsAt, 'time') : formatWallTime(locale, s.endsAt)}`
}

export function SessionTable(p: { t: T; locale: Locale; sessions: Pick<SessionWithLinks, 'id' | 'title' | 'format' | 'areaId' | 'status' | 'startsAt' | 'endsAt'>[]; people: Map<string, number>; areaNames: Map<string, string>; label: string }) {
  const { t } = p
  if (p.sessions.length === 0) return <p>{t('session.none')}</p>
  return (
    <TableWrap label={p.label}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('session.when')}</th>
            <th scope="col">{t('session.name')}</th>
            <th scope="col">{t('session.area')}</th>
            <th scope="col">{t('session.status')}</th>
            <th scope="col" class="num">
              {t('session.people')}
            </th>
          </tr>
        </thead>
        <tbody>
          {p.sessions.map((s) => (
            <tr>
              <td>{sessionWhen(p.locale, s)}</td>
              <td>
                <a href={`/sessions/${s.id}`}>{s.title}</a>
                <span class="muted small"> · {t(`sessionFormat.${s.format}`)}</span>
              </td>
              <td>{p.areaNames.get(s.areaId) ?? '—'}</td>
              <td>
                <span class={`tag status-${s.status}`}>{t(`sessionStatus.${s.status}`)}</span>
              </td>
              <td class="num">{p.people.has(s.id) ? formatNumber(p.locale, p.people.get(s.id)!) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  )
}

export interface SessionFormProps {
  t: T
  locale: Locale
  csrf: string
  title: string
  action: string
  cancelHref: string
  timeZone: string
  values: FormValues
  lists: { audiences: string[]; facilitatorIds: string[]; partnerIds: string[]; materials: string[] }
  errors: FieldErrors
  clashes: (Clash & { name: string })[]
  options: { areas: Option[]; facilitators: Option[]; partners: Option[]; kits: Option[]; brochures: Option[]; pages: Option[] }
}

export function SessionFormPage(p: SessionFormProps) {
  const { t } = p
  return (
    <>
      <h1>{p.title}</h1>
      <ErrorSummary t={t} errors={p.errors} />
      {p.clashes.length ? (
        <div class="alert alert-error" role="alert">
          <strong>{t('session.clashTitle')}</strong>
          <ul>
            {p.clashes.map((c) => (
              <li>{t('session.clash', { name: c.name, title: c.title, when: formatWallTime(p.locale, c.startsAt) })}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <PostForm action={p.action} csrf={p.csrf} keep={keepMessages(t)}>
        <input type="hidden" name="programmeId" value={p.values.programmeId ?? ''} />
        <Field t={t} name="title" label={t('session.name')} values={p.values} errors={p.errors} required maxlength={160} />
        <Select t={t} name="format" label={t('session.format')} values={p.values} errors={p.errors} required options={SESSION_FORMATS.map((f) => ({ value: f, label: t(`sessionFormat.${f}`) }))} />
        <Select t={t} name="areaId" label={t('session.area')} values={p.values} errors={p.errors} required options={p.options.areas.map((a) => ({ value: a.id, label: a.label }))} />
        <Field t={t} name="venue" label={t('session.venue')} values={p.values} errors={p.errors} maxlength={300} />
        <Field t={t} name="onlineLink" type="url" label={t('session.onlineLink')} values={p.values} errors={p.errors} maxlength={500} />
        <Field t={t} name="startsAt" type="datetime-local" label={t('session.startsAt')} hint={t('session.timeHint', { zone: p.timeZone })} values={p.values} errors={p.errors} required />
        <Field t={t} name="endsAt" type="datetime-local" label={t('session.endsAt')} values={p.values} errors={p.errors} required />
        <Checkboxes t={t} name="audiences" legend={t('session.audiences')} options={GROUP_KINDS.map((g) => ({ id: g, label: t(`group.${g}`) }))} checked={p.lists.audiences} errors={p.errors} />
        <Checkboxes t={t} name="facilitatorIds" legend={t('session.facilitators')} options={p.options.facilitators} checked={p.lists.facilitatorIds} errors={p.errors} />
        <Checkboxes t={t} name="partnerIds" legend={t('session.partners')} options={p.options.partners} checked={p.lists.partnerIds} errors={p.errors} />
        <details class="materials" open={p.lists.materials.length > 0 || Boolean(p.errors.materials)}>
          <summary>
            {t('session.materials')} <span class="muted small">{t('session.materialsHint')}</span>
          </summary>
          <Checkboxes t={t} name="materials" legend={t('session.kits')} options={p.options.kits} checked={p.lists.materials} errors={p.errors} />
          <Checkboxes t={t} name="materials" legend={t('session.brochures')} options={p.options.brochures} checked={p.lists.materials} errors={{}} />
          <Checkboxes t={t} name="materials" legend={t('session.pages')} options={p.options.pages} checked={p.lists.materials} errors={{}} />
        </details>
        {p.clashes.length ? (
          <label class="option">
            <input type="checkbox" name="confirmOverlap" value="1" /> {t('session.confirmOverlap')}
          </label>
        ) : null}
        <div class="actions">
          <button type="submit">{t('common.save')}</button>
          <a href={p.cancelHref}>{t('common.cancel')}</a>
        </div>
      </PostForm>
    </>
  )
}
