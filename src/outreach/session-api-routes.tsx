// The sessions' JSON API: list, read, schedule, edit, attendance, report, cancel; and its OpenAPI description.
import type { Context } from 'hono'
import { z } from 'zod'
import type { AppEnv, Deps } from '../app-env.ts'
import type { RouteTable } from '../accounts/route-table.ts'
import { actorOf } from '../accounts/user-routes.tsx'
import { readJson } from '../platform/http/json.ts'
import { jsonBody, jsonResponse, type OpenApiPaths } from '../platform/http/openapi.ts'
import { Problem } from '../platform/http/problems.ts'
import { inScope, scopeOf } from './programme-scope.ts'
import { attendanceInput, cancelInput, reportInput, sessionInput, SESSION_FORMATS, SESSION_STATUSES, AGE_BANDS, GENDERS } from './session-form.ts'
import { listAttendance, listSessions } from './session-queries.ts'
import { addDays } from './session-rules.ts'
import { cancelSession, editSession, getSession, recordAttendance, reportSession, scheduleSession, withLinks, type Clash, type SessionContext } from './sessions.ts'
import { GROUP_KINDS } from './target-group-form.ts'

export function sessionApiRoutes(routes: RouteTable, deps: Deps, ctx: SessionContext): void {
  const { db } = deps
  const recorder = (c: Context<AppEnv>) => ({ ...actorOf(c), role: c.get('user')!.role })
  const withAttendance = async (ids: string[]) => {
    const rows = await listAttendance(db, ids)
    return (id: string) => rows.filter((r) => r.sessionId === id).map(({ sessionId: _, ...cell }) => cell)
  }

  routes.get('/api/v1/sessions', 'programme.view', async (c) => {
    const query = apiListQuery.safeParse(c.req.query())
    if (!query.success) throw new Problem('bad-request')
    const { programme, facilitator, from, to } = query.data
    // Partners linked to an institution and coordinators limited to their programmes list only those.
    const scope = await scopeOf(c, db)
    const listed = await listSessions(db, { programmeIds: programme ? [programme] : undefined, facilitatorId: facilitator, from, before: to ? addDays(to, 1) : undefined })
    const sessions = await withLinks(db, listed.filter((s) => inScope(scope, s.programmeId)))
    const cells = await withAttendance(sessions.map((s) => s.id))
    return c.json({ sessions: sessions.map((s) => ({ ...s, attendance: cells(s.id) })) })
  })

  routes.get('/api/v1/sessions/:id', 'programme.view', async (c) => {
    const s = await getSession(db, c.req.param('id') ?? '')
    return c.json({ ...s, attendance: (await withAttendance([s.id]))(s.id) })
  })

  routes.post('/api/v1/sessions', 'programme.edit', async (c) => {
    const input = await readJson(c, sessionInput)
    const result = await scheduleSession(db, actorOf(c), input, ctx)
    if (!result.session) throw clashProblem(result.clashes)
    return c.json({ ...result.session, attendance: [], warnings: result.clashes }, 201)
  })

  routes.put('/api/v1/sessions/:id', 'programme.edit', async (c) => {
    const id = c.req.param('id') ?? ''
    const result = await editSession(db, actorOf(c), id, await readJson(c, sessionInput), ctx)
    if (!result.saved) throw clashProblem(result.clashes)
    return c.json({ ...(await getSession(db, id)), attendance: (await withAttendance([id]))(id), warnings: result.clashes })
  })

  routes.put('/api/v1/sessions/:id/attendance', 'session.record', async (c) => {
    const { cells } = await readJson(c, attendanceInput)
    await recordAttendance(db, recorder(c), c.req.param('id') ?? '', cells, ctx)
    const s = await getSession(db, c.req.param('id') ?? '')
    return c.json({ ...s, attendance: (await withAttendance([s.id]))(s.id) })
  })

  routes.post('/api/v1/sessions/:id/report', 'session.record', async (c) => {
    await reportSession(db, recorder(c), c.req.param('id') ?? '', await readJson(c, reportInput))
    return c.json(await getSession(db, c.req.param('id') ?? ''))
  })

  routes.post('/api/v1/sessions/:id/cancel', 'programme.edit', async (c) => {
    await cancelSession(db, actorOf(c), c.req.param('id') ?? '', (await readJson(c, cancelInput)).reason)
    return c.json(await getSession(db, c.req.param('id') ?? ''))
  })
}

const clashProblem = (clashes: Clash[]) =>
  new Problem(
    'conflict',
    {},
    clashes.map((x) => ({ field: 'facilitatorIds', message: 'session.clash', params: { name: x.facilitatorId, title: x.title, when: x.startsAt } })),
    'problem.session.clash',
  )

const apiListQuery = z.object({
  programme: z.uuid().optional(),
  facilitator: z.uuid().optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
})

const cellSchema = z.object({ groupKind: z.enum(GROUP_KINDS), gender: z.enum(GENDERS), ageBand: z.enum(AGE_BANDS), count: z.number().int() })
const sessionSchema = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  title: z.string(),
  format: z.enum(SESSION_FORMATS),
  areaId: z.uuid(),
  venue: z.string().nullable(),
  onlineLink: z.string().nullable(),
  startsAt: z.string().describe('Local wall-clock time in the deployment time zone, YYYY-MM-DDTHH:MM'),
  endsAt: z.string(),
  status: z.enum(SESSION_STATUSES),
  cancelReason: z.string().nullable(),
  notes: z.string().nullable(),
  followUps: z.string().nullable(),
  audiences: z.array(z.enum(GROUP_KINDS)),
  facilitatorIds: z.array(z.uuid()),
  partnerIds: z.array(z.uuid()),
  materials: z.array(z.string()),
  attendance: z.array(cellSchema),
})
const idParam = [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }]
const tags = ['outreach']

export const sessionApiDoc: OpenApiPaths = {
  '/api/v1/sessions': {
    get: {
      summary: 'Sessions with links and attendance counts; filter by programme, facilitator and start date (programme.view)',
      tags,
      parameters: ['programme', 'facilitator'].map((name) => ({ name, in: 'query', schema: { type: 'string', format: 'uuid' } })).concat(['from', 'to'].map((name) => ({ name, in: 'query', schema: { type: 'string', format: 'date' } }))),
      responses: { '200': jsonResponse('The sessions', z.object({ sessions: z.array(sessionSchema) })) },
    },
    post: {
      summary: 'Schedule a session (programme.edit). A facilitator booked at the same time answers 409 unless confirmOverlap is true',
      tags,
      requestBody: jsonBody(sessionInput),
      responses: { '201': jsonResponse('The new session, with warnings for confirmed overlaps', sessionSchema.extend({ warnings: z.array(z.object({ sessionId: z.uuid(), title: z.string(), startsAt: z.string(), facilitatorId: z.uuid() })) })), '409': { description: 'A facilitator is double-booked' } },
    },
  },
  '/api/v1/sessions/{id}': {
    get: { summary: 'One session (programme.view)', tags, parameters: idParam, responses: { '200': jsonResponse('The session', sessionSchema), '404': { description: 'No such session' } } },
    put: {
      summary: 'Replace a session’s fields and links (programme.edit); a double-booking answers 409 unless confirmOverlap is true',
      tags,
      parameters: idParam,
      requestBody: jsonBody(sessionInput),
      responses: { '200': jsonResponse('The session', sessionSchema), '409': { description: 'A facilitator is double-booked, or the session was cancelled' } },
    },
  },
  '/api/v1/sessions/{id}/attendance': {
    put: {
      summary: 'Replace the attendance counts of a session that has started; a planned session becomes held (session.record)',
      tags,
      parameters: idParam,
      requestBody: jsonBody(attendanceInput),
      responses: { '200': jsonResponse('The session', sessionSchema), '409': { description: 'Not started, or cancelled' } },
    },
  },
  '/api/v1/sessions/{id}/report': {
    post: { summary: 'Report a held session with notes and follow-ups (session.record)', tags, parameters: idParam, requestBody: jsonBody(reportInput), responses: { '200': jsonResponse('The session', sessionSchema.omit({ attendance: true })) } },
  },
  '/api/v1/sessions/{id}/cancel': {
    post: { summary: 'Cancel a planned session with a reason (programme.edit)', tags, parameters: idParam, requestBody: jsonBody(cancelInput), responses: { '200': jsonResponse('The session', sessionSchema.omit({ attendance: true })) } },
  },
}
