// The projector view of a session's results: a page of its own, full screen in the hall (views/projector.tsx).
import path from 'node:path'
import type { Deps } from '../app-env.ts'
import type { RouteTable } from '../accounts/route-table.ts'
import { bundleBrowserScript } from '../platform/http/browser-bundle.ts'
import { assetUrl, registerAsset } from '../platform/http/static-files.ts'
import { getSession } from '../outreach/sessions.ts'
import type { GroupKind } from '../outreach/target-group-form.ts'
import { assertMaySeePrivateOf } from './record-access.ts'
import { sessionResults } from './session-results.ts'
import { ProjectorDocument } from './views/projector.tsx'

export function projectorRoutes(routes: RouteTable, { db }: Deps): void {
  registerAsset('live.js', bundleBrowserScript(path.join(import.meta.dirname, 'browser', 'live.ts')))

  routes.get('/sessions/:id/evaluation/live', 'programme.view', async (c) => {
    const t = c.get('t')
    const session = await getSession(db, c.req.param('id')!)
    assertMaySeePrivateOf(c.get('user')!, session)
    const url = new URL(c.req.url)
    c.header('Cache-Control', 'no-store')
    return c.html(
      <ProjectorDocument
        t={t}
        locale={c.get('locale')}
        sessionTitle={session.title}
        results={await sessionResults(db, session.id)}
        groupLabel={(g) => t(`group.${g as GroupKind}`)}
        backUrl={`/sessions/${session.id}/evaluation`}
        path={url.pathname + url.search}
        stylesheet={assetUrl('projector.css')}
        script={assetUrl('live.js')}
        icon={assetUrl('icon.svg')}
      />,
    )
  })
}
