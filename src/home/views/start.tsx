import type { Child } from 'hono/jsx'
import type { T } from '../../messages.ts'
import { formatDate, formatNumber, formatPercent, type Locale } from '../../platform/i18n/i18n.ts'
import { localNow } from '../../outreach/session-rules.ts'
import { sessionWhen as when } from '../../outreach/views/sessions.tsx'
import { LastBackupNote } from '../../platform/backup/views/last-backup.tsx'
import { RetentionNote } from '../../evaluation/views/retention-note.tsx'
import type { HomeData, HomeSession } from '../home-data.ts'
import { START_PATH } from '../../accounts/sign-in-routes.tsx'

interface Props {
  t: T
  locale: Locale
  timeZone: string
  name: string
  data: HomeData
}

export function StartPage({ t, locale, timeZone, name, data }: Props) {
  return (
    <>
      <h1>{t('start.title')}</h1>
      <p class="lead">{t('start.greeting', { name })}</p>
      {data.partnerProgrammes ? <PartnerProgrammes t={t} locale={locale} data={data} /> : null}
      {data.upcoming ? <MySessions t={t} locale={locale} sessions={data.upcoming} today={data.today} /> : null}
      {data.toReport ? <ToReport t={t} locale={locale} data={data.toReport} /> : null}
      {data.toReview ? <ToReview t={t} locale={locale} sessions={data.toReview} more={data.moreToReview ?? false} older={data.reviewOlder ?? false} /> : null}
      {data.openDisclosures !== undefined ? <Disclosures t={t} count={data.openDisclosures} /> : null}
      {data.overdueVisits ? <OverdueVisits t={t} locale={locale} v={data.overdueVisits} /> : null}
      {data.libraryEdits ? <LibraryEdits t={t} locale={locale} timeZone={timeZone} edits={data.libraryEdits} /> : null}
      {data.questionnaires ? <Questionnaires t={t} locale={locale} timeZone={timeZone} rows={data.questionnaires} /> : null}
      {data.progress ? <Progress t={t} locale={locale} progress={data.progress} /> : null}
      {data.invitedUsers ? <Invited t={t} locale={locale} timeZone={timeZone} users={data.invitedUsers} /> : null}
      {data.lastBackup !== undefined ? (
        <section>
          <h2>{t('start.backups')}</h2>
          <LastBackupNote t={t} locale={locale} timeZone={timeZone} backup={data.lastBackup ?? undefined} />
        </section>
      ) : null}
      {data.retention ? <RetentionNote t={t} locale={locale} timeZone={timeZone} retention={data.retention} /> : null}
    </>
  )
}

/** A start-page section: its heading, then its content, or (when there is nothing) a muted line saying so. */
function Section({ id, title, shown, none, after, children }: { id: string; title: string; shown: boolean; none: string; after?: Child; children?: Child }) {
  return (
    <section>
      <h2 id={id}>{title}</h2>
      {shown ? children : <p class="muted">{none}</p>}
      {after ?? null}
    </section>
  )
}

function SessionCard({ t, locale, s, tasks }: { t: T; locale: Locale; s: HomeSession; tasks: 'run' | 'report' | 'review' }) {
  const base = `/sessions/${s.id}`
  return (
    <li>
      <a href={base}>{s.title}</a>
      <p class="small">
        {when(locale, s)} · {t(`sessionFormat.${s.format}`)} · <span class={`tag status-${s.status}`}>{t(`sessionStatus.${s.status}`)}</span>
      </p>
      {tasks === 'review' ? (
        <p class="row-actions">
          {s.queue.comments ? <a href={`${base}/evaluation/comments`}>{t('start.comments', { count: formatNumber(locale, s.queue.comments) })}</a> : null}
          {s.queue.held ? <a href={`${base}/evaluation/answers?status=held`}>{t('start.held', { count: formatNumber(locale, s.queue.held) })}</a> : null}
          {s.queue.pairs ? <a href={`${base}/evaluation`}>{t('start.pairs', { count: formatNumber(locale, s.queue.pairs) })}</a> : null}
        </p>
      ) : (
        <p class="row-actions">
          {tasks === 'run' ? <a href={`${base}/evaluation`}>{t('start.links')}</a> : null}
          {tasks === 'run' ? <a href={`${base}/evaluation/qr`}>{t('start.qr')}</a> : null}
          <a href={`${base}#attendance`}>{t('start.attendance')}</a>
          {/* The report form opens once attendance makes the session held: before, the link would lead nowhere. */}
          {s.status === 'held' || s.status === 'reported' ? <a href={`${base}#report`}>{t('start.report')}</a> : null}
        </p>
      )}
    </li>
  )
}

function MySessions({ t, locale, sessions, today }: { t: T; locale: Locale; sessions: HomeSession[]; today: string }) {
  const todays = sessions.filter((s) => s.startsAt.slice(0, 10) === today)
  const later = sessions.filter((s) => s.startsAt.slice(0, 10) > today)
  return (
    <section>
      <h2 id="start-sessions">{t('start.mySessions')}</h2>
      <h3>{t('start.today')}</h3>
      {todays.length ? <ul class="cards">{todays.map((s) => <SessionCard t={t} locale={locale} s={s} tasks="run" />)}</ul> : <p class="muted">{t('start.noSessionsToday')}</p>}
      <h3>{t('start.thisWeek')}</h3>
      {later.length ? <ul class="cards">{later.map((s) => <SessionCard t={t} locale={locale} s={s} tasks="run" />)}</ul> : <p class="muted">{t('start.noSessionsWeek')}</p>}
    </section>
  )
}

function ToReport({ t, locale, data }: { t: T; locale: Locale; data: NonNullable<HomeData['toReport']> }) {
  return (
    <Section id="start-report" title={t('start.toReport')} shown={data.rows.length > 0} none={t('start.nothingToReport')}>
      <p class="hint">{t('start.toReportIntro')}</p>
      <ul class="cards">{data.rows.map((s) => <SessionCard t={t} locale={locale} s={s} tasks="report" />)}</ul>
      {data.total > data.rows.length ? <p class="muted">{t('start.more', { count: formatNumber(locale, data.total - data.rows.length) })}</p> : null}
    </Section>
  )
}

function ToReview({ t, locale, sessions, more, older }: { t: T; locale: Locale; sessions: HomeSession[]; more: boolean; older: boolean }) {
  // Further down the list (?olderThan=): say so, and lead back to the newest.
  const back = older ? (
    <p class="muted">
      {t('start.olderShown')} <a href={`${START_PATH}#start-review`}>{t('start.newestToReview')}</a>
    </p>
  ) : null
  return (
    <Section id="start-review" title={t('start.toReview')} shown={sessions.length > 0} none={older ? t('start.nothingOlderToReview') : t('start.nothingToReview')} after={sessions.length > 0 ? null : back}>
      <p class="hint">{t('start.toReviewIntro')}</p>
      {back}
      <ul class="cards">{sessions.map((s) => <SessionCard t={t} locale={locale} s={s} tasks="review" />)}</ul>
      {more ? (
        <p class="muted">
          {t('start.moreToReview', { count: sessions.length })} <a href={`${START_PATH}?olderThan=${sessions.at(-1)!.id}#start-review`}>{t('start.olderToReview')}</a>
        </p>
      ) : null}
    </Section>
  )
}

function Disclosures({ t, count }: { t: T; count: number }) {
  return (
    <Section id="start-disclosures" title={t('start.disclosures')} shown={count > 0} none={t('start.noDisclosures')}>
      <p class="alert alert-warn">
        {count === 1 ? t('start.disclosuresOne') : t('start.disclosuresOpen', { count })} <a href="/disclosures">{t('start.openDisclosures')}</a>
      </p>
    </Section>
  )
}

function OverdueVisits({ t, locale, v }: { t: T; locale: Locale; v: NonNullable<HomeData['overdueVisits']> }) {
  return (
    <Section
      id="start-overdue"
      title={t('start.overdue')}
      shown={v.rows.length > 0}
      none={t('start.noOverdue')}
      after={
        <p>
          <a href="/coverage">{t('start.allCoverage')}</a>
        </p>
      }
    >
      <p class="hint">{t('start.overdueIntro')}</p>
      <ul class="cards">
        {v.rows.map((r) => (
          <li>
            <strong>{r.areaName}</strong>
            <span class="muted small">
              {' '}
              · {r.parentName} · {v.programmeNames.get(r.programmeId) ?? ''}
            </span>
            <p class="small">
              {t('start.lastVisit')}: {r.lastVisit ? formatDate(locale, r.lastVisit) : t('start.never')} · {t('start.dueSince')}: <span class="overdue">{formatDate(locale, r.nextDue)}</span>
            </p>
            {v.mayPlan ? (
              <p class="row-actions">
                <a href={`/programmes/${r.programmeId}/sessions/new?area=${r.areaId}`} aria-label={t('start.scheduleLabel', { place: r.areaName })}>
                  {t('start.schedule')}
                </a>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      {v.total > v.rows.length ? <p class="muted">{t('start.more', { count: formatNumber(locale, v.total - v.rows.length) })}</p> : null}
    </Section>
  )
}

/** The calendar day an instant fell on where the programme works (an evening in WIB is already the next UTC day). */
const dayOf = (locale: Locale, iso: string, timeZone: string) => formatDate(locale, localNow(timeZone, new Date(iso)).slice(0, 10))

function LibraryEdits({ t, locale, timeZone, edits }: { t: T; locale: Locale; timeZone: string; edits: NonNullable<HomeData['libraryEdits']> }) {
  return (
    <Section id="start-library" title={t('start.libraryEdits')} shown={edits.length > 0} none={t('start.noLibraryEdits')}>
      <ul>
        {edits.map((e) => (
          <li>
            <a href={`/admin/library/revisions/${e.id}`}>{t('start.libraryEdit', { page: e.slug, locale: e.locale, author: e.authorLabel })}</a>
            {e.submittedAt ? <span class="muted small"> · {dayOf(locale, e.submittedAt, timeZone)}</span> : null}
          </li>
        ))}
      </ul>
    </Section>
  )
}

function Questionnaires({ t, locale, timeZone, rows }: { t: T; locale: Locale; timeZone: string; rows: NonNullable<HomeData['questionnaires']> }) {
  return (
    <Section id="start-questionnaires" title={t('start.questionnaires')} shown={rows.length > 0} none={t('start.noQuestionnaires')}>
      <ul>
        {rows.map((r) => {
          const title = locale === 'id' ? r.titleId : r.titleEn
          return (
            <li>
              <a href={`/questionnaires/${r.key}/edit`}>{r.authorName ? t('start.questionnaire', { title, version: r.version, author: r.authorName }) : t('start.questionnaireNoAuthor', { title, version: r.version })}</a>
              <span class="muted small"> · {dayOf(locale, r.createdAt, timeZone)}</span>
            </li>
          )
        })}
      </ul>
    </Section>
  )
}

function Progress({ t, locale, progress }: { t: T; locale: Locale; progress: NonNullable<HomeData['progress']> }) {
  return (
    <Section id="start-progress" title={t('start.progress')} shown={progress.length > 0} none={t('start.noProgrammes')}>
      <ul class="cards">
        {progress.map((p) => (
          <li>
            <a href={`/programmes/${p.id}`}>{p.name}</a>
            <dl class="glance">
              <div>
                <dt>{t('start.sessionsHeld')}</dt>
                <dd>{formatNumber(locale, p.sessionsHeld)}</dd>
              </div>
              <div>
                <dt>{t('start.people')}</dt>
                <dd>{formatNumber(locale, p.people)}</dd>
              </div>
              <div>
                <dt>{t('start.knowledge')}</dt>
                <dd>
                  {p.knowledge
                    ? t(p.knowledge.pairs === 1 ? 'start.knowledgeOnePair' : 'start.knowledgePairs', { pre: formatPercent(locale, p.knowledge.pre), post: formatPercent(locale, p.knowledge.post), pairs: formatNumber(locale, p.knowledge.pairs) })
                    : t('start.notMeasured')}
                </dd>
              </div>
            </dl>
            <ProgrammeLinks t={t} id={p.id} />
          </li>
        ))}
      </ul>
    </Section>
  )
}

/** A programme's report and evaluation pages. */
function ProgrammeLinks({ t, id }: { t: T; id: string }) {
  return (
    <p class="row-actions">
      <a href={`/programmes/${id}/report`}>{t('start.programmeReport')}</a>
      <a href={`/programmes/${id}/evaluation`}>{t('start.programmeEvaluation')}</a>
    </p>
  )
}

function PartnerProgrammes({ t, locale, data }: { t: T; locale: Locale; data: HomeData }) {
  const list = data.partnerProgrammes ?? []
  return (
    <Section id="start-partner" title={t('start.myProgrammes')} shown={Boolean(data.unlinkedPartner) || list.length > 0} none={t('start.noPartnerProgrammes')}>
      {data.unlinkedPartner ? (
        <p class="alert alert-warn">{t('start.unlinked')}</p>
      ) : (
        <>
          <p class="hint">{t('start.partnerIntro')}</p>
          <ul class="cards">
            {list.map((p) => (
              <li>
                <a href={`/programmes/${p.id}/report`}>{p.name}</a>
                <p class="small">
                  {formatDate(locale, p.startsOn)}–{formatDate(locale, p.endsOn)} · {t(`programmeStatus.${p.status as 'active'}`)}
                </p>
                <ProgrammeLinks t={t} id={p.id} />
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  )
}

function Invited({ t, locale, timeZone, users }: { t: T; locale: Locale; timeZone: string; users: NonNullable<HomeData['invitedUsers']> }) {
  return (
    <Section id="start-invited" title={t('start.invited')} shown={users.length > 0} none={t('start.noInvited')}>
      <ul>
        {users.map((u) => (
          <li>
            <a href={`/admin/users/${u.id}`}>{u.displayName}</a>
            <span class="muted small">
              {' '}
              · {t(`role.${u.role}`)} · {t('start.invitedOn', { date: dayOf(locale, u.createdAt, timeZone) })}
            </span>
          </li>
        ))}
      </ul>
    </Section>
  )
}
