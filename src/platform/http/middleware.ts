import crypto from 'node:crypto'
import type { Context, MiddlewareHandler } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { secureHeaders } from 'hono/secure-headers'
import { createTranslator, negotiateLocale, type Locale, type Translator } from '../i18n/i18n.ts'
import type { Logger } from '../log.ts'
import { Problem } from './problems.ts'

type Vars = { Variables: { requestId: string; locale: Locale; t: Translator<any>; csrf: () => string } }

export const LOCALE_COOKIE = 'jaga_lang'
export const CSRF_COOKIE = 'jaga_csrf'
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * Requests the server makes to itself (rendering the public page cache at start-up and after a library
 * edit): not logged one by one, or every start would print a few hundred lines. An object identity, not a
 * header, so no visitor can hide their requests from the log.
 */
export const internalRequests = new WeakSet<Request>()

/** One JSON log line per request, with an id that error pages show so a report can be traced. */
export function requestLog(log: Logger): MiddlewareHandler<Vars> {
  return async (c, next) => {
    const started = performance.now()
    c.set('requestId', crypto.randomUUID())
    await next()
    if (internalRequests.has(c.req.raw)) return
    log.info('request', {
      id: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    })
  }
}

export function i18n(catalogue: Record<string, Record<Locale, string>>): MiddlewareHandler<Vars> {
  return async (c, next) => {
    // A page whose address names its language (/id/…, /en/…) is in that language, whatever the cookie says.
    const fromPath = /^\/(id|en)(\/|$)/.exec(c.req.path)?.[1]
    const locale = negotiateLocale(fromPath ?? getCookie(c, LOCALE_COOKIE), c.req.header('Accept-Language'))
    c.set('locale', locale)
    c.set('t', createTranslator(catalogue, locale))
    await next()
  }
}

export function isHttps(c: Context, trustProxy: boolean): boolean {
  if (trustProxy && c.req.header('X-Forwarded-Proto')?.split(',')[0]?.trim() === 'https') return true
  return new URL(c.req.url).protocol === 'https:'
}

export function clientIp(c: Context, trustProxy: boolean, socketAddress: () => string | undefined): string {
  if (trustProxy) {
    const forwarded = c.req.header('X-Forwarded-For')?.split(',')[0]?.trim()
    if (forwarded) return forwarded
  }
  return socketAddress() ?? 'unknown'
}

/**
 * Double-submit CSRF protection for HTML forms: a random token in an HttpOnly, SameSite=Lax
 * cookie must come back in the form field `_csrf`, and a cross-site Origin is refused outright.
 * The cookie is set only when a page with a form asks for the token, so public pages stay cacheable.
 * JSON API calls authenticate with a bearer token, never a cookie, so they need none of this.
 */
export function csrfProtection(opts: { trustProxy: boolean; skip: (path: string) => boolean }): MiddlewareHandler<Vars> {
  return async (c, next) => {
    if (opts.skip(c.req.path)) {
      c.set('csrf', () => '')
      return next()
    }
    const existing = getCookie(c, CSRF_COOKIE)
    let token = existing && /^[\w-]{43}$/.test(existing) ? existing : undefined
    c.set('csrf', () => {
      if (!token) {
        token = crypto.randomBytes(32).toString('base64url')
        setCookie(c, CSRF_COOKIE, token, { httpOnly: true, sameSite: 'Lax', path: '/', secure: isHttps(c, opts.trustProxy) })
      }
      return token
    })
    if (UNSAFE.has(c.req.method)) {
      const origin = c.req.header('Origin')
      if (origin && origin !== 'null' && new URL(origin).host !== (c.req.header('Host') ?? new URL(c.req.url).host)) throw new Problem('csrf')
      const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>)
      const sent = body['_csrf']
      if (!token || typeof sent !== 'string' || !safeEqual(sent, token)) throw new Problem('csrf')
    }
    await next()
  }
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && crypto.timingSafeEqual(x, y)
}

/** Strict headers: scripts and styles only from this origin, nothing inline, no framing. */
export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      // No data: images: nothing of ours needs them, and library text may not carry pictures.
      imgSrc: ["'self'"],
      connectSrc: ["'self'"],
      fontSrc: ["'none'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    referrerPolicy: 'no-referrer',
    crossOriginEmbedderPolicy: false,
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  })
}
