import type { Context } from 'hono'
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
