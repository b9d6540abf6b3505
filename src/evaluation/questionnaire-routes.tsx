// Questionnaires: the list, the builder and XLSForm download (the upload and its preview: questionnaire-import-routes.tsx).
import type { Context } from 'hono'
import type { AppEnv, Deps } from '../app-env.ts'
import type { RouteTable } from '../accounts/route-table.ts'
import { actorOf } from '../accounts/user-routes.tsx'
import { Problem } from '../platform/http/problems.ts'
import { renderPage } from '../page.tsx'
import { definitionOf } from './collection.ts'
import * as q from './evaluation-queries.ts'
import { itemsOf, type Item } from './questionnaire-schema.ts'
import { BuilderPage, ItemForm, itemValues, NewQuestionnairePage, sectionChoices } from './views/builder.tsx'
import { changeQuestionnaire, createQuestionnaire, itemFromInput, itemInput, metaInput, newQuestionnaireInput, renameQuestionnaire, type Change } from './questionnaire-editing.ts'
import { fieldErrorsOf, formStrings, validate, type FieldErrors, type FormValues } from '../platform/http/forms.ts'
import { toXlsForm } from './xlsform-write.ts'
import { placeOf } from './item-logic.ts'
import { conditionFromFields } from './item-logic-input.ts'
import { renderQuestionnaireList } from './questionnaire-list.tsx'
import { questionnaireReviewRoutes } from './questionnaire-review-routes.tsx'
import { getVersionCheck, isEditor, reviewStateOf } from './questionnaire-review.ts'
import { fingerprintOf, listUncheckedVersions } from './questionnaire-review-queries.ts'
import { can } from '../accounts/permissions.ts'
import { formatDateTime } from '../platform/i18n/i18n.ts'

export function questionnaireRoutes(routes: RouteTable, deps: Deps): void {
  const { db } = deps

  const show = (c: Context<AppEnv>) => renderQuestionnaireList(c, db)
  questionnaireReviewRoutes(routes, deps, (c, o) => builder(c, o))

  routes.get('/questionnaires', 'programme.view', (c) => show(c))

  routes.get('/questionnaires/new', 'programme.edit', (c) => {
    const t = c.get('t')
    return renderPage(c, { title: t('builder.new'), body: <NewQuestionnairePage t={t} csrf={c.get('csrf')()} values={{ kind: 'knowledge', audience: 'adults' }} errors={{}} /> })
  })

  routes.post('/questionnaires', 'programme.edit', async (c) => {
    const t = c.get('t')
    const values = formStrings(await c.req.parseBody())
    const parsed = validate(newQuestionnaireInput, values)
    const again = (errors: FieldErrors) => renderPage(c, { title: t('builder.new'), body: <NewQuestionnairePage t={t} csrf={c.get('csrf')()} values={values} errors={errors} />, status: 422 })
    if (!parsed.ok) return again(parsed.errors)
    try {
      await createQuestionnaire(db, actorOf(c), parsed.data)
    } catch (e) {
      if (e instanceof Problem && e.code === 'validation') return again(fieldErrorsOf(e))
      throw e
    }
    return c.redirect(`/questionnaires/${parsed.data.key}/edit?created=1`, 303)
  })

  const builder = async (c: Context<AppEnv>, o: { values?: FormValues; errors?: FieldErrors; meta?: FormValues; metaErrors?: FieldErrors; notice?: string; sectionValues?: FormValues; sectionErrors?: { section: number; errors: FieldErrors }; reviewValues?: FormValues; reviewErrors?: FieldErrors } = {}) => {
    const t = c.get('t')
    const locale = c.get('locale')
    const questionnaire = await q.findQuestionnaireByKey(db, c.req.param('key')!)
    const version = questionnaire && (await q.findLatestVersion(db, questionnaire.id))
    if (!questionnaire || !version) throw new Problem('not-found')
    const inUse = (await q.hasSubmissions(db, version.id)) || !!(await db.selectFrom('collectionLinks').select('id').where('questionnaireVersionId', '=', version.id).executeTakeFirst())
    const title = locale === 'id' ? questionnaire.titleId : questionnaire.titleEn
    const check = await getVersionCheck(db, questionnaire.key, version.version)
    const user = c.get('user')!
    const own = isEditor(check, user.id)
    const olderVersions = (await listUncheckedVersions(db)).filter((x) => x.key === questionnaire.key && x.version !== version.version).map((x) => x.version)
    const review = {
      base: `/questionnaires/${questionnaire.key}`,
      version: version.version,
      fingerprint: fingerprintOf(check.definition),
      state: reviewStateOf(check),
      checkedBy: check.checkedByName,
      checkedAt: check.checkedAt && formatDateTime(locale, check.checkedAt, deps.config.timeZone),
      note: check.checkNote,
      mayCheck: can(user.role, 'programme.edit') && !own,
      own,
      older: await Promise.all(olderVersions.map(async (v) => ({ version: v, fingerprint: fingerprintOf((await getVersionCheck(db, questionnaire.key, v)).definition) }))),
      values: o.reviewValues ?? {},
      errors: o.reviewErrors ?? {},
      mayCheckOlder: can(user.role, 'programme.edit'),
    }
    const body = (
      <BuilderPage
        t={t}
        locale={locale}
        csrf={c.get('csrf')()}
        questionnaire={{ key: questionnaire.key, title, origin: questionnaire.origin }}
        version={version.version}
        answered={inUse}
        definition={definitionOf(version)}
        values={o.values ?? { kind: 'truefalse', required: 'yes', section: String(definitionOf(version).sections.length - 1) }}
        errors={o.errors ?? {}}
        meta={o.meta ?? { titleId: questionnaire.titleId, titleEn: questionnaire.titleEn, introId: questionnaire.introId, introEn: questionnaire.introEn }}
        metaErrors={o.metaErrors ?? {}}
        notice={o.notice}
        sectionValues={o.sectionValues}
        sectionErrors={o.sectionErrors}
        review={review}
      />
    )
    return renderPage(c, { title, body, status: (o.errors && Object.keys(o.errors).length) || (o.metaErrors && Object.keys(o.metaErrors).length) || o.sectionErrors || o.reviewErrors ? 422 : 200 })
  }

  routes.get('/questionnaires/:key/edit', 'programme.edit', (c) => {
    const t = c.get('t')
    const saved = c.req.query('saved')
    const notice = c.req.query('checked') ? t('questionnaireReview.done', { version: c.req.query('checked')!.slice(0, 8) }) : c.req.query('created') ? t('builder.created') : saved ? t(c.req.query('new') ? 'builder.savedNew' : 'builder.saved', { version: saved }) : undefined
    return builder(c, { notice })
  })

  /** Makes a change and goes back to the builder, saying which version it went into. */
  const change = async (c: Context<AppEnv>, make: Change) => {
    const key = c.req.param('key')!
    const result = await changeQuestionnaire(db, actorOf(c), key, make)
    return c.redirect(`/questionnaires/${key}/edit?saved=${result.version}${result.newVersion ? '&new=1' : ''}`, 303)
  }
  /** The question form checked against the questions it may name; shown again with its errors, or turned into an item. */
  const itemFrom = async (c: Context<AppEnv>, values: FormValues, at: { itemId: string } | { section: number }): Promise<{ item?: Item; errors: FieldErrors }> => {
    const parsed = validate(itemInput, values)
    if (!parsed.ok) return { errors: parsed.errors }
    const questionnaire = await q.findQuestionnaireByKey(db, c.req.param('key')!)
    const version = questionnaire && (await q.findLatestVersion(db, questionnaire.id))
    if (!version) throw new Problem('not-found')
    const built = itemFromInput(parsed.data, placeOf(definitionOf(version).sections, at))
    return { item: built.item, errors: Object.fromEntries(built.errors.map((e) => [e.field, e])) }
  }

  routes.post('/questionnaires/:key/items', 'programme.edit', async (c) => {
    const values = formStrings(await c.req.parseBody())
    const { item, errors } = await itemFrom(c, values, { section: Number(values['section'] ?? 0) || 0 })
    if (!item) return builder(c, { values, errors })
    try {
      return await change(c, { kind: 'add', section: Number(values['section'] ?? 0) || 0, item })
    } catch (e) {
      if (e instanceof Problem && e.code === 'validation') return builder(c, { values, errors: fieldErrorsOf(e) })
      throw e
    }
  })

  const editItem = async (c: Context<AppEnv>, o: { values?: FormValues; errors?: FieldErrors } = {}) => {
    const t = c.get('t')
    const questionnaire = await q.findQuestionnaireByKey(db, c.req.param('key')!)
    const version = questionnaire && (await q.findLatestVersion(db, questionnaire.id))
    const definition = version ? definitionOf(version) : undefined
    const item = definition && itemsOf(definition).find((i) => i.id === c.req.param('itemId'))
    if (!questionnaire || !definition || !item) throw new Problem('not-found')
    const body = (
      <>
        <p>
          <a href={`/questionnaires/${questionnaire.key}/edit`}>← {c.get('locale') === 'id' ? questionnaire.titleId : questionnaire.titleEn}</a>
        </p>
        <h1>{t('builder.editItem', { id: item.id })}</h1>
        <ItemForm
          t={t}
          locale={c.get('locale')}
          questions={placeOf(definition.sections, { itemId: item.id }).earlier}
          csrf={c.get('csrf')()}
          action={`/questionnaires/${questionnaire.key}/items/${item.id}`}
          values={o.values ?? { ...itemValues(item, placeOf(definition.sections, { itemId: item.id }).earlier), section: String(definition.sections.findIndex((s) => s.items.some((i) => i.id === item.id))) }}
          errors={o.errors ?? {}}
          sections={sectionChoices(t, c.get('locale'), definition)}
          idFixed
          submit={t('builder.saveItem')}
        />
      </>
    )
    return renderPage(c, { title: t('builder.editItem', { id: item.id }), body, status: o.errors ? 422 : 200 })
  }

  routes.get('/questionnaires/:key/items/:itemId/edit', 'programme.edit', (c) => editItem(c))

  routes.post('/questionnaires/:key/items/:itemId', 'programme.edit', async (c) => {
    const values: FormValues = { ...formStrings(await c.req.parseBody()), id: c.req.param('itemId')! }
    const { item, errors } = await itemFrom(c, values, { itemId: c.req.param('itemId')! })
    if (!item) return editItem(c, { values, errors })
    const section = values['section'] === undefined || values['section'] === '' ? undefined : Number(values['section'])
    try {
      return await change(c, { kind: 'replace', itemId: c.req.param('itemId')!, item, ...(Number.isInteger(section) ? { section } : {}) })
    } catch (e) {
      if (e instanceof Problem && e.code === 'validation') return editItem(c, { values, errors: fieldErrorsOf(e) })
      throw e
    }
  })

  for (const action of ['up', 'down', 'delete'] as const) {
    routes.post(`/questionnaires/:key/items/:itemId/${action}`, 'programme.edit', async (c) => {
      try {
        return await change(c, action === 'delete' ? { kind: 'delete', itemId: c.req.param('itemId')! } : { kind: 'move', itemId: c.req.param('itemId')!, by: action === 'up' ? -1 : 1 })
      } catch (e) {
        // A question others name in their logic: the builder again, naming them.
        if (e instanceof Problem && e.code === 'validation') return builder(c, { errors: fieldErrorsOf(e) })
        throw e
      }
    })
  }

  routes.post('/questionnaires/:key/meta', 'programme.edit', async (c) => {
    const values = formStrings(await c.req.parseBody())
    const parsed = validate(metaInput, values)
    if (!parsed.ok) return builder(c, { meta: values, metaErrors: parsed.errors })
    await renameQuestionnaire(db, actorOf(c), c.req.param('key')!, parsed.data)
    return c.redirect(`/questionnaires/${c.req.param('key')}/edit`, 303)
  })

  const sectionTitle = (values: FormValues) => {
    const id = (values['sectionId'] ?? '').trim()
    const en = (values['sectionEn'] ?? '').trim()
    return id || en ? { id: (id || en).slice(0, 200), en: (en || id).slice(0, 200) } : undefined
  }

  routes.post('/questionnaires/:key/sections/:section', 'programme.edit', async (c) => {
    const values = formStrings(await c.req.parseBody())
    const title = sectionTitle(values)
    if (!title) return builder(c, { errors: { sectionId: { field: 'sectionId', message: 'validation.required' } } })
    const section = Number(c.req.param('section'))
    const questionnaire = await q.findQuestionnaireByKey(db, c.req.param('key')!)
    const version = questionnaire && (await q.findLatestVersion(db, questionnaire.id))
    if (!version) throw new Problem('not-found')
    // A section's show-if may name the questions of the sections before it.
    const show = conditionFromFields(values, 'show', placeOf(definitionOf(version).sections, { section: section - 1 }).earlier.filter(() => section > 0))
    if (show.error) return builder(c, { sectionValues: values, sectionErrors: { section, errors: { [show.error.field]: show.error } } })
    return change(c, { kind: 'renameSection', section, title, relevant: show.expr }).catch((e) => {
      // A show-if that closes a circle in the logic: the builder again, naming it.
      if (e instanceof Problem && e.code === 'validation') return builder(c, { errors: fieldErrorsOf(e) })
      throw e
    })
  })

  for (const action of ['up', 'down'] as const) {
    routes.post(`/questionnaires/:key/sections/:section/${action}`, 'programme.edit', (c) =>
      change(c, { kind: 'moveSection', section: Number(c.req.param('section')), by: action === 'up' ? -1 : 1 }).catch((e) => {
        if (e instanceof Problem && e.code === 'validation') return builder(c, { errors: fieldErrorsOf(e) })
        throw e
      }),
    )
  }

  routes.post('/questionnaires/:key/sections/:section/delete', 'programme.edit', async (c) => {
    try {
      return await change(c, { kind: 'deleteSection', section: Number(c.req.param('section')) })
    } catch (e) {
      if (e instanceof Problem && e.code === 'validation') return builder(c, { errors: fieldErrorsOf(e) })
      throw e
    }
  })

  routes.post('/questionnaires/:key/sections', 'programme.edit', async (c) => {
    const title = sectionTitle(formStrings(await c.req.parseBody()))
    if (!title) return builder(c, { errors: { sectionId: { field: 'sectionId', message: 'validation.required' } } })
    return change(c, { kind: 'section', title })
  })

  routes.get('/questionnaires/:key/xlsform.xlsx', 'programme.view', async (c) => {
    const questionnaire = await q.findQuestionnaireByKey(db, c.req.param('key')!)
    const version = questionnaire && (await q.findLatestVersion(db, questionnaire.id))
    if (!questionnaire || !version) throw new Problem('not-found')
    const bytes = await toXlsForm({ key: questionnaire.key, title: { id: questionnaire.titleId, en: questionnaire.titleEn }, version: version.version, intro: { id: questionnaire.introId, en: questionnaire.introEn } }, definitionOf(version))
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="${questionnaire.key}-v${version.version}.xlsx"`,
      'Cache-Control': 'private, no-store',
    })
  })
}
