import type { AppEnv, Deps } from '../app-env.ts'
import type { RouteTable } from '../accounts/route-table.ts'
import { START_PATH } from '../accounts/sign-in-routes.tsx'
import { scopeOf } from '../outreach/programme-scope.ts'
import { localNow } from '../outreach/session-rules.ts'
import { Problem } from '../platform/http/problems.ts'
import { renderPage } from '../page.tsx'
import { homeData } from './home-data.ts'
import { StartPage } from './views/start.tsx'
import type { Context } from 'hono'
import { z } from 'zod'

/** The last session of the list of answers waiting that the page showed before: the list goes on from it. */
const olderThan = z.uuid()

export function homeRoutes(routes: RouteTable, deps: Deps): void {
  const { db, config } = deps
  routes.get(START_PATH, 'signed-in', async (c: Context<AppEnv>) => {
    const user = c.get('user')
    if (!user) throw new Problem('unauthenticated')
    const t = c.get('t')
    const data = await homeData(db, user, await scopeOf(c, db), { now: localNow(config.timeZone), retainAnswersMonths: config.retainAnswersMonths, reviewOlderThan: olderThan.safeParse(c.req.query('olderThan')).data })
    return renderPage(c, { title: t('start.title'), body: <StartPage t={t} locale={c.get('locale')} timeZone={config.timeZone} name={user.displayName} data={data} /> })
  })
}
