// The questionnaire API: an XLSForm in (preview or save) and out; and a session link's XLSForm with
// its code questions, for a KoboToolbox deployment whose answers are matched with Jaga's.
import type { Context } from 'hono'
import { z } from 'zod'
import type { AppEnv, Deps } from '../app-env.ts'
import type { RouteTable } from '../accounts/route-table.ts'
import { actorOf } from '../accounts/user-routes.tsx'
import { Problem } from '../platform/http/problems.ts'
import { definitionOf } from './collection.ts'
import * as q from './evaluation-queries.ts'
import { registerOf } from './participant-register.ts'
import { importTarget, kindKeptNote, notKeptText, readUploadedXlsForm } from './questionnaire-import.ts'
import { itemsOf } from './questionnaire-schema.ts'
import { saveImportedQuestionnaire } from './questionnaires.ts'
import { getVersionCheck, reviewJson } from './questionnaire-review.ts'
import { MAX_XLSFORM_BYTES } from './xlsform.ts'
import { toXlsForm, type XlsFormMeta } from './xlsform-write.ts'

export { questionnaireApiDoc } from './questionnaire-api-doc.ts'

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

async function sendXlsForm(c: Context<AppEnv>, meta: XlsFormMeta, definition: Parameters<typeof toXlsForm>[1], fileName: string) {
  const bytes = await toXlsForm(meta, definition)
  return c.body(new Uint8Array(bytes), 200, { 'Content-Type': XLSX_TYPE, 'Content-Disposition': `attachment; filename="${fileName}"`, 'Cache-Control': 'private, no-store' })
}

export function questionnaireApiRoutes(routes: RouteTable, deps: Deps): void {
  const { db } = deps

  routes.post('/api/v1/questionnaires/import', 'programme.edit', async (c) => {
    const t = c.get('t')
    const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase()
    // An old .xls, sent with its own type: say how to make it an .xlsx rather than only that it is not one.
    if (type === 'application/vnd.ms-excel') throw new Problem('validation', {}, [{ field: 'body', message: 'xlsform.file.xls' }])
    if (type !== XLSX_TYPE) throw new Problem('validation', {}, [{ field: 'body', message: 'questionnaire.notXlsx' }])
    const bytes = new Uint8Array(await c.req.arrayBuffer())
    if (bytes.length === 0) throw new Problem('validation', {}, [{ field: 'body', message: 'questionnaire.noFile' }])
    if (bytes.length > MAX_XLSFORM_BYTES) throw new Problem('payload-too-large', { limit: '1 MB' })
    const fileName = (c.req.query('fileName') ?? '').replace(/[^\p{L}\p{N} ._()-]/gu, '').slice(0, 120)
    const read = await readUploadedXlsForm(t, bytes, fileName)
    if (!read.ok) {
      const errors = read.problems.length ? read.problems.map((p) => ({ field: `${p.sheet}:${p.row}`, message: notKeptText(t, p) })) : [{ field: 'body', message: read.error }]
      throw new Problem('validation', {}, errors)
    }
    const { form } = read
    const notKept = [...read.notKept, ...(await kindKeptNote(db, t, form.key, form.definition))].map((p) => ({ sheet: p.sheet, row: p.row, message: notKeptText(t, p) }))
    const answer = { key: form.key, title: form.title, items: itemsOf(form.definition), definition: form.definition, notKept }
    if (c.req.query('preview') === 'true') {
      const target = await importTarget(db, form.key)
      if (target.kind === 'shipped') throw new Problem('conflict', { key: form.key }, [], 'problem.questionnaire.shippedKey')
      return c.json({ ...answer, version: target.version, created: target.kind === 'new', saved: false })
    }
    const saved = await saveImportedQuestionnaire(db, actorOf(c), form)
    // A saved version waits for a check by someone other than the importer (questionnaire-review.ts).
    const review = reviewJson(await getVersionCheck(db, form.key, saved.version))
    return c.json({ ...answer, version: saved.version, created: saved.version === 1, saved: true, review }, 201)
  })

  routes.get('/api/v1/questionnaires/:key/xlsform', 'programme.view', async (c) => {
    const questionnaire = await q.findQuestionnaireByKey(db, c.req.param('key')!)
    if (!questionnaire) throw new Problem('not-found')
    const wanted = c.req.query('version')
    const number = wanted === undefined ? undefined : z.coerce.number().int().min(1).max(1_000_000).safeParse(wanted)
    if (number && !number.success) throw new Problem('validation', {}, [{ field: 'version', message: 'validation.invalid' }])
    const version = number ? await q.findVersionByNumber(db, questionnaire.id, number.data!) : await q.findLatestVersion(db, questionnaire.id)
    if (!version) throw new Problem('not-found')
    const meta = { key: questionnaire.key, title: { id: questionnaire.titleId, en: questionnaire.titleEn }, version: version.version, intro: { id: questionnaire.introId, en: questionnaire.introEn } }
    return sendXlsForm(c, meta, definitionOf(version), `${questionnaire.key}-v${version.version}.xlsx`)
  })

  // A session link's questionnaire with the link's code questions, so a Kobo deployment's answers carry the same codes.
  routes.get('/sessions/:id/evaluation/links/:linkId/xlsform.xlsx', 'programme.view', async (c) => {
    const link = await q.findLinkById(db, c.req.param('linkId')!)
    if (!link || link.sessionId !== c.req.param('id')) throw new Problem('not-found')
    const version = await q.findVersion(db, link.questionnaireVersionId)
    const questionnaire = version && (await q.findQuestionnaireById(db, version.questionnaireId))
    if (!version || !questionnaire) throw new Problem('not-found')
    const meta = { key: questionnaire.key, title: { id: questionnaire.titleId, en: questionnaire.titleEn }, version: version.version, intro: { id: link.introId, en: link.introEn }, codeElements: JSON.parse(link.codeElements) as string[], register: registerOf(link.groupKind) }
    return sendXlsForm(c, meta, definitionOf(version), `${questionnaire.key}-v${version.version}-${link.phase}-${link.groupKind}.xlsx`)
  })
}
