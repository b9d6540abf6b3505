import { describe, expect, it } from 'vitest'
import { Agent, aUser, sessionAgent } from '../test/agent.ts'
import { useTestApp } from '../test/harness.ts'
import { PLUMBING_PATHS } from './app.ts'
import { createApiToken } from './accounts/users.ts'
import { can, ROLES, type Role } from './accounts/permissions.ts'
import { isApiPath, type RouteSpec } from './accounts/route-table.ts'

const jaga = useTestApp()

const SAMPLE_PARAMS: Record<string, string> = { id: '5b1f0d1e-8f55-4f5e-9a8e-0d6f1b0c9a11', token: 'x'.repeat(43), locale: 'en' }
const concrete = (path: string) => path.replace(/:(\w+)/g, (_, name: string) => SAMPLE_PARAMS[name] ?? 'sample')

type Who = Role | 'anonymous'

// One user and one API token per role (password hashing is deliberately slow); sessions are cheap and fresh.
const users = new Map<Role, Promise<Awaited<ReturnType<typeof aUser>>>>()
const tokens = new Map<Role, Promise<string>>()
const userFor = (role: Role) => users.get(role) ?? (users.set(role, aUser(jaga, role)), users.get(role)!)
const tokenFor = (role: Role) =>
  tokens.get(role) ?? (tokens.set(role, userFor(role).then((u) => createApiToken(jaga.db, { id: null, label: 'test' }, u.email, 'authz'))), tokens.get(role)!)

/** Sends one request to a route as `who`, the way a browser or an API client would. */
async function call(spec: RouteSpec, who: Who): Promise<Response> {
  const path = concrete(spec.path)
  if (isApiPath(spec.path)) {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' }
    if (who !== 'anonymous') headers.Authorization = `Bearer ${await tokenFor(who)}`
    return jaga.request(`http://localhost${path}`, { method: spec.method, headers, ...(spec.method !== 'GET' ? { body: '{}' } : {}) })
  }
  // A fresh session for every request: a route such as POST /logout ends the one it was given.
  const agent = who === 'anonymous' ? new Agent(jaga) : await sessionAgent(jaga, await userFor(who))
  return spec.method === 'GET' ? agent.get(path) : agent.post(path, {})
}

function wasDenied(spec: RouteSpec, who: Who, res: Response): boolean {
  if (res.status === 403) return true
  if (res.status === 401) return true
  return res.status === 303 && (res.headers.get('Location') ?? '').startsWith('/login?next=')
}

describe('authorization', () => {
  it('registers every route through the permission table', () => {
    const registered = jaga.app.routes.filter((r) => r.method !== 'ALL' && !PLUMBING_PATHS.includes(r.path)).map((r) => `${r.method} ${r.path}`)
    const declared = jaga.routes.specs.map((s) => `${s.method} ${s.path}`)
    expect(new Set(registered)).toEqual(new Set(declared))
    expect(declared.length).toBeGreaterThan(20)
  })

  it('allows and denies every route for every role exactly as the permission table says', async () => {
    const mismatches: string[] = []
    for (const spec of jaga.routes.specs) {
      for (const who of ['anonymous', ...ROLES] as Who[]) {
        const res = await call(spec, who)
        const allowed = can(who === 'anonymous' ? undefined : who, spec.access)
        if (wasDenied(spec, who, res) === allowed) mismatches.push(`${spec.method} ${spec.path} as ${who}: ${res.status} (access ${spec.access})`)
        if (res.status >= 500) mismatches.push(`${spec.method} ${spec.path} as ${who}: server error ${res.status}`)
      }
    }
    expect(mismatches).toEqual([])
  })

  it('answers an anonymous API call with 401 problem JSON and a page visit with a sign-in redirect', async () => {
    const api = await jaga.request('http://localhost/api/v1/areas')
    expect(api.status).toBe(401)
    expect(api.headers.get('Content-Type')).toMatch(/^application\/problem\+json/)
    expect(api.headers.get('WWW-Authenticate')).toMatch(/^Bearer/)
    const page = await jaga.request('http://localhost/admin/users')
    expect(page.status).toBe(303)
    expect(page.headers.get('Location')).toBe('/login?next=%2Fadmin%2Fusers')
  })
})
