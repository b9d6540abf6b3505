import type { Context } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import type { AppEnv, Deps } from '../app-env.ts'
import { formStrings, safeNextPath, validate, type FieldErrors } from '../platform/http/forms.ts'
import { clientIp, isHttps, LOCALE_COOKIE } from '../platform/http/middleware.ts'
import { Problem } from '../platform/http/problems.ts'
import { isLocale } from '../platform/i18n/i18n.ts'
import { renderPage } from '../page.tsx'
import { clearSessionCookie, DEVICE_COOKIE, setDeviceCookie, setSessionCookie } from './authenticate.ts'
import { signIn, signOut } from './login-sessions.ts'
import type { RouteTable } from './route-table.ts'
import { setPasswordForm, signInForm } from './user-form.ts'
import { countUsers } from './user-queries.ts'
import { findAccessLink, usePasswordLink } from './users.ts'
import { SetPasswordPage, SignInPage } from './views/sign-in.tsx'

/** Where a person lands after signing in: their role's start page (src/home/). */
export const START_PATH = '/home'

export function signInRoutes(routes: RouteTable, deps: Deps): void {
  const { db, config } = deps

  const showSignIn = async (c: Context<AppEnv>, o: { values?: Record<string, string>; errors?: FieldErrors; wrong?: boolean; status?: 200 | 401 | 422 } = {}) => {
    const next = c.req.query('next') ? safeNextPath(c.req.query('next')) : ''
    const noUsersYet = (await countUsers(db)) === 0
    const t = c.get('t')
    const body = <SignInPage t={t} csrf={c.get('csrf')()} next={next} values={o.values ?? {}} errors={o.errors ?? {}} wrongCredentials={o.wrong ?? false} noUsersYet={noUsersYet} />
    return renderPage(c, { title: t('account.signIn'), body, status: o.status ?? 200 })
  }

  routes.get('/login', 'public', async (c) => {
    if (c.get('user')) return c.redirect(safeNextPath(c.req.query('next'), START_PATH), 303)
    return showSignIn(c)
  })

  routes.post('/login', 'public', async (c) => {
    const values = formStrings(await c.req.parseBody())
    const parsed = validate(signInForm, values)
    if (!parsed.ok) return showSignIn(c, { values, errors: parsed.errors, status: 422 })
    const ip = clientIp(c, config.trustedProxies, () => c.env?.incoming?.socket.remoteAddress)
    const result = await signIn(db, { ...parsed.data, ip, deviceToken: getCookie(c, DEVICE_COOKIE) })
    if (!result.ok) return showSignIn(c, { values: { email: values.email ?? '' }, wrong: true, status: 401 })
    setSessionCookie(c, result.token, config.trustProxy)
    setDeviceCookie(c, result.deviceToken, config.trustProxy)
    return c.redirect(safeNextPath(c.req.query('next'), START_PATH), 303)
  })

  routes.post('/logout', 'signed-in', async (c) => {
    const token = c.get('loginToken')
    const user = c.get('user')
    if (token && user) await signOut(db, token, user)
    clearSessionCookie(c)
    return c.redirect('/', 303)
  })

  // The one-time link from an invitation or a password reset.
  const showSetPassword = async (c: Context<AppEnv>, errors: FieldErrors = {}, status: 200 | 422 = 200) => {
    const token = c.req.param('token') ?? ''
    const link = await findAccessLink(db, token)
    if (!link) throw new Problem('not-found', {}, [], 'account.linkInvalid')
    const t = c.get('t')
    const body = <SetPasswordPage t={t} csrf={c.get('csrf')()} action={`/access/${token}`} email={link.email} purpose={link.purpose} errors={errors} />
    return renderPage(c, { title: t(link.purpose === 'invite' ? 'setPassword.inviteTitle' : 'setPassword.resetTitle'), body, status })
  }

  routes.get('/access/:token', 'public', (c) => showSetPassword(c))

  routes.post('/access/:token', 'public', async (c) => {
    const parsed = validate(setPasswordForm, await c.req.parseBody())
    if (!parsed.ok) return showSetPassword(c, parsed.errors, 422)
    const user = await usePasswordLink(db, c.req.param('token') ?? '', parsed.data.password)
    const ip = clientIp(c, config.trustedProxies, () => c.env?.incoming?.socket.remoteAddress)
    const result = await signIn(db, { email: user.email, password: parsed.data.password, ip, deviceToken: getCookie(c, DEVICE_COOKIE) })
    if (result.ok) {
      setSessionCookie(c, result.token, config.trustProxy)
      setDeviceCookie(c, result.deviceToken, config.trustProxy)
    }
    return c.redirect(START_PATH, 303)
  })

  routes.get('/lang/:locale', 'public', (c) => {
    const locale = c.req.param('locale')
    if (!isLocale(locale)) throw new Problem('not-found')
    setCookie(c, LOCALE_COOKIE, locale, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'Lax', secure: isHttps(c, config.trustProxy) })
    return c.redirect(safeNextPath(c.req.query('next')), 303)
  })
}
