import type { Context } from 'hono'
import type { AppEnv, Deps } from '../app-env.ts'
import { can } from '../accounts/permissions.ts'
import type { RouteTable } from '../accounts/route-table.ts'
import { actorOf } from '../accounts/user-routes.tsx'
import { type FieldErrors, fieldErrorsOf, formStrings, type FormValues, validate } from '../platform/http/forms.ts'
import { Problem } from '../platform/http/problems.ts'
import { renderPage } from '../page.tsx'
import { areaInput, areaUpdate } from './area-form.ts'
import { IMPORT_MAX_BYTES, importNeighbourhoods, type RowError } from './area-import.ts'
import { childLevel, type AreaLevel } from './area-rules.ts'
import { areaTree, createArea, editArea, getArea, removeArea } from './areas.ts'
import { AreaFormPage, AreaImportPage, AreaTreePage } from './views/areas.tsx'

export function areaRoutes(routes: RouteTable, deps: Deps): void {
  const { db } = deps

  routes.get('/areas', 'area.view', async (c) => {
    const t = c.get('t')
    const tree = await areaTree(db)
    let notice: string | undefined
    const created = c.req.query('created')
    const deleted = c.req.query('deleted')
    if (created) notice = t('area.created', { name: (await db.selectFrom('areas').select('name').where('id', '=', created).executeTakeFirst())?.name ?? '' })
    if (deleted) notice = t('area.deleted', { name: deleted.slice(0, 120) })
    if (c.req.query('imported')) notice = t('area.import.done', { count: Number(c.req.query('imported')), villages: Number(c.req.query('villages') ?? 0) })
    const count = (await db.selectFrom('areas').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n
    const body = <AreaTreePage t={t} tree={tree} canEdit={can(c.get('user')?.role, 'area.edit')} notice={notice} count={Number(count)} />
    return renderPage(c, { title: t('area.title'), body })
  })

  const showNew = async (c: Context<AppEnv>, values: FormValues, errors: FieldErrors = {}) => {
    const t = c.get('t')
    const parent = values.parentId ? await db.selectFrom('areas').selectAll().where('id', '=', values.parentId).executeTakeFirst() : null
    if (values.parentId && !parent) throw new Problem('not-found', {}, [], 'area.noSuchParent')
    const level = childLevel(parent?.level ?? null)
    if (!level) throw new Problem('conflict', {}, [], 'area.noChildLevel')
    const title = parent ? t('area.addChild', { level: t(`level.${level}`), name: parent.name }) : t('area.addProvince')
    const body = <AreaFormPage t={t} csrf={c.get('csrf')()} action="/areas" title={title} level={level} parentName={parent?.name ?? null} values={values} errors={errors} />
    return renderPage(c, { title, body, status: Object.keys(errors).length ? 422 : 200 })
  }

  routes.get('/areas/new', 'area.edit', (c) => showNew(c, { parentId: c.req.query('parent') ?? '' }))

  routes.post('/areas', 'area.edit', async (c) => {
    const values = formStrings(await c.req.parseBody())
    const parsed = validate(areaInput, values)
    if (!parsed.ok) return showNew(c, values, parsed.errors)
    try {
      const area = await createArea(db, actorOf(c), parsed.data)
      return c.redirect(`/areas?created=${area.id}`, 303)
    } catch (e) {
      if (e instanceof Problem && e.code === 'validation') return showNew(c, values, fieldErrorsOf(e))
      throw e
    }
  })

  // Registered before /areas/:id, which would otherwise take "import" for an id.
  const showImport = (c: Context<AppEnv>, errors: RowError[] = [], fileError?: string) => {
    const t = c.get('t')
    const body = <AreaImportPage t={t} csrf={c.get('csrf')()} errors={errors} fileError={fileError} />
    return renderPage(c, { title: t('area.import'), body, status: errors.length || fileError ? 422 : 200 })
  }

  routes.get('/areas/import', 'area.edit', (c) => showImport(c))

  routes.post('/areas/import', 'area.edit', async (c) => {
    const t = c.get('t')
    const file = (await c.req.parseBody())['file']
    if (!(file instanceof File) || file.size === 0) return showImport(c, [], t('area.import.noFile'))
    if (file.size > IMPORT_MAX_BYTES) throw new Problem('payload-too-large', { limit: '1 MB' })
    // Only UTF-8 text is accepted: anything else (an image, a spreadsheet) is refused unread.
    let text: string
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer())
      if (text.includes('\u0000')) throw new Error('binary')
    } catch {
      return showImport(c, [], t('area.import.notText'))
    }
    const result = await importNeighbourhoods(db, actorOf(c), text)
    if (!result.ok) return showImport(c, result.errors)
    return c.redirect(`/areas?imported=${result.count}&villages=${result.villages}`, 303)
  })

  const showEdit = async (c: Context<AppEnv>, values?: FormValues, errors: FieldErrors = {}, problem?: Problem) => {
    const t = c.get('t')
    const area = await getArea(db, c.req.param('id') ?? '')
    const parent = area.parentId ? await getArea(db, area.parentId) : null
    const shown = values ?? { kind: area.kind, name: area.name, kemendagriCode: area.kemendagriCode ?? '', bpsCode: area.bpsCode ?? '' }
    const title = t('area.editTitle', { name: area.name })
    const body = (
      <AreaFormPage
        t={t}
        csrf={c.get('csrf')()}
        action={`/areas/${area.id}`}
        title={title}
        level={area.level as AreaLevel}
        parentName={parent?.name ?? null}
        values={shown}
        errors={errors}
        deletable
        deleteAction={`/areas/${area.id}/delete`}
        problem={problem ? t((problem.detailKey ?? 'problem.conflict.detail') as never, problem.params) : undefined}
      />
    )
    return renderPage(c, { title, body, status: problem ? 409 : Object.keys(errors).length ? 422 : 200 })
  }

  routes.get('/areas/:id/edit', 'area.edit', (c) => showEdit(c))

  routes.post('/areas/:id', 'area.edit', async (c) => {
    const values = formStrings(await c.req.parseBody())
    const parsed = validate(areaUpdate, values)
    if (!parsed.ok) return showEdit(c, values, parsed.errors)
    try {
      await editArea(db, actorOf(c), c.req.param('id') ?? '', parsed.data)
      return c.redirect('/areas', 303)
    } catch (e) {
      if (e instanceof Problem && e.code === 'validation') return showEdit(c, values, fieldErrorsOf(e))
      throw e
    }
  })

  routes.post('/areas/:id/delete', 'area.edit', async (c) => {
    try {
      const area = await removeArea(db, actorOf(c), c.req.param('id') ?? '')
      return c.redirect(`/areas?deleted=${encodeURIComponent(area.name)}`, 303)
    } catch (e) {
      if (e instanceof Problem && e.code === 'conflict') return showEdit(c, undefined, {}, e)
      throw e
    }
  })

}
