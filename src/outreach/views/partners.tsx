import type { T } from '../../messages.ts'
import { formatDate, type Locale } from '../../platform/i18n/i18n.ts'
import type { FieldErrors, FormValues } from '../../platform/http/forms.ts'
import { ErrorSummary, Field, ListHeader, Notice, PostForm, Select } from '../../platform/views/components.tsx'
import { PARTNER_KINDS } from '../partner-form.ts'
import type { Partner } from '../partner-queries.ts'

export function PartnerListPage(p: { t: T; locale: Locale; today: string; partners: (Partner & { areaName: string | null })[]; canEdit: boolean; notice?: string | undefined }) {
  const { t } = p
  return (
    <>
      <ListHeader
        title={t('partner.title')}
        intro={t('partner.intro')}
        notice={p.notice}
        add={p.canEdit ? { href: '/partners/new', label: t('partner.add') } : undefined}
        empty={p.partners.length === 0 ? t('partner.empty') : undefined}
      />
      <ul class="cards">
        {p.partners.map((partner) => (
          <li>
            <strong>{partner.name}</strong> <span class="tag">{t(`partnerKind.${partner.kind}`)}</span>
            <p class="muted small">
              {partner.areaName ?? t('partner.noArea')} · <MouStatus t={t} locale={p.locale} today={p.today} partner={partner} />
            </p>
            {partner.roles ? <p>{partner.roles}</p> : null}
            {partner.contactName || partner.contactPhone || partner.contactEmail ? (
              <p class="small">
                {t('partner.contact')}: {[partner.contactName, partner.contactPhone, partner.contactEmail].filter(Boolean).join(' · ')}
              </p>
            ) : null}
            {p.canEdit ? (
              <p>
                <a href={`/partners/${partner.id}/edit`} aria-label={t('partner.editTitle', { name: partner.name })}>
                  {t('partner.edit')}
                </a>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  )
}

function MouStatus({ t, locale, today, partner }: { t: T; locale: Locale; today: string; partner: Partner }) {
  if (!partner.mouStart && !partner.mouEnd) return <>{t('partner.mouNone')}</>
  if (partner.mouEnd && partner.mouEnd < today) return <>{t('partner.mouExpired', { date: formatDate(locale, partner.mouEnd) })}</>
  const range = [partner.mouStart, partner.mouEnd].map((d) => (d ? formatDate(locale, d) : '…')).join(' – ')
  return (
    <>
      {t('partner.mouActive')}: {range}
    </>
  )
}

export interface PartnerFormProps {
  t: T
  csrf: string
  title: string
  action: string
  values: FormValues
  errors: FieldErrors
  areas: { id: string; label: string }[]
  deleteAction?: string | undefined
  problem?: string | undefined
}

export function PartnerFormPage(p: PartnerFormProps) {
  const { t } = p
  return (
    <>
      <h1>{p.title}</h1>
      {p.problem ? <Notice kind="error">{p.problem}</Notice> : null}
      <ErrorSummary t={t} errors={p.errors} />
      <PostForm action={p.action} csrf={p.csrf}>
        <Field t={t} name="name" label={t('partner.name')} values={p.values} errors={p.errors} required maxlength={160} />
        <Select t={t} name="kind" label={t('partner.kind')} values={p.values} errors={p.errors} options={PARTNER_KINDS.map((k) => ({ value: k, label: t(`partnerKind.${k}`) }))} required />
        <Select t={t} name="areaId" label={t('partner.area')} values={p.values} errors={p.errors} emptyLabel={t('partner.noArea')} options={p.areas.map((a) => ({ value: a.id, label: a.label }))} />
        <Field t={t} name="roles" label={t('partner.roles')} values={p.values} errors={p.errors} maxlength={500} />
        <fieldset class="group">
          <legend>{t('partner.contact')}</legend>
          <p class="hint">{t('partner.contactHint')}</p>
          <Field t={t} name="contactName" label={t('partner.contactName')} values={p.values} errors={p.errors} maxlength={120} autocomplete="off" />
          <Field t={t} name="contactPhone" label={t('partner.contactPhone')} values={p.values} errors={p.errors} maxlength={30} autocomplete="off" />
          <Field t={t} name="contactEmail" type="email" label={t('partner.contactEmail')} values={p.values} errors={p.errors} maxlength={254} autocomplete="off" />
        </fieldset>
        <fieldset class="group">
          <legend>{t('partner.helpListing')}</legend>
          <p class="hint">{t('partner.helpListingHint')}</p>
          <Field t={t} name="helpPhone" label={t('partner.helpPhone')} values={p.values} errors={p.errors} maxlength={30} />
          <Field t={t} name="helpHandlesId" label={t('partner.helpHandlesId')} values={p.values} errors={p.errors} maxlength={300} />
          <Field t={t} name="helpHandlesEn" label={t('partner.helpHandlesEn')} values={p.values} errors={p.errors} maxlength={300} />
        </fieldset>
        <fieldset class="group">
          <legend>{t('partner.mou')}</legend>
          <Field t={t} name="mouStart" type="date" label={t('partner.mouStart')} values={p.values} errors={p.errors} />
          <Field t={t} name="mouEnd" type="date" label={t('partner.mouEnd')} values={p.values} errors={p.errors} />
        </fieldset>
        <div class="actions">
          <button type="submit">{t('common.save')}</button>
          <a href="/partners">{t('common.cancel')}</a>
        </div>
      </PostForm>
      {p.deleteAction ? (
        <PostForm action={p.deleteAction} csrf={p.csrf}>
          <button type="submit" class="danger">
            {t('partner.delete')}
          </button>
        </PostForm>
      ) : null}
    </>
  )
}
