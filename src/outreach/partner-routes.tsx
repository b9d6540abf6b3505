import type { Context } from 'hono'
import { z } from 'zod'
import type { AppEnv, Deps } from '../app-env.ts'
import { can } from '../accounts/permissions.ts'
import type { RouteTable } from '../accounts/route-table.ts'
import { actorOf } from '../accounts/user-routes.tsx'
import { areaTree } from '../areas/areas.ts'
import type { AreaNode } from '../areas/area-form.ts'
import { type FieldErrors, fieldErrorsOf, formStrings, type FormValues, validate } from '../platform/http/forms.ts'
import { readJson } from '../platform/http/json.ts'
import { jsonBody, jsonResponse, type OpenApiPaths } from '../platform/http/openapi.ts'
import { Problem } from '../platform/http/problems.ts'
import { renderPage } from '../page.tsx'
import { partnerInput, PARTNER_KINDS } from './partner-form.ts'
import { listPartners } from './partner-queries.ts'
import { createPartner, editPartner, getPartner, removePartner } from './partners.ts'
import { PartnerFormPage, PartnerListPage } from './views/partners.tsx'

/** Every area as a select option, indented by level: "· · Harjosari I". */
function areaOptions(tree: AreaNode[], depth = 0): { id: string; label: string }[] {
  return tree.flatMap((n) => [{ id: n.id, label: `${'· '.repeat(depth)}${n.name}` }, ...areaOptions(n.children, depth + 1)])
}

/** Called after a partner changes, so the public help directory can list or drop it. */
export type OnPartnersChanged = () => Promise<void>

export function partnerRoutes(routes: RouteTable, deps: Deps, onChanged: OnPartnersChanged = async () => {}): void {
  const { db } = deps

  routes.get('/partners', 'partner.view', async (c) => {
    const t = c.get('t')
    const deleted = c.req.query('deleted')
    const body = (
      <PartnerListPage
        t={t}
        locale={c.get('locale')}
        today={new Date().toISOString().slice(0, 10)}
        partners={await listPartners(db)}
        canEdit={can(c.get('user')?.role, 'partner.edit')}
        notice={deleted ? t('partner.deleted', { name: deleted.slice(0, 160) }) : c.req.query('saved') ? t('partner.saved') : undefined}
      />
    )
    return renderPage(c, { title: t('partner.title'), body })
  })

  const showForm = async (c: Context<AppEnv>, o: { values: FormValues; errors?: FieldErrors; id?: string; problem?: string }) => {
    const t = c.get('t')
    const title = o.id ? t('partner.editTitle', { name: o.values.name ?? '' }) : t('partner.add')
    const body = (
      <PartnerFormPage
        t={t}
        csrf={c.get('csrf')()}
        title={title}
        action={o.id ? `/partners/${o.id}` : '/partners'}
        values={o.values}
        errors={o.errors ?? {}}
        areas={areaOptions(await areaTree(db))}
        deleteAction={o.id ? `/partners/${o.id}/delete` : undefined}
        problem={o.problem}
      />
    )
    return renderPage(c, { title, body, status: o.problem ? 409 : o.errors && Object.keys(o.errors).length ? 422 : 200 })
  }

  routes.get('/partners/new', 'partner.edit', (c) => showForm(c, { values: { kind: 'school' } }))

  routes.post('/partners', 'partner.edit', async (c) => {
    const values = formStrings(await c.req.parseBody())
    const parsed = validate(partnerInput, values)
    if (!parsed.ok) return showForm(c, { values, errors: parsed.errors })
    try {
      await createPartner(db, actorOf(c), parsed.data)
      await onChanged()
    } catch (e) {
      if (e instanceof Problem && e.code === 'validation') return showForm(c, { values, errors: fieldErrorsOf(e) })
      throw e
    }
    return c.redirect('/partners?saved=1', 303)
  })

  routes.get('/partners/:id/edit', 'partner.edit', async (c) => {
    const p = await getPartner(db, c.req.param('id') ?? '')
    const values = Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v ?? ''])) as FormValues
    return showForm(c, { values, id: p.id })
  })

  routes.post('/partners/:id', 'partner.edit', async (c) => {
    const id = c.req.param('id') ?? ''
    await getPartner(db, id)
    const values = formStrings(await c.req.parseBody())
    const parsed = validate(partnerInput, values)
    if (!parsed.ok) return showForm(c, { values, errors: parsed.errors, id })
    try {
      await editPartner(db, actorOf(c), id, parsed.data)
      await onChanged()
    } catch (e) {
      if (e instanceof Problem && e.code === 'validation') return showForm(c, { values, errors: fieldErrorsOf(e), id })
      throw e
    }
    return c.redirect('/partners?saved=1', 303)
  })

  routes.post('/partners/:id/delete', 'partner.edit', async (c) => {
    const id = c.req.param('id') ?? ''
    try {
      const partner = await removePartner(db, actorOf(c), id)
      await onChanged()
      return c.redirect(`/partners?deleted=${encodeURIComponent(partner.name)}`, 303)
    } catch (e) {
      if (!(e instanceof Problem) || e.code !== 'conflict') throw e
      const p = await getPartner(db, id)
      const values = Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v ?? ''])) as FormValues
      return showForm(c, { values, id, problem: c.get('t')((e.detailKey ?? 'problem.conflict.detail') as never, e.params) })
    }
  })

  routes.get('/api/v1/partners', 'partner.view', async (c) => c.json({ partners: (await listPartners(db)).map(({ areaName: _, ...p }) => p) }))

  routes.put('/api/v1/partners/:id', 'partner.edit', async (c) => {
    const id = c.req.param('id') ?? ''
    await getPartner(db, id)
    await editPartner(db, actorOf(c), id, await readJson(c, partnerInput))
    await onChanged()
    return c.json(await getPartner(db, id))
  })

  routes.post('/api/v1/partners', 'partner.edit', async (c) => {
    const partner = await createPartner(db, actorOf(c), await readJson(c, partnerInput))
    await onChanged()
    return c.json(partner, 201)
  })
}

const partnerSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(PARTNER_KINDS),
  areaId: z.uuid().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  mouStart: z.iso.date().nullable(),
  mouEnd: z.iso.date().nullable(),
  roles: z.string().nullable(),
  helpPhone: z.string().nullable().describe('Set when the partner is listed in the public help directory'),
  helpHandlesId: z.string().nullable(),
  helpHandlesEn: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
})

export const partnerApiDoc: OpenApiPaths = {
  '/api/v1/partners/{id}': {
    put: {
      summary: 'Replace a partner’s fields (partner.edit); a public phone lists it in the library’s help directory',
      tags: ['outreach'],
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
      requestBody: jsonBody(partnerInput),
      responses: { '200': jsonResponse('The partner', partnerSchema), '404': { description: 'No such partner' } },
    },
  },
  '/api/v1/partners': {
    get: {
      summary: 'Partner institutions, with staff contact details (partner.view)',
      tags: ['outreach'],
      responses: { '200': jsonResponse('Every partner', z.object({ partners: z.array(partnerSchema) })) },
    },
    post: {
      summary: 'Add a partner institution (partner.edit)',
      tags: ['outreach'],
      requestBody: jsonBody(partnerInput),
      responses: { '201': jsonResponse('The new partner', partnerSchema) },
    },
  },
}
