import type { Deps } from '../app-env.ts'
import type { RouteTable } from '../accounts/route-table.ts'
import { listAreas } from '../areas/area-queries.ts'
import { renderPage } from '../page.tsx'
import { getProgramme } from './programmes.ts'
import { programmeSessionPage } from './programme-sessions.ts'
import { ProgrammeSessionsPage } from './views/programme-sessions.tsx'

/** A page number from the query: anything but a plain positive number is the first page. */
const pageParam = (raw: string | undefined) => (raw && /^\d{1,6}$/.test(raw) ? Number(raw) : 1)

/** The whole list of a programme's sessions, a page at a time (the programme page shows a glance of it). */
export function programmeSessionRoutes(routes: RouteTable, deps: Deps): void {
  const { db } = deps
  routes.get('/programmes/:id/sessions', 'programme.view', async (c) => {
    const t = c.get('t')
    const programme = await getProgramme(db, c.req.param('id') ?? '')
    const page = await programmeSessionPage(db, programme.id, pageParam(c.req.query('page')))
    const areaNames = new Map((await listAreas(db)).map((a) => [a.id, a.name]))
    const body = <ProgrammeSessionsPage t={t} locale={c.get('locale')} programme={programme} page={page} areaNames={areaNames} />
    return renderPage(c, { title: t('session.allOf', { programme: programme.name }), body })
  })
}
