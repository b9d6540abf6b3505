// Questionnaires: the list, XLSForm download, and XLSForm upload from KoboToolbox or ODK.
import type { Context } from 'hono'
import type { AppEnv, Deps } from '../app-env.ts'
import type { RouteTable } from '../accounts/route-table.ts'
import { can } from '../accounts/permissions.ts'
import { actorOf } from '../accounts/user-routes.tsx'
import { Problem } from '../platform/http/problems.ts'
import { renderPage } from '../page.tsx'
import { definitionOf } from './collection.ts'
import * as q from './evaluation-queries.ts'
import { itemsOf } from './questionnaire-schema.ts'
import { saveImportedQuestionnaire } from './questionnaires.ts'
import { QuestionnairesPage } from './views/questionnaires.tsx'
import { fromXlsForm, toXlsForm, XlsFormError } from './xlsform.ts'

const MAX_XLSFORM_BYTES = 1024 * 1024

export function questionnaireRoutes(routes: RouteTable, deps: Deps): void {
  const { db } = deps

  const show = async (c: Context<AppEnv>, extra: Partial<Parameters<typeof QuestionnairesPage>[0]> = {}, status: 200 | 422 = 200) => {
    const t = c.get('t')
    const locale = c.get('locale')
    const rows = []
    for (const questionnaire of await q.listQuestionnaires(db)) {
      const version = await q.findLatestVersion(db, questionnaire.id)
      if (!version) continue
      rows.push({
        key: questionnaire.key,
        title: locale === 'id' ? questionnaire.titleId : questionnaire.titleEn,
        kind: questionnaire.kind,
        origin: questionnaire.origin,
        version: version.version,
        items: itemsOf(definitionOf(version)).filter((i) => i.kind !== 'note').length,
      })
    }
    const body = <QuestionnairesPage t={t} locale={locale} csrf={c.get('csrf')()} rows={rows} mayImport={can(c.get('user')?.role, 'programme.edit')} {...extra} />
    return renderPage(c, { title: t('questionnaire.title'), body, status })
  }

  routes.get('/questionnaires', 'programme.view', (c) => show(c))

  routes.get('/questionnaires/:key/xlsform.xlsx', 'programme.view', async (c) => {
    const questionnaire = await q.findQuestionnaireByKey(db, c.req.param('key')!)
    const version = questionnaire && (await q.findLatestVersion(db, questionnaire.id))
    if (!questionnaire || !version) throw new Problem('not-found')
    const bytes = await toXlsForm({ key: questionnaire.key, title: { id: questionnaire.titleId, en: questionnaire.titleEn }, version: version.version }, definitionOf(version))
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="${questionnaire.key}-v${version.version}.xlsx"`,
      'Cache-Control': 'private, no-store',
    })
  })

  routes.post('/questionnaires/import', 'programme.edit', async (c) => {
    const t = c.get('t')
    const file = (await c.req.parseBody())['file']
    if (!(file instanceof File) || file.size === 0) return show(c, { importError: t('questionnaire.noFile') }, 422)
    if (file.size > MAX_XLSFORM_BYTES) throw new Problem('payload-too-large', { limit: '1 MB' })
    const bytes = new Uint8Array(await file.arrayBuffer())
    // An .xlsx is a zip archive: anything else (an image, a video) is refused unread.
    if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) return show(c, { importError: t('questionnaire.notXlsx') }, 422)
    try {
      const form = await fromXlsForm(bytes)
      const saved = await saveImportedQuestionnaire(db, actorOf(c), form)
      return show(c, { imported: { ...saved, skipped: form.skipped } })
    } catch (e) {
      if (e instanceof XlsFormError) return show(c, { importError: t('questionnaire.unusable'), importProblems: e.problems }, 422)
      throw e
    }
  })
}
