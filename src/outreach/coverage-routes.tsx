import type { Context } from 'hono'
import { z } from 'zod'
import type { AppEnv, Deps } from '../app-env.ts'
import { can } from '../accounts/permissions.ts'
import type { RouteTable } from '../accounts/route-table.ts'
import { jsonResponse, type OpenApiPaths } from '../platform/http/openapi.ts'
import { Problem } from '../platform/http/problems.ts'
import { renderPage } from '../page.tsx'
import { programmeCoverage, type KnowledgeSource } from './coverage.ts'
import { partnerSnapshot } from './partner-snapshots.ts'
import { scopeOf, visibleProgrammes } from './programme-scope.ts'
import { listProgrammes } from './programme-queries.ts'
import { localToday } from './session-rules.ts'
import { GROUP_KINDS } from './target-group-form.ts'
import { CoveragePage } from './views/coverage.tsx'
import { ProgrammeReportPage } from './views/programme-report.tsx'
import { programmeReport, type NoteScreen } from './programme-report.ts'
import type { GroupKnowledge, GroupKnowledgeSource } from './knowledge.ts'
import type { Child } from 'hono/jsx'
import type { T } from '../messages.ts'
import type { Locale } from '../platform/i18n/i18n.ts'
import { renderReportPdf } from './report-pdf.ts'
import { warmPdf } from '../platform/pdf.ts'
import { afterResponse } from '../platform/http/after-response.ts'

/** What the programme report takes from the evaluation slice (see app.ts): knowledge per group, and the disclosure screen for notes. */
export interface ReportSources {
  groupKnowledge: GroupKnowledgeSource
  noteScreen: (db: Deps['db']) => Promise<NoteScreen>
  /** The knowledge section of the HTML page, drawn with the results page's chart. */
  KnowledgeView: (p: { t: T; locale: Locale; knowledge: GroupKnowledge }) => Child
}

export function coverageRoutes(routes: RouteTable, deps: Deps, knowledge?: KnowledgeSource, sources?: ReportSources): void {
  const { db, config } = deps

  const suppressFor = (c: Context<AppEnv>) => !can(c.get('user')?.role, 'programme.view')

  /** Staff see live knowledge figures; partners the programme's dated snapshot (partner-snapshots.ts). */
  const knowledgeFor = async (c: Context<AppEnv>, programmeId: string): Promise<{ knowledge?: KnowledgeSource; knowledgeAsOf?: string | null }> => {
    if (!knowledge || !suppressFor(c)) return { knowledge }
    const snapshot = await partnerSnapshot(db, programmeId, () => knowledge(db, programmeId), config.timeZone)
    return { knowledge: async () => snapshot?.pairs ?? [], knowledgeAsOf: snapshot?.asOf ?? null }
  }

  /** Staff see exact counts; anyone who may not see programmes (partners) sees suppressed aggregates; each only the programmes in their scope. */
  const coverageFor = async (c: Context<AppEnv>, programmeId: string | undefined) => {
    const programmes = await visibleProgrammes(c, db, await listProgrammes(db))
    const chosen = programmeId ?? (programmes.find((p) => p.status === 'active') ?? programmes[0])?.id
    if (programmeId && !programmes.some((p) => p.id === programmeId)) throw new Problem('not-found')
    const coverage = chosen ? await programmeCoverage(db, chosen, { today: localToday(config.timeZone), suppress: suppressFor(c), ...(await knowledgeFor(c, chosen)) }) : undefined
    return { programmes, coverage }
  }

  const programmeParam = (c: Context<AppEnv>) => {
    const raw = c.req.query('programme')
    if (!raw) return undefined
    const parsed = z.uuid().safeParse(raw)
    if (!parsed.success) throw new Problem('not-found')
    return parsed.data
  }

  routes.get('/coverage', 'coverage.view', async (c) => {
    const t = c.get('t')
    const { programmes, coverage } = await coverageFor(c, programmeParam(c))
    const scope = await scopeOf(c, db)
    const body = <CoveragePage t={t} locale={c.get('locale')} programmes={programmes.map((p) => ({ id: p.id, name: p.name }))} coverage={coverage} unlinkedPartner={!scope.all && scope.unlinkedPartner} />
    return renderPage(c, { title: t('coverage.title'), body })
  })

  const reportFor = async (c: Context<AppEnv>) => {
    const id = z.uuid().safeParse(c.req.param('id'))
    if (!id.success) throw new Problem('not-found')
    // Out-of-scope programmes never reach here: programmeScopeGuard answers 404 for /programmes/:id….
    const partner = suppressFor(c)
    const groupKnowledge = sources ? await sources.groupKnowledge(db, id.data, { partner, timeZone: config.timeZone }) : null
    // Without the screen no note can be checked for a disclosure, so none is shown.
    const screen = sources ? await sources.noteScreen(db) : () => true
    return programmeReport(db, id.data, { today: localToday(config.timeZone), suppress: partner, ...(await knowledgeFor(c, id.data)), groupKnowledge, screen })
  }

  routes.get('/programmes/:id/report', 'coverage.view', async (c) => {
    const t = c.get('t')
    const report = await reportFor(c)
    const knowledge = sources && report.knowledge ? sources.KnowledgeView({ t, locale: c.get('locale'), knowledge: report.knowledge }) : null
    const body = <ProgrammeReportPage t={t} locale={c.get('locale')} report={report} pdfHref={`/programmes/${report.programme.id}/report.pdf`} knowledge={knowledge} />
    // Once the page is sent, so that warming the PDF machinery does not delay it (after-response.ts).
    afterResponse(c, () => void warmPdf())
    return renderPage(c, { title: `${t('report.title')}: ${report.programme.name}`, body })
  })

  routes.get('/programmes/:id/report.pdf', 'coverage.view', async (c) => {
    const report = await reportFor(c)
    const pdf = await renderReportPdf(report, c.get('t'), c.get('locale'))
    const name = `jaga-${report.programme.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}-${c.get('locale')}.pdf`
    return c.body(new Uint8Array(pdf), 200, { 'Content-Type': 'application/pdf', 'Content-Disposition': `inline; filename="${name}"`, 'Cache-Control': 'private, no-store' })
  })

  routes.get('/api/v1/coverage', 'coverage.view', async (c) => {
    const { coverage } = await coverageFor(c, programmeParam(c))
    if (!coverage) throw new Problem('not-found')
    return c.json(coverage)
  })
}

const shown = z.number().int().nullable().describe('null when hidden: under 5 people, or enough to work out a hidden count')
const coverageSchema = z.object({
  programme: z.object({ id: z.uuid(), name: z.string(), startsOn: z.iso.date(), endsOn: z.iso.date() }),
  groups: z.array(z.enum(GROUP_KINDS)),
  rows: z.array(
    z.object({
      areaId: z.uuid(),
      name: z.string(),
      depth: z.number().int(),
      sessionsHeld: z.number().int(),
      people: shown,
      byGroup: z.array(shown),
      lastVisit: z.iso.date().nullable(),
      nextDue: z.iso.date().nullable(),
      overdue: z.boolean(),
      neverReached: z.boolean(),
      targetSize: z.number().int().nullable(),
      knowledge: z.object({ pairs: shown, preShare: z.number().nullable(), postShare: z.number().nullable() }).nullable(),
    }),
  ),
  totals: z.object({ sessionsHeld: z.number().int(), people: shown, byGroup: z.array(shown), areasReached: z.number().int(), areas: z.number().int() }),
  suppressed: z.boolean(),
  knowledgeAsOf: z.iso.date().nullable().optional().describe('Partner tokens: the date of the knowledge snapshot shown, renewed after 5 new pairs; null when there is none yet'),
})

export const coverageApiDoc: OpenApiPaths = {
  '/api/v1/coverage': {
    get: {
      summary: 'Reach of a programme per kelurahan, lingkungan and group (coverage.view). Partner tokens get kelurahan rows only, with small counts hidden',
      tags: ['outreach'],
      parameters: [{ name: 'programme', in: 'query', schema: { type: 'string', format: 'uuid' }, description: 'Defaults to the first active programme' }],
      responses: { '200': jsonResponse('Coverage', coverageSchema), '404': { description: 'No such programme, or none yet' } },
    },
  },
}
