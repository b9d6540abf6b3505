import type { Context } from 'hono'
import type { AppEnv, Deps } from '../app-env.ts'
import { can } from '../accounts/permissions.ts'
import type { RouteTable } from '../accounts/route-table.ts'
import { actorOf } from '../accounts/user-routes.tsx'
import { listUsers } from '../accounts/user-queries.ts'
import { areaTree } from '../areas/areas.ts'
import type { AreaNode } from '../areas/area-form.ts'
import { type FieldErrors, fieldErrorsOf, formStrings, type FormValues, formWithLists, validate } from '../platform/http/forms.ts'
import { Problem } from '../platform/http/problems.ts'
import type { Locale } from '../platform/i18n/i18n.ts'
import { renderPage } from '../page.tsx'
import { listPartners } from './partner-queries.ts'
import { getProgramme } from './programmes.ts'
import { attendanceFromForm, cancelInput, reportInput, sessionInput, type SessionInput } from './session-form.ts'
import { listAttendance } from './session-queries.ts'
import { localNow } from './session-rules.ts'
import { cancelSession, editSession, getSession, recordAttendance, reportSession, scheduleSession, type Clash, type SessionContext } from './sessions.ts'
import { SessionDetailPage } from './views/session-detail.tsx'
import { SessionFormPage } from './views/sessions.tsx'
import { sessionApiRoutes } from './session-api-routes.tsx'

export { sessionApiDoc } from './session-api-routes.tsx'

/** The library's materials as sessions use them; the library slice provides it (see app.ts). */
export interface Materials {
  list(locale: Locale): { key: string; kind: 'kit' | 'brochure' | 'page'; label: string; href: string }[]
  find(locale: Locale, key: string): { label: string; href: string } | undefined
  exists(key: string): boolean
}

const LISTS = ['audiences', 'facilitatorIds', 'partnerIds', 'materials'] as const
type Lists = Record<(typeof LISTS)[number], string[]>

/** A programme's areas and every area inside them, indented, for choosing where a session happens. */
export function areasWithin(tree: AreaNode[], roots: string[]): { id: string; label: string }[] {
  const out: { id: string; label: string }[] = []
  const walk = (n: AreaNode, depth: number) => {
    out.push({ id: n.id, label: `${'— '.repeat(depth)}${n.name}` })
    for (const c of n.children) walk(c, depth + 1)
  }
  const visit = (nodes: AreaNode[]) => {
    for (const n of nodes) roots.includes(n.id) ? walk(n, 0) : visit(n.children)
  }
  visit(tree)
  return out
}

export function sessionRoutes(routes: RouteTable, deps: Deps, materials: Materials): void {
  const { db, config } = deps
  const ctx: SessionContext = { timeZone: config.timeZone, isMaterial: (k) => materials.exists(k) }

  const showForm = async (c: Context<AppEnv>, o: { programmeId: string; values: FormValues; lists: Lists; errors?: FieldErrors; clashes?: Clash[]; id?: string }) => {
    const t = c.get('t')
    const locale = c.get('locale')
    const programme = await getProgramme(db, o.programmeId)
    const users = await listUsers(db)
    const userNames = new Map(users.map((u) => [u.id, u.displayName]))
    const active = users.filter((u) => u.status !== 'deactivated' && u.role !== 'partner')
    // The programme's own team first; anyone else active can still be chosen.
    const team = [...active.filter((u) => programme.facilitatorIds.includes(u.id)), ...active.filter((u) => !programme.facilitatorIds.includes(u.id))]
    const partners = await listPartners(db)
    const all = materials.list(locale)
    const pick = (kind: string) => all.filter((m) => m.kind === kind).map((m) => ({ id: m.key, label: m.label }))
    const title = o.id ? t('session.editTitle', { title: o.values.title ?? '' }) : `${t('session.schedule')} · ${programme.name}`
    const body = (
      <SessionFormPage
        t={t}
        locale={locale}
        csrf={c.get('csrf')()}
        title={title}
        action={o.id ? `/sessions/${o.id}` : `/programmes/${programme.id}/sessions`}
        cancelHref={o.id ? `/sessions/${o.id}` : `/programmes/${programme.id}`}
        timeZone={config.timeZone}
        values={{ ...o.values, programmeId: programme.id }}
        lists={o.lists}
        errors={o.errors ?? {}}
        clashes={(o.clashes ?? []).map((x) => ({ ...x, name: userNames.get(x.facilitatorId) ?? '—' }))}
        options={{
          areas: areasWithin(await areaTree(db), programme.areaIds),
          facilitators: team.map((u) => ({ id: u.id, label: u.displayName })),
          partners: [...partners.filter((x) => programme.partnerIds.includes(x.id)), ...partners.filter((x) => !programme.partnerIds.includes(x.id))].map((x) => ({ id: x.id, label: x.name })),
          kits: pick('kit'),
          brochures: pick('brochure'),
          pages: pick('page'),
        }}
      />
    )
    const status = (o.errors && Object.keys(o.errors).length) || o.clashes?.length ? 422 : 200
    return renderPage(c, { title, body, status })
  }

  /** Reads the session form; saves it, or shows it again with field errors or a double-booking warning. */
  const submit = async (c: Context<AppEnv>, programmeId: string, id: string | undefined, save: (input: SessionInput) => Promise<{ clashes: Clash[]; saved: boolean; id?: string }>) => {
    const form = formWithLists(await c.req.parseBody({ all: true }), LISTS)
    const values = Object.fromEntries(Object.entries(form).filter(([, v]) => typeof v === 'string')) as FormValues
    const lists = { audiences: form.audiences as string[], facilitatorIds: form.facilitatorIds as string[], partnerIds: form.partnerIds as string[], materials: form.materials as string[] }
    const again = (extra: { errors?: FieldErrors; clashes?: Clash[] }) => showForm(c, { programmeId, values, lists, ...extra, ...(id ? { id } : {}) })
    const parsed = validate(sessionInput, { ...values, ...lists, programmeId })
    if (!parsed.ok) return again({ errors: parsed.errors })
    try {
      const result = await save(parsed.data)
      if (!result.saved) return again({ clashes: result.clashes })
      return c.redirect(`/sessions/${result.id ?? id}?saved=1`, 303)
    } catch (e) {
      if (e instanceof Problem && e.code === 'validation') return again({ errors: fieldErrorsOf(e) })
      throw e
    }
  }

  const emptyLists = (): Lists => ({ audiences: [], facilitatorIds: [], partnerIds: [], materials: [] })

  routes.get('/programmes/:id/sessions/new', 'programme.edit', async (c) => {
    const programme = await getProgramme(db, c.req.param('id') ?? '')
    const lists = { ...emptyLists(), facilitatorIds: [...programme.facilitatorIds] }
    // "Schedule" beside an overdue visit (the start page) names the place: ?area=<id>. Only a shape is
    // checked here; the select offers the programme's own places, and saving validates the choice.
    const area = c.req.query('area') ?? ''
    const values: FormValues = /^[0-9a-f-]{36}$/i.test(area) ? { format: 'seminar', areaId: area } : { format: 'seminar' }
    return showForm(c, { programmeId: programme.id, values, lists })
  })

  routes.post('/programmes/:id/sessions', 'programme.edit', async (c) => {
    const programme = await getProgramme(db, c.req.param('id') ?? '')
    return submit(c, programme.id, undefined, async (input) => {
      const r = await scheduleSession(db, actorOf(c), input, ctx)
      return { saved: Boolean(r.session), clashes: r.clashes, ...(r.session ? { id: r.session.id } : {}) }
    })
  })

  const showDetail = async (c: Context<AppEnv>, o: { values?: FormValues; errors?: FieldErrors; status?: 200 | 422 } = {}) => {
    const t = c.get('t')
    const locale = c.get('locale')
    const user = c.get('user')!
    const session = await getSession(db, c.req.param('id') ?? '')
    const programme = await getProgramme(db, session.programmeId)
    const area = await db.selectFrom('areas').select('name').where('id', '=', session.areaId).executeTakeFirst()
    const attendance = await listAttendance(db, [session.id])
    const mine = user.role !== 'facilitator' || session.facilitatorIds.includes(user.id)
    const saved = c.req.query('saved')
    const body = (
      <SessionDetailPage
        t={t}
        locale={locale}
        csrf={c.get('csrf')()}
        session={session}
        programme={programme}
        names={{ area: area?.name ?? '—', users: new Map((await listUsers(db)).map((u) => [u.id, u.displayName])), partners: new Map((await listPartners(db)).map((x) => [x.id, x.name])) }}
        materials={session.materials.map((k) => materials.find(locale, k) ?? { label: k, href: '#' })}
        attendance={attendance}
        may={{
          edit: can(user.role, 'programme.edit'),
          cancel: can(user.role, 'programme.edit'),
          record: can(user.role, 'session.record') && mine,
          report: can(user.role, 'session.record') && mine,
          refer: can(user.role, 'referral.record'),
        }}
        started={session.startsAt <= localNow(config.timeZone)}
        values={o.values ?? {}}
        errors={o.errors ?? {}}
        notice={saved === 'attendance' ? t('attendance.saved', { count: attendance.reduce((n, a) => n + a.count, 0) }) : saved ? t('session.saved') : undefined}
      />
    )
    return renderPage(c, { title: session.title, body, status: o.status ?? 200 })
  }

  routes.get('/sessions/:id', 'programme.view', (c) => showDetail(c))

  routes.get('/sessions/:id/edit', 'programme.edit', async (c) => {
    const s = await getSession(db, c.req.param('id') ?? '')
    const values: FormValues = { title: s.title, format: s.format, areaId: s.areaId, venue: s.venue ?? '', onlineLink: s.onlineLink ?? '', startsAt: s.startsAt, endsAt: s.endsAt }
    return showForm(c, { programmeId: s.programmeId, values, lists: { audiences: s.audiences, facilitatorIds: s.facilitatorIds, partnerIds: s.partnerIds, materials: s.materials }, id: s.id })
  })

  routes.post('/sessions/:id', 'programme.edit', async (c) => {
    const s = await getSession(db, c.req.param('id') ?? '')
    return submit(c, s.programmeId, s.id, (input) => editSession(db, actorOf(c), s.id, input, ctx))
  })

  /** Runs a lifecycle step from a form, showing the session again with field errors when it is refused. */
  const step = async (c: Context<AppEnv>, run: (values: FormValues) => Promise<FieldErrors | void>, saved: string) => {
    const values = formStrings(await c.req.parseBody())
    try {
      const errors = await run(values)
      if (errors && Object.keys(errors).length) return showDetail(c, { values, errors, status: 422 })
    } catch (e) {
      if (e instanceof Problem && e.code === 'validation') return showDetail(c, { values, errors: fieldErrorsOf(e), status: 422 })
      throw e
    }
    return c.redirect(`/sessions/${c.req.param('id')}?saved=${saved}`, 303)
  }

  const recorder = (c: Context<AppEnv>) => ({ ...actorOf(c), role: c.get('user')!.role })

  routes.post('/sessions/:id/attendance', 'session.record', (c) =>
    step(
      c,
      async (values) => {
        const { cells, errors } = attendanceFromForm(values)
        if (Object.keys(errors).length) return Object.fromEntries(Object.entries(errors).map(([field, message]) => [field, { field, message }]))
        await recordAttendance(db, recorder(c), c.req.param('id') ?? '', cells, ctx)
      },
      'attendance',
    ),
  )

  routes.post('/sessions/:id/report', 'session.record', (c) =>
    step(
      c,
      async (values) => {
        const parsed = validate(reportInput, values)
        if (!parsed.ok) return parsed.errors
        await reportSession(db, recorder(c), c.req.param('id') ?? '', parsed.data)
      },
      '1',
    ),
  )

  routes.post('/sessions/:id/cancel', 'programme.edit', (c) =>
    step(
      c,
      async (values) => {
        const parsed = validate(cancelInput, values)
        if (!parsed.ok) return parsed.errors
        await cancelSession(db, actorOf(c), c.req.param('id') ?? '', parsed.data.reason)
      },
      '1',
    ),
  )
  sessionApiRoutes(routes, deps, ctx)
}
