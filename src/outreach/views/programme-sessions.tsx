import type { T } from '../../messages.ts'
import type { Locale } from '../../platform/i18n/i18n.ts'
import type { SessionGlance, SessionPage } from '../programme-sessions.ts'
import type { ListedSession } from '../programme-session-queries.ts'
import { SessionTable } from './sessions.tsx'
import { PrevNext } from '../../platform/views/components.tsx'

/** The programme page's sessions: all of them, or those coming up and the most recent with counts of the rest. */
export function SessionGlanceSection(p: { t: T; locale: Locale; programmeId: string; sessions: SessionGlance; areaNames: Map<string, string> }) {
  const { t, sessions: s } = p
  if (s.kind === 'all') return <SessionTable t={t} locale={p.locale} sessions={s.rows} people={s.people} areaNames={p.areaNames} label={t('session.title')} />
  const allHref = `/programmes/${p.programmeId}/sessions`
  return (
    <>
      <p>
        {t('session.showing', { shown: s.upcoming.rows.length + s.recent.rows.length, total: s.total })} · <a href={allHref}>{t('session.all')}</a>
      </p>
      <GlanceList {...p} list={s.upcoming} people={s.people} heading="session.upcoming" none="session.noneUpcoming" />
      <GlanceList {...p} list={s.recent} people={s.people} heading="session.recent" none="session.noneRecent" />
      <p>
        <a href={allHref}>{t('session.all')}</a>
      </p>
    </>
  )
}

/** One list of the glance (coming up, or most recent): its heading with how many of how many, then the table. */
function GlanceList(p: { t: T; locale: Locale; areaNames: Map<string, string>; list: { rows: ListedSession[]; total: number }; people: Map<string, number>; heading: 'session.upcoming' | 'session.recent'; none: 'session.noneUpcoming' | 'session.noneRecent' }) {
  const { t, list } = p
  return (
    <>
      <h3>
        {t(p.heading)} <span class="muted small">({t('session.listCount', { shown: list.rows.length, total: list.total })})</span>
      </h3>
      {list.rows.length ? <SessionTable t={t} locale={p.locale} sessions={list.rows} people={p.people} areaNames={p.areaNames} label={t(p.heading)} /> : <p>{t(p.none)}</p>}
    </>
  )
}

/** The whole list of a programme's sessions, a page at a time, in start order. */
export function ProgrammeSessionsPage(p: { t: T; locale: Locale; programme: { id: string; name: string }; page: SessionPage; areaNames: Map<string, string> }) {
  const { t, page: pg } = p
  const base = `/programmes/${p.programme.id}/sessions`
  return (
    <>
      <h1>{t('session.allOf', { programme: p.programme.name })}</h1>
      <p>
        <a href={`/programmes/${p.programme.id}`}>{t('session.backToProgramme', { programme: p.programme.name })}</a>
      </p>
      {pg.total === 0 ? (
        <p>{t('session.none')}</p>
      ) : (
        <>
          <p role="status">{t('session.range', { from: pg.offset + 1, to: pg.offset + pg.rows.length, total: pg.total })}</p>
          <SessionTable t={t} locale={p.locale} sessions={pg.rows} people={pg.people} areaNames={p.areaNames} label={t('session.all')} />
          <PrevNext t={t} label={t('session.listPages')} prev={pg.page > 1 ? `${base}?page=${pg.page - 1}` : undefined} next={pg.page < pg.pages ? `${base}?page=${pg.page + 1}` : undefined} />
        </>
      )}
    </>
  )
}
