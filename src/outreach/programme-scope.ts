// Which programmes a signed-in person may see. Staff see every programme, except:
// - a partner account sees only the programmes its partner institution (users.partner_id) is a partner
//   in, and nothing programme-specific while no admin has linked it to an institution;
// - a coordinator marked "own programmes only" (users.own_programmes_only) sees only the programmes
//   whose team includes them (as coordinator or facilitator).
// The limit covers: the programme list (page and API), every /programmes/:id… page and API call
// (detail, edit, report, evaluation, visits, target groups, new session), every /sessions/:id… page
// and API call of another programme's session (including its evaluation, exports and paper entry),
// coverage (the programme choice and ?programme=), the programme's results, the calendar (sessions,
// visits, the programme filter and programme feeds) and the /api/v1/sessions list.
import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv, Deps } from '../app-env.ts'
import { findUserScope } from '../accounts/user-scope.ts'
import { can } from '../accounts/permissions.ts'
import type { RouteSpec } from '../accounts/route-table.ts'
import type { Db } from '../database.ts'
import { Problem } from '../platform/http/problems.ts'

export type ProgrammeScope = { all: true } | { all: false; ids: ReadonlySet<string>; unlinkedPartner: boolean }

const ALL: ProgrammeScope = { all: true }

export async function programmeScopeOf(db: Db, user: { id: string; role: string } | null): Promise<ProgrammeScope> {
  if (!user || user.role === 'admin' || user.role === 'facilitator') return ALL
  const scope = await findUserScope(db, user.id)
  if (user.role === 'partner') {
    if (!scope.partnerId) return { all: false, ids: new Set(), unlinkedPartner: true }
    const rows = await db.selectFrom('programmePartners').select('programmeId').where('partnerId', '=', scope.partnerId).execute()
    return { all: false, ids: new Set(rows.map((r) => r.programmeId)), unlinkedPartner: false }
  }
  if (!scope.ownProgrammesOnly) return ALL
  const led = await db.selectFrom('programmes').select('id').where('coordinatorId', '=', user.id).execute()
  const member = await db.selectFrom('programmeFacilitators').select('programmeId').where('userId', '=', user.id).execute()
  return { all: false, ids: new Set([...led.map((r) => r.id), ...member.map((r) => r.programmeId)]), unlinkedPartner: false }
}

export const inScope = (scope: ProgrammeScope, programmeId: string) => scope.all || scope.ids.has(programmeId)

// Worked out once per request, whichever route or guard asks first.
const perRequest = new WeakMap<Request, Promise<ProgrammeScope>>()

export function scopeOf(c: Context<AppEnv>, db: Db): Promise<ProgrammeScope> {
  let scope = perRequest.get(c.req.raw)
  if (!scope) perRequest.set(c.req.raw, (scope = programmeScopeOf(db, c.get('user'))))
  return scope
}

/** Keeps only the programmes the person may see. */
export async function visibleProgrammes<P extends { id: string }>(c: Context<AppEnv>, db: Db, programmes: P[]): Promise<P[]> {
  const scope = await scopeOf(c, db)
  return programmes.filter((p) => inScope(scope, p.id))
}

const PROGRAMME_PATH = /^\/(?:api\/v1\/)?programmes\/([^/]+)/
const SESSION_PATH = /^\/(?:api\/v1\/)?sessions\/([^/]+)/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Answers 404 for any programme or session path outside the person's programmes, before the route
 * runs: a programme they may not see does not exist for them. A route their role may not use at all
 * is left to the route's own guard (403), so the permission table still reads true.
 */
export function programmeScopeGuard(deps: Pick<Deps, 'db'>, specs: readonly RouteSpec[]): MiddlewareHandler<AppEnv> {
  const patterns = new Map<RouteSpec, RegExp>()
  const accessOf = (method: string, path: string) => {
    for (const spec of specs) {
      if (spec.method !== method) continue
      if (!patterns.has(spec)) patterns.set(spec, new RegExp(`^${spec.path.replace(/[.]/g, '\\.').replace(/:\w+/g, '[^/]+')}$`))
      if (patterns.get(spec)!.test(path)) return spec.access
    }
    return undefined
  }
  return async (c, next) => {
    const user = c.get('user')
    if (!user || user.role === 'admin' || user.role === 'facilitator') return next()
    // Only ids shaped like ours are looked up ('new', or anything odd, is left to the route: it finds nothing).
    const programmeId = PROGRAMME_PATH.exec(c.req.path)?.[1]
    const sessionId = SESSION_PATH.exec(c.req.path)?.[1]
    if (!(programmeId && UUID.test(programmeId)) && !(sessionId && UUID.test(sessionId))) return next()
    const access = accessOf(c.req.method, c.req.path)
    if (!access || !can(user.role, access)) return next()
    const wanted = programmeId && UUID.test(programmeId) ? programmeId : (await deps.db.selectFrom('sessions').select('programmeId').where('id', '=', sessionId!).executeTakeFirst())?.programmeId
    if (wanted && !inScope(await scopeOf(c, deps.db), wanted)) throw new Problem('not-found')
    return next()
  }
}
