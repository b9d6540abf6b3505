// Setting when a round's link opens and closes: a page per link, and the one-click "open the
// before-form from 1 hour before the session" on the session's evaluation page.
import type { Context } from 'hono'
import type { AppEnv, Deps } from '../app-env.ts'
import type { RouteTable } from '../accounts/route-table.ts'
import { actorOf } from '../accounts/user-routes.tsx'
import { fieldErrorsOf, formStrings, type FieldErrors, type FormValues } from '../platform/http/forms.ts'
import { Problem } from '../platform/http/problems.ts'
import { formatWallTime } from '../platform/i18n/i18n.ts'
import { renderPage } from '../page.tsx'
import { getSession } from '../outreach/sessions.ts'
import type { GroupKind } from '../outreach/target-group-form.ts'
import { openBeforeSession, parseLinkTimes, setLinkTimes } from './link-timing.ts'
import { mayRecordIn } from './record-access.ts'
import { utcToLocalInput } from './round-timing.ts'
import { findSessionLink } from './round-timing-queries.ts'
import { LinkTimesPage } from './views/round-timing.tsx'

export function roundTimingRoutes(routes: RouteTable, deps: Deps): void {
  const { db, config } = deps
  const actor = (c: Context<AppEnv>) => ({ ...actorOf(c), role: c.get('user')!.role })

  const showTimes = async (c: Context<AppEnv>, o: { values?: FormValues; errors?: FieldErrors } = {}) => {
    const t = c.get('t')
    const session = await getSession(db, c.req.param('id')!)
    if (!mayRecordIn(c.get('user')!, session)) throw new Problem('forbidden')
    const link = await findSessionLink(db, session.id, c.req.param('linkId')!)
    if (!link) throw new Problem('not-found')
    const locale = c.get('locale')
    const round = t(`eval.phase.${link.phase}` as never)
    const body = (
      <LinkTimesPage
        t={t}
        csrf={c.get('csrf')()}
        action={`/sessions/${session.id}/evaluation/links/${link.id}/times`}
        sessionId={session.id}
        round={round}
        group={t(`group.${link.groupKind as GroupKind}`)}
        zone={config.timeZone}
        session={`${session.title} · ${t('timing.sessionTime', { from: formatWallTime(locale, session.startsAt), to: formatWallTime(locale, session.endsAt) })}`}
        values={o.values ?? { opensAt: utcToLocalInput(link.opensAt, config.timeZone), closesAt: utcToLocalInput(link.closesAt, config.timeZone) }}
        errors={o.errors ?? {}}
      />
    )
    return renderPage(c, { title: `${t('timing.title', { round })} · ${session.title}`, body, status: o.errors ? 422 : 200 })
  }

  routes.get('/sessions/:id/evaluation/links/:linkId/times', 'session.record', (c) => showTimes(c))

  routes.post('/sessions/:id/evaluation/links/:linkId/times', 'session.record', async (c) => {
    const form = formStrings(await c.req.parseBody())
    const values = { opensAt: form['opensAt'] ?? '', closesAt: form['closesAt'] ?? '' }
    try {
      await setLinkTimes(db, actor(c), c.req.param('id')!, c.req.param('linkId')!, parseLinkTimes(values, config.timeZone))
    } catch (e) {
      if (e instanceof Problem && e.code === 'validation') return showTimes(c, { values, errors: fieldErrorsOf(e) })
      throw e
    }
    return c.redirect(`/sessions/${c.req.param('id')}/evaluation?times=1`, 303)
  })

  routes.post('/sessions/:id/evaluation/links/:linkId/open-before', 'session.record', async (c) => {
    await openBeforeSession(db, actor(c), c.req.param('id')!, c.req.param('linkId')!, config.timeZone)
    return c.redirect(`/sessions/${c.req.param('id')}/evaluation?times=1`, 303)
  })
}
