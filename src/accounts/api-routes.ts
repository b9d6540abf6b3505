import { z } from 'zod'
import type { Deps } from '../app-env.ts'
import type { OpenApiPaths } from '../platform/http/openapi.ts'
import { jsonResponse } from '../platform/http/openapi.ts'
import { ROLE_PERMISSIONS } from './permissions.ts'
import type { RouteTable } from './route-table.ts'
import { meSchema } from './user-form.ts'

export function accountApiRoutes(routes: RouteTable, _deps: Deps): void {
  routes.get('/api/v1/me', 'signed-in', (c) => {
    const user = c.get('user')!
    const me: z.input<typeof meSchema> = { ...user, permissions: [...ROLE_PERMISSIONS[user.role]] }
    return c.json(me)
  })
}

export const accountApiDoc: OpenApiPaths = {
  '/api/v1/me': {
    get: {
      summary: 'The user the bearer token belongs to, with the permissions of their role',
      tags: ['accounts'],
      responses: { '200': jsonResponse('The token’s user', meSchema) },
    },
  },
}
