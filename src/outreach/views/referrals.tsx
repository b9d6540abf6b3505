import type { T } from '../../messages.ts'
import { formatDate, type Locale } from '../../platform/i18n/i18n.ts'
import type { FieldErrors, FormValues } from '../../platform/http/forms.ts'
import { ErrorSummary, Field, ListHeader, PostForm, Select, TableWrap, TextArea, type Option } from '../../platform/views/components.tsx'
import { CONCERNS, CONSENTS, NOTE_MAX, REFERRAL_AGE_BANDS, REFERRAL_STATUSES } from '../referral-form.ts'
import type { Referral, ReferralUpdate } from '../referrals.ts'

export interface HelpChannelView {
  id: string
  name: string
  handles: string
  contacts: { kind: string; value: string }[]
}

export const contactHref = (c: { kind: string; value: string }) =>
  c.kind === 'phone' ? `tel:${c.value.replace(/[^\d+]/g, '')}` : c.kind === 'whatsapp' ? `https://wa.me/${c.value.replace(/\D/g, '').replace(/^0/, '62')}` : c.kind === 'email' ? `mailto:${c.value}` : c.value.startsWith('http') ? c.value : `https://${c.value}`

/** Where to get help now: shown beside every referral form, so no one has to search for it. */
export function HelpBox(p: { t: T; helpUrl: string; channels: HelpChannelView[] }) {
  return (
    <aside class="help-box" aria-labelledby="help-now">
      <h2 id="help-now">{p.t('referral.helpNow')}</h2>
      <p>{p.t('referral.helpIntro')}</p>
      <ul>
        {p.channels.map((c) => (
          <li>
            <strong>{c.name}</strong>:{' '}
            {c.contacts.map((x, i) => (
              <>
                {i ? ', ' : ''}
                <a class={x.kind === 'phone' || x.kind === 'whatsapp' ? 'nowrap' : undefined} href={contactHref(x)}>{x.value}</a>
              </>
            ))}
          </li>
        ))}
      </ul>
      <p>
        <a href={p.helpUrl}>{p.t('referral.allChannels')}</a>
      </p>
    </aside>
  )
}

export interface ReferralNames {
  areas: Map<string, string>
  partners: Map<string, string>
  /** Help-directory channels by id. */
  channels: Map<string, string>
  users: Map<string, string>
}

/** Where a referral went: its partner, or its help-directory channel (by id if the directory no longer lists it). */
const serviceName = (r: Referral, names: ReferralNames) => (r.partnerId ? (names.partners.get(r.partnerId) ?? '—') : r.channelId ? (names.channels.get(r.channelId) ?? r.channelId) : '—')

export function ReferralListPage(p: { t: T; locale: Locale; referrals: Referral[]; names: ReferralNames; today: string; notice?: string | undefined }) {
  const { t } = p
  return (
    <>
      <ListHeader title={t('referral.title')} intro={t('referral.intro')} notice={p.notice} add={{ href: '/referrals/new', label: t('referral.add') }} empty={p.referrals.length ? undefined : t('referral.empty')} />
      {p.referrals.length ? (
        <TableWrap label={t('referral.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('referral.occurredOn')}</th>
                <th scope="col">{t('referral.concern')}</th>
                <th scope="col">{t('referral.area')}</th>
                <th scope="col">{t('referral.ageBand')}</th>
                <th scope="col">{t('referral.service')}</th>
                <th scope="col">{t('referral.status')}</th>
                <th scope="col">{t('referral.nextFollowUp')}</th>
              </tr>
            </thead>
            <tbody>
              {p.referrals.map((r) => (
                <tr>
                  <td>
                    <a href={`/referrals/${r.id}`}>{formatDate(p.locale, r.occurredOn)}</a>
                  </td>
                  <td>{t(`concern.${r.concern}`)}</td>
                  <td>{p.names.areas.get(r.areaId) ?? '—'}</td>
                  <td>{t(`referralAge.${r.ageBand}`)}</td>
                  <td>{serviceName(r, p.names)}</td>
                  <td>{t(`referralStatus.${r.status}`)}</td>
                  <td class={r.nextFollowUp && r.nextFollowUp < p.today ? 'overdue' : undefined}>{r.nextFollowUp ? formatDate(p.locale, r.nextFollowUp) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
    </>
  )
}

export interface ReferralFormProps {
  t: T
  csrf: string
  values: FormValues
  errors: FieldErrors
  options: { villages: Option[]; partners: Option[]; channels: Option[]; programmes: Option[] }
  help: { helpUrl: string; channels: HelpChannelView[] }
}

export function ReferralFormPage(p: ReferralFormProps) {
  const { t } = p
  const choose = (keys: readonly string[], prefix: string) => keys.map((k) => ({ value: k, label: t(`${prefix}.${k}` as never) }))
  return (
    <>
      <h1>{t('referral.add')}</h1>
      <HelpBox t={t} {...p.help} />
      <div class="alert alert-warn" role="note">
        <p>{t('referral.minimumWarning')}</p>
      </div>
      <ErrorSummary t={t} errors={p.errors} />
      <PostForm action="/referrals" csrf={p.csrf}>
        <Field t={t} name="occurredOn" type="date" label={t('referral.occurredOn')} values={p.values} errors={p.errors} required />
        <Select t={t} name="areaId" emptyLabel={t('referral.choose')} label={t('referral.area')} values={p.values} errors={p.errors} required options={p.options.villages.map((o) => ({ value: o.id, label: o.label }))} />
        <Select t={t} name="ageBand" emptyLabel={t('referral.choose')} label={t('referral.ageBand')} values={p.values} errors={p.errors} required options={choose(REFERRAL_AGE_BANDS, 'referralAge')} />
        <Select t={t} name="concern" emptyLabel={t('referral.choose')} label={t('referral.concern')} values={p.values} errors={p.errors} required options={choose(CONCERNS, 'concern')} />
        <Select
          t={t}
          name="service"
          emptyLabel={t('referral.choose')}
          label={t('referral.service')}
          values={p.values}
          errors={p.errors}
          required
          options={[]}
          groups={[
            { label: t('referral.helpChannels'), options: p.options.channels.map((o) => ({ value: `channel:${o.id}`, label: o.label })) },
            ...(p.options.partners.length ? [{ label: t('referral.partnerServices'), options: p.options.partners.map((o) => ({ value: `partner:${o.id}`, label: o.label })) }] : []),
          ]}
        />
        <Select t={t} name="consent" emptyLabel={t('referral.choose')} label={t('referral.consent')} values={p.values} errors={p.errors} required options={choose(CONSENTS, 'consent')} />
        <Select t={t} name="programmeId" label={t('session.programme')} values={p.values} errors={p.errors} emptyLabel={t('referral.noProgramme')} options={p.options.programmes.map((o) => ({ value: o.id, label: o.label }))} />
        <Field t={t} name="nextFollowUp" type="date" label={t('referral.nextFollowUp')} values={p.values} errors={p.errors} />
        <TextArea t={t} name="note" label={t('referral.note')} hint={t('referral.noteHint', { max: NOTE_MAX })} values={p.values} errors={p.errors} maxlength={NOTE_MAX} />
        <div class="actions">
          <button type="submit">{t('common.save')}</button>
          <a href="/referrals">{t('common.cancel')}</a>
        </div>
      </PostForm>
    </>
  )
}

export function ReferralDetailPage(p: { t: T; locale: Locale; csrf: string; referral: Referral & { updates: ReferralUpdate[] }; names: ReferralNames; values: FormValues; errors: FieldErrors; help: { helpUrl: string; channels: HelpChannelView[] } }) {
  const { t, referral: r } = p
  return (
    <>
      <p class="small">
        <a href="/referrals">← {t('referral.title')}</a>
      </p>
      <h1>
        {t(`concern.${r.concern}`)} · {formatDate(p.locale, r.occurredOn)}
      </h1>
      <dl class="facts">
        <dt>{t('referral.status')}</dt>
        <dd>{t(`referralStatus.${r.status}`)}</dd>
        <dt>{t('referral.area')}</dt>
        <dd>{p.names.areas.get(r.areaId) ?? '—'}</dd>
        <dt>{t('referral.ageBand')}</dt>
        <dd>{t(`referralAge.${r.ageBand}`)}</dd>
        <dt>{t('referral.service')}</dt>
        <dd>{serviceName(r, p.names)}</dd>
        <dt>{t('referral.consent')}</dt>
        <dd>{t(`consent.${r.consent}`)}</dd>
        <dt>{t('referral.nextFollowUp')}</dt>
        <dd>{r.nextFollowUp ? formatDate(p.locale, r.nextFollowUp) : '—'}</dd>
        {r.note ? (
          <>
            <dt>{t('referral.note')}</dt>
            <dd>{r.note}</dd>
          </>
        ) : null}
      </dl>
      <h2>{t('referral.history')}</h2>
      <ol>
        {r.updates.map((u) => (
          <li>
            {formatDate(p.locale, u.onDate)}: {t(`referralStatus.${u.status}`)} ({p.names.users.get(u.byUser) ?? '—'}){u.note ? ` · ${u.note}` : ''}
          </li>
        ))}
      </ol>
      {r.status !== 'closed' ? (
        <>
          <h2>{t('referral.followUp')}</h2>
          <ErrorSummary t={t} errors={p.errors} />
          <PostForm action={`/referrals/${r.id}/updates`} csrf={p.csrf}>
            <Select t={t} name="status" label={t('referral.status')} values={{ status: r.status, ...p.values }} errors={p.errors} options={REFERRAL_STATUSES.map((s) => ({ value: s, label: t(`referralStatus.${s}`) }))} required />
            <Field t={t} name="onDate" type="date" label={t('referral.onDate')} values={p.values} errors={p.errors} required />
            <Field t={t} name="nextFollowUp" type="date" label={t('referral.nextFollowUp')} values={p.values} errors={p.errors} />
            <TextArea t={t} name="note" label={t('referral.note')} hint={t('referral.noteHint', { max: NOTE_MAX })} values={p.values} errors={p.errors} maxlength={NOTE_MAX} />
            <button type="submit">{t('common.save')}</button>
          </PostForm>
        </>
      ) : null}
      <HelpBox t={t} {...p.help} />
    </>
  )
}
