import type { T } from '../../messages.ts'
import { formatDate, formatMonth, formatPercent, formatWallTime, type Locale } from '../../platform/i18n/i18n.ts'
import { InlineAction, Notice, PostForm, TableWrap } from '../../platform/views/components.tsx'
import type { SessionWithLinks } from '../sessions.ts'
import type { VisitStatus } from '../visit-schedule.ts'
import { addDays } from '../session-rules.ts'

export interface CalendarProps {
  t: T
  locale: Locale
  view: 'month' | 'list'
  month: string
  today: string
  /** The query string that keeps the filters, without view and month. */
  filters: string
  programmes: { id: string; name: string }[]
  programmeId: string
  mine: boolean
  sessions: SessionWithLinks[]
  visits: VisitStatus[]
  areaNames: Map<string, string>
  /** May schedule sessions: each visit row links to the new-session form for its place. */
  canSchedule?: boolean
}

const WEEKDAYS: Record<Locale, string[]> = { id: ['Sen', 'Sel', 'Rab', 'Kam', 'Jum', 'Sab', 'Min'], en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] }

export const shiftMonth = (month: string, by: number) => {
  const d = new Date(`${month}-01T00:00:00Z`)
  d.setUTCMonth(d.getUTCMonth() + by)
  return d.toISOString().slice(0, 7)
}

/** The Monday-first weeks that show a month, as YYYY-MM-DD dates. */
function weeksOf(month: string): string[][] {
  const first = `${month}-01`
  const weekday = (new Date(`${first}T00:00:00Z`).getUTCDay() + 6) % 7
  let day = addDays(first, -weekday)
  const weeks: string[][] = []
  while (weeks.length < 6 && (weeks.length === 0 || day.slice(0, 7) === month)) {
    const week = Array.from({ length: 7 }, (_, i) => addDays(day, i))
    weeks.push(week)
    day = addDays(day, 7)
  }
  return weeks
}

export function CalendarPage(p: CalendarProps) {
  const { t } = p
  const link = (o: { view?: string; month?: string }) => `/calendar?${new URLSearchParams({ ...(p.filters ? Object.fromEntries(new URLSearchParams(p.filters)) : {}), view: o.view ?? p.view, month: o.month ?? p.month })}`
  const overdue = p.visits.filter((v) => v.overdue)
  return (
    <>
      <h1>{t('calendar.title')}</h1>
      <form method="get" action="/calendar" class="filters">
        <input type="hidden" name="view" value={p.view} />
        <input type="hidden" name="month" value={p.month} />
        <div class="field">
          <label for="f-programme">{t('session.programme')}</label>
          <select id="f-programme" name="programme">
            <option value="">{t('calendar.allProgrammes')}</option>
            {p.programmes.map((pr) => (
              <option value={pr.id} selected={pr.id === p.programmeId}>
                {pr.name}
              </option>
            ))}
          </select>
        </div>
        <label class="option">
          <input type="checkbox" name="mine" value="1" checked={p.mine} /> {t('calendar.mine')}
        </label>
        <button type="submit" class="secondary">
          {t('common.filter')}
        </button>
      </form>
      <p class="chips-row">
        <a href={link({ view: 'month' })} aria-current={p.view === 'month' ? 'page' : undefined}>
          {t('calendar.monthView')}
        </a>{' '}
        ·{' '}
        <a href={link({ view: 'list' })} aria-current={p.view === 'list' ? 'page' : undefined}>
          {t('calendar.listView')}
        </a>{' '}
        · <a href="/calendar/feeds">{t('calendar.subscribe')}</a>
      </p>
      {overdue.length ? (
        <Notice kind="error">
          {t('calendar.overdueCount', { count: overdue.length })}{' '}
          {overdue
            .slice(0, 5)
            .map((v) => v.areaName)
            .join(', ')}
          {overdue.length > 5 ? '…' : ''}
        </Notice>
      ) : null}
      {p.view === 'month' ? <MonthGrid {...p} link={link} /> : <ListView {...p} />}
    </>
  )
}

function MonthGrid(p: CalendarProps & { link: (o: { month: string }) => string }) {
  const { t } = p
  const byDay = (day: string) => p.sessions.filter((s) => s.startsAt.slice(0, 10) === day)
  const dueOn = (day: string) => p.visits.filter((v) => v.nextDue === day)
  return (
    <>
      <nav class="month-nav" aria-label={t('calendar.months')}>
        <a href={p.link({ month: shiftMonth(p.month, -1) })}>← {formatMonth(p.locale, shiftMonth(p.month, -1))}</a>
        <h2>{formatMonth(p.locale, p.month)}</h2>
        <a href={p.link({ month: shiftMonth(p.month, 1) })}>{formatMonth(p.locale, shiftMonth(p.month, 1))} →</a>
      </nav>
      <TableWrap label={formatMonth(p.locale, p.month)}>
        <table class="month">
          <thead>
            <tr>
              {WEEKDAYS[p.locale].map((d) => (
                <th scope="col">{d}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeksOf(p.month).map((week) => (
              <tr>
                {week.map((day, weekday) => (
                  <td class={[day.slice(0, 7) === p.month ? '' : 'other-month', day === p.today ? 'today' : '', byDay(day).length || dueOn(day).length ? '' : 'empty'].join(' ').trim() || undefined}>
                    <span class="day-number">
                      <span class="weekday">{WEEKDAYS[p.locale][weekday]} </span>
                      {Number(day.slice(8))}
                    </span>
                    {byDay(day).map((s) => (
                      <a class={`event status-${s.status}`} href={`/sessions/${s.id}`}>
                        {formatWallTime(p.locale, s.startsAt, 'time')} {s.title}
                      </a>
                    ))}
                    {dueOn(day).map((v) => (
                      <span class="event due">{t('calendar.visitDue', { area: v.areaName })}</span>
                    ))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  )
}

function ListView(p: CalendarProps) {
  const { t } = p
  // A cancelled session is not coming up: it stays on the month grid (struck through) and its programme page.
  const upcoming = p.sessions.filter((s) => s.status !== 'cancelled')
  return (
    <>
      <h2>{t('calendar.upcoming')}</h2>
      {upcoming.length === 0 ? (
        <p class="muted">{t('session.none')}</p>
      ) : (
        <ul class="cards">
          {upcoming.map((s) => (
            <li>
              <a href={`/sessions/${s.id}`}>
                <strong>{s.title}</strong>
              </a>{' '}
              <span class={`tag status-${s.status}`}>{t(`sessionStatus.${s.status}`)}</span>
              <p class="small">
                {formatWallTime(p.locale, s.startsAt)} · {t(`sessionFormat.${s.format}`)} · {p.areaNames.get(s.areaId) ?? '—'}
              </p>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('visitPlan.title')}</h2>
      <VisitTable t={t} locale={p.locale} visits={p.visits} schedule={p.canSchedule ?? false} />
    </>
  )
}

/** Each place a programme plans to visit; with `schedule`, a row's link opens the new-session form there. */
export function VisitTable(p: { t: T; locale: Locale; visits: VisitStatus[]; schedule?: boolean }) {
  const { t } = p
  if (p.visits.length === 0) return <p class="muted">{t('visitPlan.none')}</p>
  return (
    <TableWrap label={t('visitPlan.title')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('session.area')}</th>
            <th scope="col">{t('visitPlan.lastVisit')}</th>
            <th scope="col">{t('visitPlan.nextDue')}</th>
            <th scope="col">{t('visitPlan.scheduled')}</th>
            {p.schedule ? <td></td> : null}
          </tr>
        </thead>
        <tbody>
          {p.visits.map((v) => (
            <tr>
              <td>
                {v.areaName}
                {v.parentName !== v.areaName ? <span class="muted small"> · {v.parentName}</span> : null}
                {v.knowledge != null ? <span class="small"> · {t('visitPlan.knowledge', { share: formatPercent(p.locale, v.knowledge) })}</span> : null}
              </td>
              <td>{v.lastVisit ? formatDate(p.locale, v.lastVisit) : t('visitPlan.never')}</td>
              <td class={v.overdue ? 'overdue' : undefined}>
                {formatDate(p.locale, v.nextDue)}
                {v.overdue ? ` · ${t('visitPlan.overdue')}` : ''}
              </td>
              <td>{v.nextScheduled ? formatWallTime(p.locale, v.nextScheduled) : '—'}</td>
              {p.schedule ? (
                <td>
                  <a href={`/programmes/${v.programmeId}/sessions/new?area=${v.areaId}`} aria-label={t('visitPlan.scheduleLabel', { area: v.areaName })}>
                    {t('visitPlan.schedule')}
                  </a>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  )
}

export function FeedsPage(p: { t: T; csrf: string; userId: string; programmes: { id: string; name: string }[]; feeds: { id: string; kind: string; subjectId: string }[]; newUrl?: string | undefined }) {
  const { t } = p
  const names = new Map(p.programmes.map((pr) => [pr.id, pr.name]))
  return (
    <>
      <h1>{t('calendar.feedsTitle')}</h1>
      <p>{t('calendar.feedsIntro')}</p>
      {p.newUrl ? (
        <div class="alert alert-success" role="status">
          <p>{t('calendar.feedMade')}</p>
          <p>
            <code class="code-line">{p.newUrl}</code>
          </p>
          <p>
            <a class="button" href={p.newUrl.replace(/^https?:/, 'webcal:')}>
              {t('calendar.openInCalendar')}
            </a>
          </p>
        </div>
      ) : null}
      <h2>{t('calendar.myFeed')}</h2>
      <PostForm action="/calendar/feeds" csrf={p.csrf}>
        <input type="hidden" name="kind" value="facilitator" />
        <button type="submit">{t('calendar.makeMyFeed')}</button>
      </PostForm>
      <h2>{t('calendar.programmeFeed')}</h2>
      {p.programmes.length === 0 ? <p class="muted">{t('programme.empty')}</p> : null}
      {/* The name first and its button on the same line item, so no button sits between two programmes. */}
      <ul class="feed-list">
        {p.programmes.map((pr) => (
          <li>
            <strong>{pr.name}</strong>{' '}
            <PostForm action="/calendar/feeds" csrf={p.csrf} class="inline">
              <input type="hidden" name="kind" value="programme" />
              <input type="hidden" name="programmeId" value={pr.id} />
              <button type="submit" class="secondary" aria-label={t('calendar.makeProgrammeFeedFor', { name: pr.name })}>
                {t('calendar.makeProgrammeFeed')}
              </button>
            </PostForm>
          </li>
        ))}
      </ul>
      {p.feeds.length ? (
        <>
          <h2>{t('calendar.activeFeeds')}</h2>
          <ul>
            {p.feeds.map((f) => (
              <li>
                {f.kind === 'programme' ? (names.get(f.subjectId) ?? '—') : t('calendar.myFeed')}{' '}
                <InlineAction action={`/calendar/feeds/${f.id}/delete`} csrf={p.csrf} label={t('calendar.revoke')} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  )
}
