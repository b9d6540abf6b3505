import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { z } from 'zod'
import { fieldErrorList, validate } from './forms.ts'
import { Problem } from './problems.ts'

/** Reads a JSON body and validates it; a body that is not JSON is a 400, a wrong field a 422 naming it. */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const type = c.req.header('Content-Type') ?? ''
  if (!/^application\/(.+\+)?json\b/i.test(type)) throw new Problem('bad-request', {}, [], 'problem.bad-request.detail')
  let body: unknown
  try {
    body = await c.req.json()
  } catch {
    throw new Problem('bad-request')
  }
  const parsed = validate(schema, body)
  if (!parsed.ok) throw new Problem('validation', {}, fieldErrorList(parsed.errors))
  return parsed.data
}

/**
 * A small JSON answer with its Content-Length, which is what lets the compress middleware (app.ts)
 * see that it is under its threshold. Without it, compress rebuilt every JSON response to add
 * `Vary: Accept-Encoding` (a web Response and stream each time: a tenth of a phone answer's time in
 * bench/ingest.ts) and gzipped a 60-byte body into a larger one for phones that accept gzip.
 */
export function smallJson(c: Context, value: unknown, status: ContentfulStatusCode = 200): Response {
  const text = JSON.stringify(value)
  return c.body(text, status, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)) })
}
