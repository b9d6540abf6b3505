import crypto from 'node:crypto'
import { isIP } from 'node:net'
import type { Context, MiddlewareHandler } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { secureHeaders } from 'hono/secure-headers'
import { createTranslator, negotiateLocale, type Locale, type Translator } from '../i18n/i18n.ts'
import type { Logger } from '../log.ts'
import { Problem } from './problems.ts'
import { hasUnstorableCharacters } from '../db/storable-text.ts'

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
      path: redactedPath(c.req.path),
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    })
  }
}

// Paths that carry a secret: whoever reads the log could use it (set a password, read a calendar
// feed, answer or flood a questionnaire link).
const SECRET_PATHS = [/^(\/access\/)[^/]+/, /^(\/ical\/)[^/]+/, /^(\/q\/)[^/]+/, /^(\/api\/v1\/collect\/)[^/]+/]

/** A request path as the log may keep it: secrets replaced by "…". */
export function redactedPath(path: string): string {
  for (const pattern of SECRET_PATHS) if (pattern.test(path)) return path.replace(pattern, '$1…')
  return path
}

/**
 * A path with a control character (NUL, CR, LF…), a lone surrogate or broken %-encoding names nothing
 * here: 404 at once, before a route hands it to the database (PostgreSQL answered a NUL with a 500) or
 * writes it into a Location header (a CR/LF there is a 500 too).
 */
export const refuseUnreadablePaths: MiddlewareHandler = async (c, next) => {
  let decoded: string
  try {
    decoded = decodeURIComponent(new URL(c.req.url).pathname)
  } catch {
    throw new Problem('not-found')
  }
  if (/[\u0000-\u001f\u007f]/.test(decoded) || hasUnstorableCharacters(decoded)) throw new Problem('not-found')
  await next()
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

/**
 * The address a request came from. Behind `trustedProxies` reverse proxies, each proxy appended the
 * address it received the request from to X-Forwarded-For, so the client is that many entries from the
 * right; anything further left was written by the client and proves nothing. An entry that is not an
 * IP address is never used (it could be any length or text): the socket's address counts instead.
 */
export function clientIp(c: Context, trustedProxies: number, socketAddress: () => string | undefined): string {
  if (trustedProxies > 0) {
    const hops = (c.req.header('X-Forwarded-For') ?? '').split(',').map((h) => h.trim())
    const candidate = hops.length >= trustedProxies ? hops[hops.length - trustedProxies] : undefined
    if (candidate && candidate.length <= 45 && isIP(candidate)) return candidate
  }
  const socket = socketAddress()
  return socket && socket.length <= 45 && isIP(socket) ? socket : 'unknown'
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
      // An Origin that is not a URL is as foreign as another site's (it threw, a 500, before).
      if (origin && origin !== 'null' && hostOf(origin) !== (c.req.header('Host') ?? new URL(c.req.url).host)) throw new Problem('csrf')
      const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>)
      const sent = body['_csrf']
      if (!token || typeof sent !== 'string' || !safeEqual(sent, token)) throw new Problem('csrf')
    }
    await next()
  }
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host
  } catch {
    return undefined
  }
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && crypto.timingSafeEqual(x, y)
}

/** Sent on every response that went out over HTTPS (the page cache adds it to its copies too). */
export const HSTS = 'max-age=31536000; includeSubDomains'

/**
 * Strict headers: scripts and styles only from this origin, nothing inline, no framing (one policy:
 * CSP frame-ancestors, so no X-Frame-Options that could disagree with it). HSTS only on a response that
 * went out over HTTPS: over plain HTTP a browser ignores it, and a LAN install has no certificate.
 */
export function securityHeaders(trustProxy: boolean): MiddlewareHandler {
  const strict = secureHeaders({
    xFrameOptions: false,
    strictTransportSecurity: false,
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
  return async (c, next) => {
    await strict(c, next)
    if (isHttps(c, trustProxy)) c.header('Strict-Transport-Security', HSTS)
  }
}
