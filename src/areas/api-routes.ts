import type { Deps } from '../app-env.ts'
import type { RouteTable } from '../accounts/route-table.ts'
import { actorOf } from '../accounts/user-routes.tsx'
import { readJson } from '../platform/http/json.ts'
import { jsonBody, jsonResponse, type OpenApiPaths } from '../platform/http/openapi.ts'
import { z } from 'zod'
import { areaInput, areaNodeSchema } from './area-form.ts'
import { areaTree, createArea, getArea } from './areas.ts'

const areaSchema = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  level: z.string(),
  kind: z.string(),
  name: z.string(),
  kemendagriCode: z.string().nullable(),
  bpsCode: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
})

export function areaApiRoutes(routes: RouteTable, deps: Deps): void {
  routes.get('/api/v1/areas', 'area.view', async (c) => c.json({ areas: await areaTree(deps.db) }))

  routes.get('/api/v1/areas/:id', 'area.view', async (c) => c.json(await getArea(deps.db, c.req.param('id') ?? '')))

  routes.post('/api/v1/areas', 'area.edit', async (c) => {
    const input = await readJson(c, areaInput)
    const area = await createArea(deps.db, actorOf(c), input)
    c.header('Location', `/api/v1/areas/${area.id}`)
    return c.json(area, 201)
  })
}

export const areaApiDoc: OpenApiPaths = {
  '/api/v1/areas': {
    get: {
      summary: 'Every area as a tree: province › city/regency › district › village › neighbourhood',
      tags: ['areas'],
      responses: { '200': jsonResponse('The area tree', z.object({ areas: z.array(areaNodeSchema) })) },
    },
    post: {
      summary: 'Add an area under a parent (a province without one); the level follows from the parent',
      tags: ['areas'],
      requestBody: jsonBody(areaInput),
      responses: { '201': jsonResponse('The new area', areaSchema) },
    },
  },
  '/api/v1/areas/{id}': {
    get: {
      summary: 'One area',
      tags: ['areas'],
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
      responses: { '200': jsonResponse('The area', areaSchema), '404': { description: 'No such area' } },
    },
  },
}
