// A staff write that was refused (a form shown again with its messages, a conflict, a missing
// permission, a body too large) leaves a trace in the audit log: who, when, where and how it ended,
// never what was sent (it may hold a draft of a disclosure, a password or a whole page).
import type { MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import type { AppEnv, Deps } from '../app-env.ts'
import { redactedPath } from '../platform/http/middleware.ts'
import { insertAuditEntry } from './audit-queries.ts'
import { SESSION_COOKIE } from './authenticate.ts'
import { resolveLoginSession } from './login-sessions.ts'

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
const REFUSED = new Set([400, 403, 404, 409, 413, 415, 422, 429])

/**
 * Runs before the body limits and the CSRF check, so their refusals (413, 403) are recorded too: those
 * come before sign-in is read, so the person is found from the login cookie here.
 */
export function auditRefusedWrites(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next()
    if (!WRITES.has(c.req.method) || !REFUSED.has(c.res.status)) return
    const cookie = getCookie(c, SESSION_COOKIE)
    const user = c.get('user') ?? (cookie ? await resolveLoginSession(deps.db, cookie) : undefined)
    if (!user) return
    await insertAuditEntry(deps.db, { id: user.id, label: user.email }, 'write.refused', { type: 'request' }, { method: c.req.method, path: redactedPath(c.req.path).slice(0, 200), status: c.res.status })
  }
}
