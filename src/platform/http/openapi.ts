import { z } from 'zod'

export type OpenApiPaths = Record<string, Record<string, Record<string, unknown>>>

/** JSON Schema (draft 2020-12, which OpenAPI 3.1 uses) from the same zod schema a form or route validates with. */
export function jsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'output') {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any' })
}

export function jsonResponse(description: string, schema: z.ZodType) {
  return { description, content: { 'application/json': { schema: jsonSchema(schema) } } }
}

export function jsonBody(schema: z.ZodType) {
  return { required: true, content: { 'application/json': { schema: jsonSchema(schema, 'input') } } }
}

const problemSchema = {
  type: 'object',
  description: 'RFC 9457 problem details',
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string' },
    errors: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } },
  },
  required: ['type', 'title', 'status'],
}

export function openApiDocument(info: { title: string; version: string; description: string }, paths: OpenApiPaths) {
  const problem = { description: 'Problem details', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } }
  // Every operation can fail the same ways; say so once here instead of in each slice.
  const withErrors = Object.fromEntries(
    Object.entries(paths).map(([path, ops]) => [
      path,
      Object.fromEntries(
        Object.entries(ops).map(([method, op]) => [
          method,
          { security: [{ bearer: [] }], ...op, responses: { ...(op.responses as object), '401': problem, '403': problem, '422': problem, '500': problem } },
        ]),
      ),
    ]),
  )
  return {
    openapi: '3.1.0',
    info,
    servers: [{ url: '/' }],
    paths: withErrors,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An API token from `jaga token create --email E`' } },
      schemas: { Problem: problemSchema },
    },
  }
}
