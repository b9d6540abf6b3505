import type { Context, Handler, Hono, MiddlewareHandler } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { Problem } from '../platform/http/problems.ts'
import { can, type Access } from './permissions.ts'

export type Method = 'GET' | 'POST' | 'PUT'

export interface RouteSpec {
  method: Method
  path: string
  access: Access
}

/**
 * The only way a slice registers a route: each one names its access, and the guard runs before
 * the handler. The authorization test compares these specs with what Hono has registered, so a
 * route added any other way fails the build.
 */
export class RouteTable {
  readonly specs: RouteSpec[] = []
  constructor(private readonly app: Hono<AppEnv>) {}

  get(path: string, access: Access, handler: Handler<AppEnv>): void {
    this.add('GET', path, access, handler)
  }

  post(path: string, access: Access, handler: Handler<AppEnv>): void {
    this.add('POST', path, access, handler)
  }

  /** JSON API only: HTML forms can only GET and POST. */
  put(path: string, access: Access, handler: Handler<AppEnv>): void {
    this.add('PUT', path, access, handler)
  }

  private add(method: Method, path: string, access: Access, handler: Handler<AppEnv>): void {
    this.specs.push({ method, path, access })
    this.app.on(method, path, guard(access), handler)
  }
}

export function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/')
}

function guard(access: Access): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = c.get('user')
    if (can(user?.role, access)) return next()
    if (user) throw new Problem('forbidden')
    if (!isApiPath(c.req.path) && c.req.method === 'GET') return redirectToSignIn(c)
    throw new Problem('unauthenticated', {}, [], undefined, isApiPath(c.req.path) ? { 'WWW-Authenticate': 'Bearer realm="jaga"' } : {})
  }
}

function redirectToSignIn(c: Context<AppEnv>): Response {
  const url = new URL(c.req.url)
  return c.redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`, 303)
}
