import type { T } from '../../messages.ts'
import { formatDate, formatNumber, formatWallTime, type Locale } from '../../platform/i18n/i18n.ts'
import { TableWrap } from '../../platform/views/components.tsx'
import type { Child } from 'hono/jsx'
import type { ProgrammeReport, ReportNote } from '../programme-report.ts'
import type { Shown } from '../suppression.ts'
import { CoverageBody } from './coverage.tsx'

/** Staff text in paragraphs, one per line they wrote (JSX escapes it). */
const paragraphs = (text: string) => text.split(/\n+/).filter((x) => x.trim()).map((x) => <p>{x}</p>)

function Note(p: { t: T; note: ReportNote; label?: string }) {
  if (!p.note) return null
  if ('withheld' in p.note) return <p class="muted">{p.label ? `${p.label}: ` : ''}{p.t('report.noteWithheld')}</p>
  return p.label ? (
    <>
      <p>
        <strong>{p.label}</strong>
      </p>
      {paragraphs(p.note.text)}
    </>
  ) : (
    <>{paragraphs(p.note.text)}</>
  )
}

/** Each session's notes and follow-ups, as staff wrote them (personal data blanked, disclosures withheld). */
function SessionNotes(p: { t: T; locale: Locale; sessions: ProgrammeReport['sessions']; teamOnly: boolean }) {
  const { t } = p
  if (p.teamOnly) return <p class="muted">{t('report.notesTeamOnly')}</p>
  const noted = p.sessions.filter((s) => s.notes || s.followUps)
  if (noted.length === 0) return <p>{t('report.noNotes')}</p>
  return (
    <>
      {noted.map((s) => (
        <section class="session-notes">
          <h3>
            {s.title} · {formatWallTime(p.locale, s.startsAt)}
          </h3>
          <Note t={t} note={s.notes} />
          <Note t={t} note={s.followUps} label={t('session.followUps')} />
        </section>
      ))}
    </>
  )
}

export function ProgrammeReportPage(p: { t: T; locale: Locale; report: ProgrammeReport; pdfHref: string; knowledge?: Child }) {
  const { t, report: r } = p
  const pr = r.programme
  const n = (v: Shown) => (v === null ? '<5' : formatNumber(p.locale, v))
  return (
    <article class="report">
      <h1>
        {t('report.title')}: {pr.name}
      </h1>
      <p>
        <a class="button" href={p.pdfHref}>
          {t('report.pdf')}
        </a>{' '}
        <a href={`/programmes/${pr.id}/evaluation`}>{t('report.evaluation')}</a>
      </p>
      <dl class="facts">
        <dt>{t('programme.period')}</dt>
        <dd>
          {formatDate(p.locale, pr.startsOn)} – {formatDate(p.locale, pr.endsOn)} · {t(`programmeStatus.${pr.status}`)}
        </dd>
        {pr.goal ? (
          <>
            <dt>{t('programme.goal')}</dt>
            <dd>{pr.goal}</dd>
          </>
        ) : null}
        <dt>{t('programme.coordinator')}</dt>
        <dd>{pr.coordinator ?? '—'}</dd>
        <dt>{t('programme.areas')}</dt>
        <dd>{pr.areas.join(', ') || '—'}</dd>
        <dt>{t('programme.partners')}</dt>
        <dd>{pr.partners.join(', ') || '—'}</dd>
      </dl>
      <p class="small muted">{t('report.generated', { date: formatDate(p.locale, r.generatedOn) })}</p>
      <h2>{t('report.reach')}</h2>
      <CoverageBody t={t} locale={p.locale} coverage={r.coverage} />
      {p.knowledge ? (
        <>
          <h2>{t('report.knowledge')}</h2>
          {p.knowledge}
        </>
      ) : null}
      <h2>{t('session.title')}</h2>
      {r.sessions.length === 0 ? (
        <p>{t('session.none')}</p>
      ) : (
        <TableWrap label={t('session.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('session.when')}</th>
                <th scope="col">{t('session.name')}</th>
                <th scope="col">{t('session.format')}</th>
                <th scope="col">{t('session.area')}</th>
                <th scope="col" class="num">
                  {t('session.people')}
                </th>
              </tr>
            </thead>
            <tbody>
              {r.sessions.map((s) => (
                <tr>
                  <td>{formatWallTime(p.locale, s.startsAt)}</td>
                  <td>
                    {s.title} <span class="muted small">({t(`sessionStatus.${s.status}`)})</span>
                  </td>
                  <td>{t(`sessionFormat.${s.format}`)}</td>
                  <td>{s.area}</td>
                  <td class="num">{s.status === 'cancelled' ? '—' : n(s.people)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <h2>{t('report.notes')}</h2>
      <SessionNotes t={t} locale={p.locale} sessions={r.sessions} teamOnly={r.notesForTeamOnly} />
      <h2>{t('report.referrals')}</h2>
      <p class="small muted">{t('report.referralsNote')}</p>
      <p>
        <strong>{t('report.referralTotal')}:</strong> {n(r.referrals.total)}
      </p>
      <ul>
        {Object.entries(r.referrals.byStatus).map(([status, count]) => (
          <li>
            {t(`referralStatus.${status}` as never)}: {n(count)}
          </li>
        ))}
      </ul>
    </article>
  )
}
