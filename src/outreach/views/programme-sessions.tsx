import type { T } from '../../messages.ts'
import type { Locale } from '../../platform/i18n/i18n.ts'
import type { SessionGlance, SessionPage } from '../programme-sessions.ts'
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
      <h3>
        {t('session.upcoming')} <span class="muted small">({t('session.listCount', { shown: s.upcoming.rows.length, total: s.upcoming.total })})</span>
      </h3>
      {s.upcoming.rows.length ? (
        <SessionTable t={t} locale={p.locale} sessions={s.upcoming.rows} people={s.people} areaNames={p.areaNames} label={t('session.upcoming')} />
      ) : (
        <p>{t('session.noneUpcoming')}</p>
      )}
      <h3>
        {t('session.recent')} <span class="muted small">({t('session.listCount', { shown: s.recent.rows.length, total: s.recent.total })})</span>
      </h3>
      {s.recent.rows.length ? (
        <SessionTable t={t} locale={p.locale} sessions={s.recent.rows} people={s.people} areaNames={p.areaNames} label={t('session.recent')} />
      ) : (
        <p>{t('session.noneRecent')}</p>
      )}
      <p>
        <a href={allHref}>{t('session.all')}</a>
      </p>
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
