import type { Context } from 'hono'
import { z } from 'zod'
import type { AppEnv, Deps } from '../app-env.ts'
import { can } from '../accounts/permissions.ts'
import type { RouteTable } from '../accounts/route-table.ts'
import { actorOf } from '../accounts/user-routes.tsx'
import { formStrings } from '../platform/http/forms.ts'
import { Problem } from '../platform/http/problems.ts'
import { createTranslator } from '../platform/i18n/i18n.ts'
import { catalogue } from '../messages.ts'
import { renderPage } from '../page.tsx'
import { createFeed, listFeeds, renderFeed, revokeFeed } from './calendar-feeds.ts'
import { listProgrammes } from './programme-queries.ts'
import { inScope, scopeOf, visibleProgrammes } from './programme-scope.ts'
import { listSessions } from './session-queries.ts'
import { addDays, localToday } from './session-rules.ts'
import { withLinks } from './sessions.ts'
import { listVisitStatus } from './visit-plans.ts'
import { CalendarPage, FeedsPage, shiftMonth } from './views/calendar.tsx'

const calendarQuery = z.object({
  view: z.enum(['month', 'list']).catch('month'),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional()
    .catch(undefined),
  programme: z.uuid().optional().catch(undefined),
  mine: z.literal('1').optional().catch(undefined),
})

export function calendarRoutes(routes: RouteTable, deps: Deps): void {
  const { db, config } = deps
  const today = () => localToday(config.timeZone)

  routes.get('/calendar', 'programme.view', async (c) => {
    const t = c.get('t')
    const user = c.get('user')!
    const q = calendarQuery.parse(c.req.query())
    const month = q.month ?? today().slice(0, 7)
    // Only the programmes this person may see (programme-scope.ts): their sessions and visits, nobody else's.
    const programmes = await visibleProgrammes(c, db, await listProgrammes(db))
    const programmeIds = q.programme ? programmes.filter((p) => p.id === q.programme).map((p) => p.id) : programmes.map((p) => p.id)
    // The month view shows the month; the list view the next 60 days from today.
    const [from, before] = q.view === 'month' ? [`${month}-01`, `${shiftMonth(month, 1)}-01`] : [today(), addDays(today(), 61)]
    const sessions = await withLinks(db, await listSessions(db, { programmeIds, from, before, facilitatorId: q.mine ? user.id : undefined }))
    const visits = await listVisitStatus(db, programmeIds, today())
    const filters = new URLSearchParams({ ...(q.programme ? { programme: q.programme } : {}), ...(q.mine ? { mine: '1' } : {}) }).toString()
    const areaNames = new Map((await db.selectFrom('areas').select(['id', 'name']).execute()).map((a) => [a.id, a.name]))
    const body = (
      <CalendarPage
        t={t}
        locale={c.get('locale')}
        view={q.view}
        month={month}
        today={today()}
        filters={filters}
        programmes={programmes}
        programmeId={q.programme ?? ''}
        mine={Boolean(q.mine)}
        sessions={sessions}
        visits={q.view === 'list' ? visits : visits.filter((v) => v.nextDue >= from && v.nextDue < before)}
        areaNames={areaNames}
        canSchedule={can(user.role, 'programme.edit')}
      />
    )
    return renderPage(c, { title: t('calendar.title'), body })
  })

  const showFeeds = async (c: Context<AppEnv>, newUrl?: string) => {
    const user = c.get('user')!
    const t = c.get('t')
    const body = <FeedsPage t={t} csrf={c.get('csrf')()} userId={user.id} programmes={await visibleProgrammes(c, db, await listProgrammes(db))} feeds={await listFeeds(db, user.id)} newUrl={newUrl} />
    return renderPage(c, { title: t('calendar.feedsTitle'), body })
  }

  routes.get('/calendar/feeds', 'programme.view', (c) => showFeeds(c))

  routes.post('/calendar/feeds', 'programme.view', async (c) => {
    const form = formStrings(await c.req.parseBody())
    const actor = actorOf(c)
    const programmeId = z.uuid().catch('').parse(form.programmeId)
    // A feed of a programme this person may not see would hand its sessions to anyone with the address.
    if (form.kind === 'programme' && !inScope(await scopeOf(c, db), programmeId)) throw new Problem('not-found')
    const token = form.kind === 'programme' ? await createFeed(db, actor, 'programme', programmeId) : await createFeed(db, actor, 'facilitator', actor.id!)
    return showFeeds(c, `${config.publicUrl}/ical/${token}.ics`)
  })

  routes.post('/calendar/feeds/:id/delete', 'programme.view', async (c) => {
    await revokeFeed(db, actorOf(c), c.req.param('id') ?? '')
    return c.redirect('/calendar/feeds', 303)
  })

  // Calendar apps fetch this without cookies: the secret in the address is the credential.
  routes.get('/ical/:token', 'public', async (c) => {
    const token = (c.req.param('token') ?? '').replace(/\.ics$/, '')
    if (!/^[\w-]{43}$/.test(token)) throw new Problem('not-found')
    const t = createTranslator(catalogue, c.get('locale'))
    const text = await renderFeed(db, token, {
      timeZone: config.timeZone,
      publicUrl: config.publicUrl,
      today: today(),
      texts: { name: (_kind, subject) => t('calendar.feedName', { name: subject }), visitDue: (area) => t('calendar.visitDue', { area }), format: (f) => t(`sessionFormat.${f}` as never) },
    })
    return c.body(text, 200, { 'Content-Type': 'text/calendar; charset=utf-8', 'Cache-Control': 'private, max-age=300', 'Referrer-Policy': 'no-referrer' })
  })
}
