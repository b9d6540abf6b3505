import type { Child } from 'hono/jsx'
import type { T } from '../../messages.ts'
import { formatDate, type Locale } from '../../platform/i18n/i18n.ts'
import type { FieldErrors, FormValues } from '../../platform/http/forms.ts'
import { Checkboxes, ErrorSummary, Field, ListHeader, PostForm, Select } from '../../platform/views/components.tsx'
import { PROGRAMME_STATUSES } from '../programme-form.ts'
import type { Programme, ProgrammeLinks } from '../programme-queries.ts'

import type { Option } from '../../platform/views/components.tsx'

export function ProgrammeListPage(p: { t: T; locale: Locale; programmes: (Programme & ProgrammeLinks)[]; coordinators: Map<string, string>; canEdit: boolean; notice?: string | undefined }) {
  const { t } = p
  return (
    <>
      <ListHeader
        title={t('programme.title')}
        intro={t('programme.intro')}
        notice={p.notice}
        add={p.canEdit ? { href: '/programmes/new', label: t('programme.add') } : undefined}
        empty={p.programmes.length === 0 ? t('programme.empty') : undefined}
      />
      <ul class="cards">
        {p.programmes.map((pr) => (
          <li>
            <a href={`/programmes/${pr.id}`}>
              <strong>{pr.name}</strong>
            </a>{' '}
            <span class="tag">{t(`programmeStatus.${pr.status}`)}</span>
            <p class="muted small">
              {formatDate(p.locale, pr.startsOn)} – {formatDate(p.locale, pr.endsOn)} · {t('programme.coordinator')}: {pr.coordinatorId ? (p.coordinators.get(pr.coordinatorId) ?? '—') : t('programme.noCoordinator')}
            </p>
            {pr.goal ? <p>{pr.goal}</p> : null}
            <p class="small">{t('programme.summary', { areas: pr.areaIds.length, facilitators: pr.facilitatorIds.length, partners: pr.partnerIds.length })}</p>
            {p.canEdit ? (
              <p>
                <a href={`/programmes/${pr.id}/edit`} aria-label={t('programme.editTitle', { name: pr.name })}>
                  {t('programme.edit')}
                </a>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  )
}

export interface ProgrammeFormProps {
  t: T
  csrf: string
  title: string
  action: string
  values: FormValues
  lists: { areaIds: string[]; facilitatorIds: string[]; partnerIds: string[] }
  errors: FieldErrors
  options: { areas: Option[]; coordinators: Option[]; facilitators: Option[]; partners: Option[] }
  children?: Child
}

export function ProgrammeFormPage(p: ProgrammeFormProps) {
  const { t } = p
  return (
    <>
      <h1>{p.title}</h1>
      <ErrorSummary t={t} errors={p.errors} />
      <PostForm action={p.action} csrf={p.csrf}>
        <Field t={t} name="name" label={t('programme.name')} values={p.values} errors={p.errors} required maxlength={160} />
        <Field t={t} name="goal" label={t('programme.goal')} values={p.values} errors={p.errors} maxlength={1000} />
        <Field t={t} name="startsOn" type="date" label={t('programme.startsOn')} values={p.values} errors={p.errors} required />
        <Field t={t} name="endsOn" type="date" label={t('programme.endsOn')} values={p.values} errors={p.errors} required />
        <Select t={t} name="status" label={t('programme.status')} values={p.values} errors={p.errors} options={PROGRAMME_STATUSES.map((s) => ({ value: s, label: t(`programmeStatus.${s}`) }))} required />
        <Select t={t} name="coordinatorId" label={t('programme.coordinator')} values={p.values} errors={p.errors} emptyLabel={t('programme.noCoordinator')} options={p.options.coordinators.map((o) => ({ value: o.id, label: o.label }))} />
        <Checkboxes t={t} name="areaIds" legend={t('programme.areas')} options={p.options.areas} checked={p.lists.areaIds} errors={p.errors} />
        <Checkboxes t={t} name="facilitatorIds" legend={t('programme.facilitators')} options={p.options.facilitators} checked={p.lists.facilitatorIds} errors={p.errors} />
        <Checkboxes t={t} name="partnerIds" legend={t('programme.partners')} options={p.options.partners} checked={p.lists.partnerIds} errors={p.errors} />
        <div class="actions">
          <button type="submit">{t('common.save')}</button>
          <a href="/programmes">{t('common.cancel')}</a>
        </div>
      </PostForm>
    </>
  )
}
