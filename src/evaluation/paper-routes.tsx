// Paper questionnaires typed into a keyboard grid after the session.
import crypto from 'node:crypto'
import path from 'node:path'
import type { Context } from 'hono'
import type { AppEnv, Deps } from '../app-env.ts'
import type { RouteTable } from '../accounts/route-table.ts'
import { insertAuditEntry } from '../accounts/audit-queries.ts'
import { actorOf } from '../accounts/user-routes.tsx'
import { bundleBrowserScript } from '../platform/http/browser-bundle.ts'
import { formStrings } from '../platform/http/forms.ts'
import { Problem, type FieldError } from '../platform/http/problems.ts'
import { assetUrl, registerAsset } from '../platform/http/static-files.ts'
import { renderPage } from '../page.tsx'
import { submit } from './collection.ts'
import { staffLink } from './import-routes.tsx'
import { rowsToSubmissions } from './paper-entry.ts'
import { PaperEntryPage } from './views/paper-entry.tsx'

export function paperRoutes(routes: RouteTable, deps: Deps): void {
  const { db } = deps
  registerAsset('paper.js', bundleBrowserScript(path.join(import.meta.dirname, 'browser', 'paper.ts')))
  const PAPER_ROWS = 10
  const showPaper = async (c: Context<AppEnv>, o: { values?: Record<string, string>; errors?: Map<number, FieldError[]>; saved?: number } = {}) => {
    const t = c.get('t')
    const { session, link, items, codeElements, title } = await staffLink(db, c)
    const values: Record<string, string> = { ...o.values }
    // Each row carries an id made now, so saving the same page twice stores each paper once.
    for (let r = 0; r < PAPER_ROWS; r++) values[`r${r}.id`] ||= crypto.randomUUID()
    const body = (
      <PaperEntryPage
        t={t}
        locale={c.get('locale')}
        csrf={c.get('csrf')()}
        action={`/sessions/${session.id}/evaluation/links/${link.id}/paper`}
        backHref={`/sessions/${session.id}/evaluation`}
        title={title}
        rows={PAPER_ROWS}
        codeElements={codeElements}
        items={items}
        values={values}
        errors={o.errors ?? new Map()}
        saved={o.saved}
      />
    )
    return renderPage(c, { title: t('paper.title', { title }), body, scripts: [assetUrl('paper.js')], status: o.errors?.size ? 422 : 200 })
  }

  routes.get('/sessions/:id/evaluation/links/:linkId/paper', 'session.record', (c) => showPaper(c))

  routes.post('/sessions/:id/evaluation/links/:linkId/paper', 'session.record', async (c) => {
    const { session, link, items, codeElements } = await staffLink(db, c)
    const form = formStrings(await c.req.parseBody())
    const errors = new Map<number, FieldError[]>()
    const kept: Record<string, string> = {}
    let saved = 0
    for (const { row, raw } of rowsToSubmissions(form, PAPER_ROWS, codeElements, items)) {
      try {
        await submit(db, link, raw, 'paper')
        saved++
      } catch (e) {
        if (!(e instanceof Problem && e.code === 'validation')) throw e
        errors.set(row, e.errors)
        // The row stays as typed, in the first free rows, with its own id.
        for (const [name, value] of Object.entries(form)) if (name.startsWith(`r${row}.`)) kept[name.replace(`r${row}.`, `r${errors.size - 1}.`)] = value
      }
    }
    if (saved) await insertAuditEntry(db, actorOf(c), 'evaluation.paper', { type: 'session', id: session.id }, { saved, phase: link.phase })
    const renumbered = new Map([...errors.values()].map((list, i) => [i, list]))
    return showPaper(c, { values: kept, errors: renumbered, saved })
  })
}
