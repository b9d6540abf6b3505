// Admins set which programmes an account sees: a partner account's institution, a coordinator's
// "own programmes only". Linked from the user's page (accounts/views/users.tsx).
import type { Context } from 'hono'
import type { AppEnv, Deps } from '../app-env.ts'
import type { RouteTable } from '../accounts/route-table.ts'
import { actorOf } from '../accounts/user-routes.tsx'
import { findUserScope } from '../accounts/user-scope.ts'
import { getUser } from '../accounts/users.ts'
import { fieldErrorsOf, formStrings, validate, type FieldErrors, type FormValues } from '../platform/http/forms.ts'
import { Problem } from '../platform/http/problems.ts'
import { renderPage } from '../page.tsx'
import { setUserAccess, userAccessInput } from './partner-accounts.ts'
import { listPartners } from './partner-queries.ts'
import { UserAccessPage } from './views/user-access.tsx'

export function userAccessRoutes(routes: RouteTable, deps: Deps): void {
  const { db } = deps

  const show = async (c: Context<AppEnv>, o: { values?: FormValues; errors?: FieldErrors } = {}) => {
    const t = c.get('t')
    const user = await getUser(db, c.req.param('id') ?? '')
    const scope = await findUserScope(db, user.id)
    const values = o.values ?? { partnerId: scope.partnerId ?? '', ownProgrammesOnly: scope.ownProgrammesOnly ? 'yes' : 'no' }
    const partners = (await listPartners(db)).map((x) => ({ value: x.id, label: x.name }))
    const body = <UserAccessPage t={t} csrf={c.get('csrf')()} user={user} partners={partners} values={values} errors={o.errors ?? {}} />
    return renderPage(c, { title: t('access.title', { name: user.displayName }), body, status: o.errors && Object.keys(o.errors).length ? 422 : 200 })
  }

  routes.get('/admin/users/:id/access', 'user.manage', (c) => show(c))

  routes.post('/admin/users/:id/access', 'user.manage', async (c) => {
    const values = formStrings(await c.req.parseBody())
    const parsed = validate(userAccessInput, values)
    if (!parsed.ok) return show(c, { values, errors: parsed.errors })
    try {
      await setUserAccess(db, actorOf(c), c.req.param('id') ?? '', parsed.data)
    } catch (e) {
      if (e instanceof Problem && e.code === 'validation') return show(c, { values, errors: fieldErrorsOf(e) })
      throw e
    }
    return c.redirect(`/admin/users/${c.req.param('id')}?saved=1`, 303)
  })
}
