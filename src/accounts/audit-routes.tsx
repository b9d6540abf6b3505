import { z } from 'zod'
import type { Deps } from '../app-env.ts'
import { formStrings, validate } from '../platform/http/forms.ts'
import { renderPage } from '../page.tsx'
import { listAuditActions, listAuditEntries } from './audit-queries.ts'
import type { RouteTable } from './route-table.ts'
import { AuditPage } from './views/audit.tsx'

const date = z.iso.date({ error: 'audit.badDate' }).optional().or(z.literal('').transform(() => undefined))
const auditFilter = z.object({
  actor: z.string().trim().max(254).optional(),
  action: z.string().trim().max(60).optional(),
  from: date,
  to: date,
  page: z.coerce.number().int().min(1).max(100000).catch(1),
})

export function auditRoutes(routes: RouteTable, deps: Deps): void {
  routes.get('/admin/audit', 'audit.view', async (c) => {
    const t = c.get('t')
    const values = formStrings(c.req.query())
    delete values.page
    const parsed = validate(auditFilter, c.req.query())
    const filter = parsed.ok ? parsed.data : { page: 1 }
    const { entries, hasNext } = await listAuditEntries(deps.db, filter)
    const body = (
      <AuditPage
        t={t}
        locale={c.get('locale')}
        entries={parsed.ok ? entries : []}
        actions={await listAuditActions(deps.db)}
        values={values}
        errors={parsed.ok ? {} : parsed.errors}
        page={filter.page}
        hasNext={parsed.ok && hasNext}
      />
    )
    return renderPage(c, { title: t('audit.title'), body, status: parsed.ok ? 200 : 422 })
  })
}
