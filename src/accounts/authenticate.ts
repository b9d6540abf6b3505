import type { Context, MiddlewareHandler } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { AppEnv, Deps } from '../app-env.ts'
import { isHttps } from '../platform/http/middleware.ts'
import { Problem } from '../platform/http/problems.ts'
import { resolveApiToken } from './api-tokens.ts'
import { IDLE_LIFETIME_MS, resolveLoginSession } from './login-sessions.ts'
import { isApiPath } from './route-table.ts'

export const SESSION_COOKIE = 'jaga_session'
/** Marks a browser that signed in before, so strangers' failed guesses do not lock its owner out (sign-in-throttle.ts). */
export const DEVICE_COOKIE = 'jaga_device'

/**
 * Who is asking: under /api/ only a bearer token counts (so cookies can never be replayed
 * across sites against the API); elsewhere only the login-session cookie.
 */
export function authenticate(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('user', null)
    c.set('loginToken', null)
    if (isApiPath(c.req.path)) {
      const header = c.req.header('Authorization')
      if (header) {
        const match = /^Bearer\s+(\S+)$/i.exec(header)
        const resolved = match?.[1] ? await resolveApiToken(deps.db, match[1]) : ({ ok: false, reason: 'unknown' } as const)
        // A token that was sent but is wrong is an error, not an anonymous call.
        if (!resolved.ok) {
          const challenge = { 'WWW-Authenticate': `Bearer realm="jaga", error="invalid_token"${resolved.reason === 'expired' ? ', error_description="expired"' : ''}` }
          if (resolved.reason === 'expired') throw new Problem('unauthenticated', {}, [], 'account.tokenExpired', challenge)
          throw new Problem('unauthenticated', {}, [], 'account.badToken', challenge)
        }
        c.set('user', resolved.user)
      }
    } else {
      const token = getCookie(c, SESSION_COOKIE)
      if (token) {
        const user = await resolveLoginSession(deps.db, token)
        if (user) {
          c.set('user', user)
          c.set('loginToken', token)
        } else {
          deleteCookie(c, SESSION_COOKIE, { path: '/' })
        }
      }
    }
    await next()
    // Pages for a signed-in person must never be kept by a shared cache.
    if (c.get('user') && !c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'private, no-store')
  }
}

export function setSessionCookie(c: Context<AppEnv>, token: string, trustProxy: boolean): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c, trustProxy),
    path: '/',
    maxAge: IDLE_LIFETIME_MS / 1000,
  })
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' })
}

export function setDeviceCookie(c: Context<AppEnv>, token: string, trustProxy: boolean): void {
  setCookie(c, DEVICE_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure: isHttps(c, trustProxy), path: '/', maxAge: 180 * 24 * 3600 })
}
