import type { Deps } from '../app-env.ts'
import { renderPage } from '../page.tsx'
import { listApiTokens, revokeApiToken } from './api-tokens.ts'
import type { RouteTable } from './route-table.ts'
import { actorOf } from './user-routes.tsx'
import { AccountPage } from './views/account.tsx'

/** "My account": every signed-in person sees who they are signed in as and revokes their own API tokens. */
export function accountRoutes(routes: RouteTable, deps: Deps): void {
  const { db } = deps

  routes.get('/account', 'signed-in', async (c) => {
    const t = c.get('t')
    const user = c.get('user')!
    const tokens = await listApiTokens(db, user.id)
    const body = <AccountPage t={t} locale={c.get('locale')} csrf={c.get('csrf')()} user={user} tokens={tokens} revoked={c.req.query('revoked') === '1'} />
    return renderPage(c, { title: t('myAccount.title'), body })
  })

  routes.post('/account/tokens/:tokenId/revoke', 'signed-in', async (c) => {
    const actor = actorOf(c)
    await revokeApiToken(db, actor, c.req.param('tokenId') ?? '', actor.id!)
    return c.redirect('/account?revoked=1', 303)
  })
}
