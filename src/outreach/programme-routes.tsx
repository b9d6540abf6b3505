import type { Context } from 'hono'
import { z } from 'zod'
import type { AppEnv, Deps } from '../app-env.ts'
import { can } from '../accounts/permissions.ts'
import type { RouteTable } from '../accounts/route-table.ts'
import { actorOf } from '../accounts/user-routes.tsx'
import { listUsers } from '../accounts/user-queries.ts'
import { areaTree } from '../areas/areas.ts'
import type { AreaNode } from '../areas/area-form.ts'
import { type FieldErrors, fieldErrorsOf, formStrings, type FormValues, formWithLists, validate } from '../platform/http/forms.ts'
import { readJson } from '../platform/http/json.ts'
import { Problem } from '../platform/http/problems.ts'
import { renderPage } from '../page.tsx'
import { listPartners } from './partner-queries.ts'
import { programmeInput } from './programme-form.ts'
import { listLinks, listProgrammes } from './programme-queries.ts'
import { visibleProgrammes } from './programme-scope.ts'
import { createProgramme, editProgramme, getProgramme } from './programmes.ts'
import { ProgrammeFormPage, ProgrammeListPage } from './views/programmes.tsx'
import type { Option } from '../platform/views/components.tsx'
import { ProgrammeDetailPage } from './views/programme-detail.tsx'
import { ConfirmPage } from '../platform/views/confirm.tsx'
import { targetGroupInput } from './target-group-form.ts'
import { addTargetGroup, listTargetGroups, measureBaselines, removeTargetGroup, type BaselineSource } from './target-groups.ts'
import { programmeSessionGlance } from './programme-sessions.ts'
import { programmeSessionRoutes } from './programme-session-routes.tsx'
import type { KnowledgeSource } from './coverage.ts'
import { listVisitPlans, listVisitStatus, planVisits, removeVisitPlan, visitPlanInput } from './visit-plans.ts'
import { localNow, localToday } from './session-rules.ts'

const LISTS = ['areaIds', 'facilitatorIds', 'partnerIds'] as const

const flatten = (tree: AreaNode[]): AreaNode[] => tree.flatMap((n) => [n, ...flatten(n.children)])

/** Districts and villages a programme can target, indented under their parents. */
function targetAreas(tree: AreaNode[], depth = 0): Option[] {
  return tree.flatMap((n) => {
    const here = n.level === 'district' || n.level === 'village' ? [{ id: n.id, label: `${'· '.repeat(Math.max(0, depth - 2))}${n.name}` }] : []
    return n.level === 'village' ? here : [...here, ...targetAreas(n.children, depth + 1)]
  })
}

export function programmeRoutes(routes: RouteTable, deps: Deps, knowledge?: KnowledgeSource, baseline?: BaselineSource): void {
  const { db } = deps

  const options = async () => {
    const users = (await listUsers(db)).filter((u) => u.status !== 'deactivated')
    return {
      areas: targetAreas(await areaTree(db)),
      coordinators: users.filter((u) => u.role === 'coordinator' || u.role === 'admin').map((u) => ({ id: u.id, label: `${u.displayName} (${u.email})` })),
      facilitators: users.filter((u) => u.role === 'facilitator' || u.role === 'coordinator').map((u) => ({ id: u.id, label: u.displayName })),
      partners: (await listPartners(db)).map((p) => ({ id: p.id, label: p.name })),
    }
  }

  routes.get('/programmes', 'programme.view', async (c) => {
    const t = c.get('t')
    const programmes = await visibleProgrammes(c, db, await listProgrammes(db))
    const links = await listLinks(db, programmes.map((p) => p.id))
    const coordinators = new Map((await listUsers(db)).map((u) => [u.id, u.displayName]))
    const body = (
      <ProgrammeListPage
        t={t}
        locale={c.get('locale')}
        programmes={programmes.map((p) => ({ ...p, ...links.get(p.id)! }))}
        coordinators={coordinators}
        canEdit={can(c.get('user')?.role, 'programme.edit')}
        notice={c.req.query('saved') ? t('programme.saved') : undefined}
      />
    )
    return renderPage(c, { title: t('programme.title'), body })
  })

  const showForm = async (c: Context<AppEnv>, o: { values: FormValues; lists: Record<(typeof LISTS)[number], string[]>; errors?: FieldErrors; id?: string }) => {
    const t = c.get('t')
    const title = o.id ? t('programme.editTitle', { name: o.values.name ?? '' }) : t('programme.add')
    const body = <ProgrammeFormPage t={t} csrf={c.get('csrf')()} title={title} action={o.id ? `/programmes/${o.id}` : '/programmes'} values={o.values} lists={o.lists} errors={o.errors ?? {}} options={await options()} />
    return renderPage(c, { title, body, status: o.errors && Object.keys(o.errors).length ? 422 : 200 })
  }

  /** Reads the form, validates it, and runs the save, showing the form again on any field error. */
  const submit = async (c: Context<AppEnv>, id: string | undefined, save: (input: z.output<typeof programmeInput>) => Promise<{ id: string } | void>) => {
    const form = formWithLists(await c.req.parseBody({ all: true }), LISTS)
    const values = Object.fromEntries(Object.entries(form).filter(([, v]) => typeof v === 'string')) as FormValues
    const lists = { areaIds: form.areaIds as string[], facilitatorIds: form.facilitatorIds as string[], partnerIds: form.partnerIds as string[] }
    const parsed = validate(programmeInput, { ...values, ...lists })
    if (!parsed.ok) return showForm(c, { values, lists, errors: parsed.errors, ...(id ? { id } : {}) })
    let saved: { id: string } | void
    try {
      saved = await save(parsed.data)
    } catch (e) {
      if (e instanceof Problem && e.code === 'validation') return showForm(c, { values, lists, errors: fieldErrorsOf(e), ...(id ? { id } : {}) })
      throw e
    }
    // The programme's own page: target groups, visit plans and sessions are added there next.
    return c.redirect(`/programmes/${saved?.id ?? id}?saved=1`, 303)
  }

  routes.get('/programmes/new', 'programme.edit', (c) => showForm(c, { values: { status: 'planned' }, lists: { areaIds: [], facilitatorIds: [], partnerIds: [] } }))

  routes.post('/programmes', 'programme.edit', (c) => submit(c, undefined, (input) => createProgramme(db, actorOf(c), input)))

  /** The programme page; after a refused form, that form (target group or visit plan) shows its values and errors. */
  const showDetail = async (c: Context<AppEnv>, failed?: { form: 'targetGroup' | 'visitPlan'; values: FormValues; errors: FieldErrors }) => {
    const errors = failed?.errors ?? {}
    const programme = await getProgramme(db, c.req.param('id') ?? '')
    const tree = await areaTree(db)
    const names = {
      areas: new Map(flatten(tree).map((a) => [a.id, a.name])),
      users: new Map((await listUsers(db)).map((u) => [u.id, u.displayName])),
      partners: new Map((await listPartners(db)).map((p) => [p.id, p.name])),
    }
    const groups = await listTargetGroups(db, programme.id)
    const body = (
      <ProgrammeDetailPage
        t={c.get('t')}
        locale={c.get('locale')}
        csrf={c.get('csrf')()}
        programme={programme}
        names={names}
        groups={groups}
        measured={measureBaselines(groups, tree, baseline ? await baseline(db, programme.id) : [])}
        sessions={await programmeSessionGlance(db, programme.id, localNow(deps.config.timeZone))}
        notice={c.req.query('saved') ? c.get('t')('programme.saved') : undefined}
        canEdit={can(c.get('user')?.role, 'programme.edit')}
        visitPlans={await listVisitPlans(db, programme.id)}
        visits={await listVisitStatus(db, [programme.id], localToday(deps.config.timeZone), knowledge)}
        forms={{
          targetGroup: failed?.form === 'targetGroup' ? failed : { values: { baselineLevel: 'unknown' }, errors: {} },
          visitPlan: failed?.form === 'visitPlan' ? failed : { values: { everyMonths: '3' }, errors: {} },
        }}
      />
    )
    return renderPage(c, { title: programme.name, body, status: Object.keys(errors).length ? 422 : 200 })
  }

  routes.get('/programmes/:id', 'programme.view', (c) => showDetail(c))
  programmeSessionRoutes(routes, deps)

  /** A small form on the programme page: validate, save, and show the page again with its errors if refused. */
  const pageForm =
    <S extends z.ZodType>(form: 'targetGroup' | 'visitPlan', schema: S, save: (c: Context<AppEnv>, id: string, input: z.output<S>) => Promise<unknown>, anchor: string) =>
    async (c: Context<AppEnv>) => {
      const id = c.req.param('id') ?? ''
      await getProgramme(db, id)
      const values = formStrings(await c.req.parseBody())
      const parsed = validate(schema, values)
      if (!parsed.ok) return showDetail(c, { form, values, errors: parsed.errors })
      try {
        await save(c, id, parsed.data)
      } catch (e) {
        if (e instanceof Problem && e.code === 'validation') return showDetail(c, { form, values, errors: fieldErrorsOf(e) })
        throw e
      }
      return c.redirect(`/programmes/${id}${anchor}`, 303)
    }

  routes.post('/programmes/:id/target-groups', 'programme.edit', pageForm('targetGroup', targetGroupInput, (c, id, input) => addTargetGroup(db, actorOf(c), id, input), ''))
  routes.post('/programmes/:id/visit-plans', 'programme.edit', pageForm('visitPlan', visitPlanInput, (c, id, input) => planVisits(db, actorOf(c), id, input), '#visits'))

  /** The step before a delete: a page that says what goes, with the button that deletes it. */
  const confirm = (c: Context<AppEnv>, o: { title: string; text: string; action: string; confirmLabel: string; back: string }) =>
    renderPage(c, { title: o.title, body: <ConfirmPage csrf={c.get('csrf')()} title={o.title} text={o.text} action={o.action} confirmLabel={o.confirmLabel} cancelHref={o.back} cancelLabel={c.get('t')('common.cancel')} /> })

  routes.get('/programmes/:id/target-groups/:groupId/delete', 'programme.edit', async (c) => {
    const t = c.get('t')
    const programme = await getProgramme(db, c.req.param('id') ?? '')
    const group = (await listTargetGroups(db, programme.id)).find((g) => g.id === c.req.param('groupId'))
    if (!group) throw new Problem('not-found')
    const text = t('targetGroup.confirmText', { group: t(`group.${group.groupKind}`), area: group.areaName })
    return confirm(c, { title: t('targetGroup.confirmTitle'), text, action: c.req.path, confirmLabel: t('targetGroup.remove'), back: `/programmes/${programme.id}` })
  })

  routes.get('/programmes/:id/visit-plans/:planId/delete', 'programme.edit', async (c) => {
    const t = c.get('t')
    const programme = await getProgramme(db, c.req.param('id') ?? '')
    const plan = (await listVisitPlans(db, programme.id)).find((v) => v.id === c.req.param('planId'))
    if (!plan) throw new Problem('not-found')
    return confirm(c, { title: t('visitPlan.confirmTitle'), text: t('visitPlan.confirmText', { area: plan.areaName }), action: c.req.path, confirmLabel: t('visitPlan.remove'), back: `/programmes/${programme.id}#visits` })
  })

  routes.post('/programmes/:id/visit-plans/:planId/delete', 'programme.edit', async (c) => {
    const id = c.req.param('id') ?? ''
    await removeVisitPlan(db, actorOf(c), id, c.req.param('planId') ?? '')
    return c.redirect(`/programmes/${id}#visits`, 303)
  })

  routes.get('/api/v1/programmes/:id/visits', 'programme.view', async (c) => {
    const programme = await getProgramme(db, c.req.param('id') ?? '')
    return c.json({ visits: await listVisitStatus(db, [programme.id], localToday(deps.config.timeZone), knowledge) })
  })

  routes.post('/api/v1/programmes/:id/visit-plans', 'programme.edit', async (c) => {
    const id = c.req.param('id') ?? ''
    await planVisits(db, actorOf(c), id, await readJson(c, visitPlanInput))
    return c.json({ visitPlans: await listVisitPlans(db, id) }, 201)
  })

  routes.post('/programmes/:id/target-groups/:groupId/delete', 'programme.edit', async (c) => {
    const id = c.req.param('id') ?? ''
    await removeTargetGroup(db, actorOf(c), id, c.req.param('groupId') ?? '')
    return c.redirect(`/programmes/${id}`, 303)
  })

  routes.get('/api/v1/programmes/:id/target-groups', 'programme.view', async (c) => {
    const programme = await getProgramme(db, c.req.param('id') ?? '')
    const groups = await listTargetGroups(db, programme.id)
    // The same measured baseline the programme page shows, next to the staff's first estimate (baselineLevel).
    const measured = measureBaselines(groups, await areaTree(db), baseline ? await baseline(db, programme.id) : [])
    return c.json({ targetGroups: groups.map(({ areaName: _, ...g }) => ({ ...g, measuredBaseline: measured.get(g.id) ?? null })) })
  })

  routes.post('/api/v1/programmes/:id/target-groups', 'programme.edit', async (c) =>
    c.json(await addTargetGroup(db, actorOf(c), c.req.param('id') ?? '', await readJson(c, targetGroupInput)), 201),
  )

  routes.get('/programmes/:id/edit', 'programme.edit', async (c) => {
    const p = await getProgramme(db, c.req.param('id') ?? '')
    const values: FormValues = { name: p.name, goal: p.goal ?? '', startsOn: p.startsOn, endsOn: p.endsOn, status: p.status, coordinatorId: p.coordinatorId ?? '' }
    return showForm(c, { values, lists: { areaIds: p.areaIds, facilitatorIds: p.facilitatorIds, partnerIds: p.partnerIds }, id: p.id })
  })

  routes.post('/programmes/:id', 'programme.edit', async (c) => {
    const id = c.req.param('id') ?? ''
    await getProgramme(db, id)
    return submit(c, id, async (input) => {
      await editProgramme(db, actorOf(c), id, input)
    })
  })

  routes.get('/api/v1/programmes', 'programme.view', async (c) => {
    const programmes = await visibleProgrammes(c, db, await listProgrammes(db))
    const links = await listLinks(db, programmes.map((p) => p.id))
    return c.json({ programmes: programmes.map((p) => ({ ...p, ...links.get(p.id)! })) })
  })

  routes.get('/api/v1/programmes/:id', 'programme.view', async (c) => c.json(await getProgramme(db, c.req.param('id') ?? '')))

  routes.put('/api/v1/programmes/:id', 'programme.edit', async (c) => {
    const id = c.req.param('id') ?? ''
    await getProgramme(db, id)
    await editProgramme(db, actorOf(c), id, await readJson(c, programmeInput))
    return c.json(await getProgramme(db, id))
  })

  routes.post('/api/v1/programmes', 'programme.edit', async (c) => c.json(await createProgramme(db, actorOf(c), await readJson(c, programmeInput)), 201))
}

export { programmeApiDoc } from './programme-api-doc.ts'
