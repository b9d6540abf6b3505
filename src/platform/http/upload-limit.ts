import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { Problem } from './problems.ts'

/** Room for the multipart boundary and headers, the CSRF token and an upload form's other fields. */
export const FORM_OVERHEAD_BYTES = 64 * 1024

export interface UploadRoute {
  /** Matched against the request path of a POST or PUT. */
  path: RegExp
  /** The upload's own limit; the body may be FORM_OVERHEAD_BYTES larger. */
  maxBytes: number
}

const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`

/**
 * Refuses (413, a page or JSON in the visitor's language) a body larger than its upload's own limit
 * before anything reads it. It must run before the CSRF check, which parses every form body: app.ts's
 * limit (2 MB) is for every route, an upload's is smaller. A declared Content-Length over the limit
 * is refused unread; a streamed body is counted as it comes.
 */
export function uploadLimits(routes: readonly UploadRoute[]): MiddlewareHandler {
  const limiters = routes.map((r) => ({
    path: r.path,
    limit: bodyLimit({
      maxSize: r.maxBytes + FORM_OVERHEAD_BYTES,
      onError: () => {
        throw new Problem('payload-too-large', { limit: megabytes(r.maxBytes) })
      },
    }),
  }))
  return async (c, next) => {
    if (c.req.method !== 'POST' && c.req.method !== 'PUT') return next()
    const hit = limiters.find((l) => l.path.test(c.req.path))
    return hit ? hit.limit(c, next) : next()
  }
}
