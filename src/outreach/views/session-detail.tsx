import type { T } from '../../messages.ts'
import { formatNumber, type Locale } from '../../platform/i18n/i18n.ts'
import type { FieldErrors, FormValues } from '../../platform/http/forms.ts'
import { ErrorSummary, Field, keepMessages, Notice, PostForm, TableWrap, TextArea } from '../../platform/views/components.tsx'
import { ageBandsOf, cellField, GENDERS, type AttendanceCell } from '../session-form.ts'
import type { SessionWithLinks } from '../sessions.ts'
import { sessionWhen } from './sessions.tsx'

export interface SessionDetailProps {
  t: T
  locale: Locale
  csrf: string
  session: SessionWithLinks
  programme: { id: string; name: string }
  names: { area: string; users: Map<string, string>; partners: Map<string, string> }
  materials: { label: string; href: string }[]
  attendance: AttendanceCell[]
  /** What this user may do now. */
  may: { edit: boolean; cancel: boolean; record: boolean; report: boolean; refer?: boolean }
  started: boolean
  values: FormValues
  errors: FieldErrors
  notice?: string | undefined
}

export function SessionDetailPage(p: SessionDetailProps) {
  const { t, session: s } = p
  const list = (ids: string[], names: Map<string, string>) => (ids.length ? ids.map((id) => names.get(id) ?? '—').join(', ') : t('programme.none'))
  const total = p.attendance.reduce((n, c) => n + c.count, 0)
  return (
    <>
      <p class="small">
        <a href={`/programmes/${p.programme.id}`}>← {p.programme.name}</a>
      </p>
      <h1>{s.title}</h1>
      {p.notice ? <Notice kind="success">{p.notice}</Notice> : null}
      <p>
        <span class={`tag status-${s.status}`}>{t(`sessionStatus.${s.status}`)}</span> {t(`sessionFormat.${s.format}`)} · {sessionWhen(p.locale, s)}
      </p>
      {s.status === 'cancelled' && s.cancelReason ? <p class="alert alert-info">{t('session.cancelledBecause', { reason: s.cancelReason })}</p> : null}
      <dl class="facts">
        <dt>{t('session.area')}</dt>
        <dd>{p.names.area}</dd>
        {s.venue ? (
          <>
            <dt>{t('session.venue')}</dt>
            <dd>{s.venue}</dd>
          </>
        ) : null}
        {s.onlineLink ? (
          <>
            <dt>{t('session.onlineLink')}</dt>
            <dd>
              <a href={s.onlineLink} rel="noopener noreferrer">
                {s.onlineLink}
              </a>
            </dd>
          </>
        ) : null}
        <dt>{t('session.audiences')}</dt>
        <dd>{s.audiences.map((g) => t(`group.${g}`)).join(', ')}</dd>
        <dt>{t('session.facilitators')}</dt>
        <dd>{list(s.facilitatorIds, p.names.users)}</dd>
        <dt>{t('session.partners')}</dt>
        <dd>{list(s.partnerIds, p.names.partners)}</dd>
        <dt>{t('session.materials')}</dt>
        <dd>
          {p.materials.length
            ? p.materials.map((m, i) => (
                <>
                  {i ? ', ' : ''}
                  <a href={m.href}>{m.label}</a>
                </>
              ))
            : t('programme.none')}
        </dd>
      </dl>
      {p.may.edit && s.status !== 'cancelled' ? (
        <p>
          <a href={`/sessions/${s.id}/edit`}>{t('session.edit')}</a>
        </p>
      ) : null}

      <h2>{t('session.evaluation')}</h2>
      <p>
        <a href={`/sessions/${s.id}/evaluation`}>{t('session.evaluationLink')}</a>
      </p>

      <h2 id="attendance">{t('attendance.title')}</h2>
      {total > 0 && !p.notice ? <p>{t('attendance.saved', { count: total })}</p> : null}
      {s.status === 'cancelled' ? null : !p.started ? (
        <p class="muted">{t('attendance.notYet')}</p>
      ) : p.may.record ? (
        <AttendanceForm {...p} />
      ) : (
        <AttendanceTable {...p} />
      )}

      {p.may.report && (s.status === 'held' || s.status === 'reported') ? (
        <>
          <h2 id="report">{t('session.report')}</h2>
          <PostForm action={`/sessions/${s.id}/report`} csrf={p.csrf} keep={keepMessages(t)}>
            <p class="hint">{t('session.noPii')}</p>
            <TextArea t={t} name="notes" label={t('session.notes')} values={{ notes: s.notes ?? '', ...p.values }} errors={p.errors} maxlength={2000} rows={6} />
            <TextArea t={t} name="followUps" label={t('session.followUps')} values={{ followUps: s.followUps ?? '', ...p.values }} errors={p.errors} maxlength={2000} rows={4} />
            <button type="submit">{t('session.markReported')}</button>
          </PostForm>
        </>
      ) : s.notes || s.followUps ? (
        <>
          <h2 id="report">{t('session.report')}</h2>
          {s.notes ? <p>{s.notes}</p> : null}
          {s.followUps ? (
            <p>
              <strong>{t('session.followUps')}:</strong> {s.followUps}
            </p>
          ) : null}
        </>
      ) : null}
      {p.may.refer && s.status !== 'cancelled' && p.started ? (
        <p>
          {t('session.disclosureHint')} <a href={`/referrals/new?session=${s.id}`}>{t('referral.add')}</a>
        </p>
      ) : null}

      {p.may.cancel && s.status === 'planned' ? (
        // Away from the main flow: cancelling is rare and cannot be undone. Open when its form came back with an error.
        <details class="more-actions" open={p.errors.reason ? true : undefined}>
          <summary>{t('session.moreActions')}</summary>
          <h2>{t('session.cancel')}</h2>
          <PostForm action={`/sessions/${s.id}/cancel`} csrf={p.csrf}>
            <Field t={t} name="reason" label={t('session.cancelReason')} values={p.values} errors={p.errors} required maxlength={500} />
            <button type="submit" class="secondary">
              {t('session.cancel')}
            </button>
          </PostForm>
        </details>
      ) : null}
    </>
  )
}

/** The rows of the attendance grid: each audience of the session with each age band it can have. */
const gridRows = (s: SessionWithLinks) => s.audiences.flatMap((group) => ageBandsOf(group).map((band) => ({ group, band })))

const count = (cells: AttendanceCell[], key: string) => cells.find((c) => cellField(c) === key)?.count

/** The grid a facilitator fills in: one row per audience and age band, one number per gender. */
function AttendanceForm(p: SessionDetailProps) {
  const { t, session: s } = p
  const grid = new Set(gridRows(s).flatMap(({ group, band }) => GENDERS.map((gender) => cellField({ groupKind: group, gender, ageBand: band }))))
  // Cells the grid does not have (sent by hand or by an old page) still get their message.
  const elsewhere = Object.entries(p.errors).filter(([field]) => field.startsWith('n.') && !grid.has(field))
  return (
    <PostForm action={`/sessions/${s.id}/attendance`} csrf={p.csrf} class="attendance" keep={keepMessages(t)}>
      <p class="hint">{t('attendance.intro')}</p>
      <ErrorSummary t={t} errors={p.errors} />
      {elsewhere.map(([, e]) => (
        <p class="error">{t(e.message as never)}</p>
      ))}
      <TableWrap label={t('attendance.title')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('session.audiences')}</th>
              {GENDERS.map((g) => (
                <th scope="col">{t(`gender.${g}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {gridRows(s).map(({ group, band }) => (
                <tr>
                  <th scope="row">
                    {t(`group.${group}`)} <span class="muted small">({t(`ageBand.${band}`)})</span>
                  </th>
                  {GENDERS.map((gender) => {
                    const name = cellField({ groupKind: group, gender, ageBand: band })
                    const error = p.errors[name]
                    const saved = count(p.attendance, name)
                    return (
                      <td class={error ? 'has-error' : undefined}>
                        <input
                          type="text"
                          inputmode="numeric"
                          pattern="[0-9]*"
                          size={4}
                          name={name}
                          value={p.values[name] ?? (saved === undefined ? '' : String(saved))}
                          aria-label={t('attendance.cell', { group: t(`group.${group}`), gender: t(`gender.${gender}`), band: t(`ageBand.${band}`) })}
                          aria-invalid={error ? 'true' : undefined}
                          aria-describedby={error ? `${name}-error` : undefined}
                        />
                        {error ? (
                          <span class="error" id={`${name}-error`}>
                            {t(error.message as never)}
                          </span>
                        ) : null}
                      </td>
                    )
                  })}
                </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <button type="submit">{t('attendance.save')}</button>
    </PostForm>
  )
}

function AttendanceTable(p: SessionDetailProps) {
  const { t, session: s } = p
  if (p.attendance.length === 0) return <p class="muted">{t('programme.none')}</p>
  return (
    <TableWrap label={t('attendance.title')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('session.audiences')}</th>
            {GENDERS.map((g) => (
              <th scope="col" class="num">
                {t(`gender.${g}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {gridRows(s).map(({ group, band }) => (
            <tr>
              <th scope="row">
                {t(`group.${group}`)} ({t(`ageBand.${band}`)})
              </th>
              {GENDERS.map((gender) => (
                <td class="num">{formatNumber(p.locale, count(p.attendance, cellField({ groupKind: group, gender, ageBand: band })) ?? 0)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  )
}
