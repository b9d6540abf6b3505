// Answers that arrive on paper or as a CSV export are entered by staff against one of a session's
// links. Both check the same thing first: the link belongs to the session and the user records it.
import type { Context } from 'hono'
import type { AppEnv, Deps } from '../app-env.ts'
import type { RouteTable } from '../accounts/route-table.ts'
import { insertAuditEntry } from '../accounts/audit-queries.ts'
import { actorOf } from '../accounts/user-routes.tsx'
import { formStrings } from '../platform/http/forms.ts'
import { Problem } from '../platform/http/problems.ts'
import type { Params } from '../platform/i18n/i18n.ts'
import { renderPage } from '../page.tsx'
import { getSession } from '../outreach/sessions.ts'
import type { GroupKind } from '../outreach/target-group-form.ts'
import type { Db } from '../database.ts'
import { linkDefinition, submit } from './collection.ts'
import { CSV_LIMITS, guessColumn, mapRows, readCsvUpload } from './csv-import.ts'
import * as q from './evaluation-queries.ts'
import { codeElement } from './code-elements.ts'
import { itemsOf } from './questionnaire-schema.ts'
import { assertMaySeePrivateOf } from './record-access.ts'
import { CsvMappingPage, CsvUploadPage, type ImportOutcome } from './views/csv-import.tsx'

/** The link named in the path, checked against its session and the user's right to record it. */
export async function staffLink(db: Db, c: Context<AppEnv>) {
  const session = await getSession(db, c.req.param('id')!)
  const user = c.get('user')!
  // Paper and CSV entry show the link's questions and take answers per code: private parts.
  assertMaySeePrivateOf(user, session)
  const link = await q.findLinkById(db, c.req.param('linkId')!)
  if (!link || link.sessionId !== session.id) throw new Problem('not-found')
  const items = itemsOf(await linkDefinition(db, link.questionnaireVersionId)).filter((i) => i.kind !== 'note')
  const codeElements = JSON.parse(link.codeElements) as string[]
  const t = c.get('t')
  const title = `${t(`eval.phase.${link.phase}` as never)} · ${t(`group.${link.groupKind as GroupKind}`)}`
  return { session, link, items, codeElements, title }
}

export function importRoutes(routes: RouteTable, deps: Deps): void {
  const { db } = deps
  const path = (c: Context<AppEnv>) => `/sessions/${c.req.param('id')}/evaluation/links/${c.req.param('linkId')}/import`

  const showUpload = async (c: Context<AppEnv>, o: { error?: string; outcome?: ImportOutcome } = {}, status: 200 | 422 = 200) => {
    const { session, title } = await staffLink(db, c)
    const t = c.get('t')
    const body = <CsvUploadPage t={t} csrf={c.get('csrf')()} action={path(c)} backHref={`/sessions/${session.id}/evaluation`} title={title} {...o} />
    return renderPage(c, { title: t('csvImport.title', { title }), body, status })
  }

  routes.get('/sessions/:id/evaluation/links/:linkId/import', 'session.record', (c) => showUpload(c))

  // Step 1: the file is read and a mapping proposed; nothing is stored yet.
  routes.post('/sessions/:id/evaluation/links/:linkId/import', 'session.record', async (c) => {
    const t = c.get('t')
    const { items, codeElements, title } = await staffLink(db, c)
    const file = (await c.req.parseBody())['file']
    if (!(file instanceof File) || file.size === 0) return showUpload(c, { error: t('csvImport.noFile') }, 422)
    if (file.size > CSV_LIMITS.maxBytes) throw new Problem('payload-too-large', { limit: '1 MB' })
    let text: string
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer())
      if (text.includes('\u0000')) throw new Error('binary')
    } catch {
      return showUpload(c, { error: t('csvImport.notText') }, 422)
    }
    const read = await readCsvUpload(text)
    if (!('table' in read)) return showUpload(c, { error: t(read.key, read.params) }, 422)
    const { table } = read
    if (table.rows.length === 0) return showUpload(c, { error: t('csvImport.empty') }, 422)
    const mapping: Record<string, string> = {}
    for (const key of codeElements) mapping[`code.${key}`] = guessColumn(table.header, [key, codeElement(key)!.label.id, codeElement(key)!.label.en, codeElement(key)!.childLabel.id, codeElement(key)!.childLabel.en])
    for (const item of items) mapping[`a.${item.id}`] = guessColumn(table.header, [item.id, item.label.id, item.label.en])
    const body = <CsvMappingPage t={t} locale={c.get('locale')} csrf={c.get('csrf')()} action={`${path(c)}/apply`} title={title} header={table.header} rows={table.rows.length} csv={text} codeElements={codeElements} items={items} mapping={mapping} />
    return renderPage(c, { title: t('csvImport.mapTitle', { title }), body })
  })

  // Step 2: every row through the same checks as a phone's answers; refused rows are listed by line.
  routes.post('/sessions/:id/evaluation/links/:linkId/import/apply', 'session.record', async (c) => {
    const t = c.get('t')
    const { session, link, items, codeElements } = await staffLink(db, c)
    // The mapping form carries the file's text back (multipart: urlencoding could triple it past the limit).
    const form = formStrings(await c.req.parseBody())
    const mapping = Object.fromEntries(Object.entries(form).filter(([k]) => k.startsWith('map.')).map(([k, v]) => [k.slice(4), v]))
    // Read again with the same limits: the text comes back from the browser and may have been changed.
    const read = await readCsvUpload(form['csv'] ?? '')
    if (!('table' in read)) return showUpload(c, { error: t(read.key, read.params) }, 422)
    const outcome: ImportOutcome = { stored: 0, duplicates: 0, refused: [] }
    for (const { line, raw } of mapRows(read.table, mapping, link.id, codeElements, items)) {
      try {
        const result = await submit(db, link, raw, 'import')
        if (result.duplicate) outcome.duplicates++
        else outcome.stored++
      } catch (e) {
        if (!(e instanceof Problem && e.code === 'validation')) throw e
        const name = (field: string) => (field.startsWith('code.') ? (codeElement(field.slice(5))?.label[c.get('locale')] ?? field) : t('paper.question', { n: items.findIndex((i) => `a.${i.id}` === field) + 1 }))
        outcome.refused.push({ line, reasons: e.errors.map((x) => `${name(x.field)} — ${t(x.message as never, x.params as Params)}`).join('; ') })
      }
    }
    await insertAuditEntry(db, actorOf(c), 'evaluation.import', { type: 'session', id: session.id }, { phase: link.phase, stored: outcome.stored, duplicates: outcome.duplicates, refused: outcome.refused.length })
    return showUpload(c, { outcome }, outcome.refused.length ? 422 : 200)
  })
}
