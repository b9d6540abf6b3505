import { z } from 'zod'
import type { Deps } from '../app-env.ts'
import type { OpenApiPaths } from '../platform/http/openapi.ts'
import { jsonResponse } from '../platform/http/openapi.ts'
import { Problem } from '../platform/http/problems.ts'
import { listApiTokens, revokeApiToken } from './api-tokens.ts'
import { ROLE_PERMISSIONS } from './permissions.ts'
import type { RouteTable } from './route-table.ts'
import { apiTokenSchema, meSchema } from './user-form.ts'
import { actorOf } from './user-routes.tsx'

export function accountApiRoutes(routes: RouteTable, deps: Deps): void {
  routes.get('/api/v1/me', 'signed-in', (c) => {
    const user = c.get('user')!
    const me: z.input<typeof meSchema> = { ...user, permissions: [...ROLE_PERMISSIONS[user.role]] }
    return c.json(me)
  })

  routes.get('/api/v1/me/tokens', 'signed-in', async (c) => c.json({ tokens: await listApiTokens(deps.db, c.get('user')!.id) }))

  routes.post('/api/v1/me/tokens/:id/revoke', 'signed-in', async (c) => {
    const actor = actorOf(c)
    const id = c.req.param('id') ?? ''
    await revokeApiToken(deps.db, actor, id, actor.id!)
    const token = (await listApiTokens(deps.db, actor.id!)).find((t) => t.id === id)
    if (!token) throw new Problem('not-found', {}, [], 'account.noSuchToken')
    return c.json(token)
  })
}

const tokenId = [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }]

export const accountApiDoc: OpenApiPaths = {
  '/api/v1/me': {
    get: {
      summary: 'The user the bearer token belongs to, with the permissions of their role',
      tags: ['accounts'],
      responses: { '200': jsonResponse('The token’s user', meSchema) },
    },
  },
  '/api/v1/me/tokens': {
    get: {
      summary: 'The API tokens of the bearer token’s user, newest first, without their secrets',
      tags: ['accounts'],
      responses: { '200': jsonResponse('The tokens', z.object({ tokens: z.array(apiTokenSchema) })) },
    },
  },
  '/api/v1/me/tokens/{id}/revoke': {
    post: {
      summary: 'Revoke one of one’s own API tokens (the one in use too); revoking a revoked token changes nothing',
      tags: ['accounts'],
      parameters: tokenId,
      responses: { '200': jsonResponse('The revoked token', apiTokenSchema), '404': { description: 'No such token of this user' } },
    },
  },
}
