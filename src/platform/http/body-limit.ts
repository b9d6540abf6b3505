import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'

/**
 * Hono's bodyLimit with the common case answered from the headers alone. Hono's own first asks
 * `c.req.raw.body`, which makes @hono/node-server build a full web Request (a ReadableStream over the
 * socket, an AbortSignal, undici's Request): a tenth of the server's time per phone answer
 * (bench/ingest.ts), and it also turns off the adapter's direct read of a JSON body. A GET or HEAD has
 * no body, and a declared Content-Length without Transfer-Encoding is decided as Hono decides it; only
 * a streamed body goes through Hono's middleware, which counts it as it comes.
 */
export function declaredBodyLimit(options: Parameters<typeof bodyLimit>[0]): MiddlewareHandler {
  const counted = bodyLimit(options)
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next()
    const length = c.req.header('Content-Length')
    if (length === undefined || c.req.header('Transfer-Encoding') !== undefined) return counted(c, next)
    if (Number.parseInt(length || '0', 10) > options.maxSize) return options.onError ? options.onError(c) : counted(c, next)
    return next()
  }
}
