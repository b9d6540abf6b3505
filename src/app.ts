import './platform/views/jsx-sync.ts'
import path from 'node:path'
import { Hono, type Context } from 'hono'
import { compress } from 'hono/compress'
import { HTTPException } from 'hono/http-exception'
import type { AppEnv, Deps } from './app-env.ts'
import { accountApiDoc, accountApiRoutes } from './accounts/api-routes.ts'
import { accountRoutes } from './accounts/account-routes.tsx'
import { auditRoutes } from './accounts/audit-routes.tsx'
import { authenticate } from './accounts/authenticate.ts'
import { hasDemoData } from './outreach/demo.ts'
import { programmeScopeGuard } from './outreach/programme-scope.ts'
import { userAccessRoutes } from './outreach/user-access-routes.tsx'
import { isApiPath, RouteTable } from './accounts/route-table.ts'
import { signInRoutes } from './accounts/sign-in-routes.tsx'
import { homeRoutes } from './home/routes.tsx'
import { userRoutes } from './accounts/user-routes.tsx'
import { areaApiDoc, areaApiRoutes } from './areas/api-routes.ts'
import { areaRoutes } from './areas/routes.tsx'
import { LibraryStore } from './library/library-store.ts'
import { libraryEditingRoutes } from './library/editing-routes.tsx'
import { libraryRoutes } from './library/routes.tsx'
import { partnerApiDoc, partnerRoutes } from './outreach/partner-routes.tsx'
import { partnerHelpChannels } from './outreach/partners.ts'
import { programmeApiDoc, programmeRoutes } from './outreach/programme-routes.tsx'
import { sessionApiDoc, sessionRoutes } from './outreach/session-routes.tsx'
import { calendarRoutes } from './outreach/calendar-routes.tsx'
import { coverageApiDoc, coverageRoutes } from './outreach/coverage-routes.tsx'
import { referralApiDoc, referralRoutes } from './outreach/referral-routes.tsx'
import { audienceUrl, helpUrl, libraryHome } from './library/library-urls.ts'
import { AUDIENCES, type Audience } from './library/content-schema.ts'
import { bundleBrowserScript } from './platform/http/browser-bundle.ts'
import { registerAsset } from './platform/http/static-files.ts'
import { collectApiDoc, collectRoutes } from './evaluation/collect-routes.tsx'
import { evaluationApiDoc, resultsRoutes } from './evaluation/results-routes.tsx'
import { programmeKnowledge } from './evaluation/programme-knowledge.ts'
import { noteScreen, programmeGroupKnowledge } from './evaluation/programme-results.ts'
import { ReportKnowledge } from './evaluation/views/report-knowledge.tsx'
import { programmePreScores } from './evaluation/programme-baseline.ts'
import { questionnaireRoutes } from './evaluation/questionnaire-routes.tsx'
import { questionnaireImportRoutes } from './evaluation/questionnaire-import-routes.tsx'
import { questionnaireApiDoc, questionnaireApiRoutes } from './evaluation/questionnaire-api-routes.tsx'
import { importRoutes } from './evaluation/import-routes.tsx'
import { evaluationUploadLimits } from './evaluation/upload-limits.ts'
import { disclosureRoutes } from './evaluation/disclosure-routes.tsx'
import { installShippedQuestionnaires, readShippedQuestionnaires } from './evaluation/questionnaires.ts'
import { contactHref } from './outreach/views/referrals.tsx'
import { libraryMaterials } from './library/materials.ts'
import { catalogue } from './messages.ts'
import { createTranslator } from './platform/i18n/i18n.ts'
import { renderProblem } from './problem-page.tsx'
import { auditRefusedWrites } from './accounts/refused-writes.ts'
import { csrfProtection, i18n, redactedPath, refuseUnreadablePaths, requestLog, securityHeaders } from './platform/http/middleware.ts'
import { openApiDocument } from './platform/http/openapi.ts'
import { declaredBodyLimit } from './platform/http/body-limit.ts'
import { Problem } from './platform/http/problems.ts'
import { isForeignKeyViolation, isUniqueViolation } from './platform/db/errors.ts'
import { serveAsset } from './platform/http/static-files.ts'
import { metricsRoute, requestMetrics } from './platform/http/metrics.ts'
import { metrics } from './platform/http/metrics-registry.ts'
import { QueryTimer } from './platform/db/query-timer.ts'
import { poolFigures } from './platform/db/connect.ts'
import { poolGauges } from './platform/http/metrics-gauges.ts'
import { countWaitingDisclosures } from './evaluation/metrics-queries.ts'

export const MAX_BODY_BYTES = 2 * 1024 * 1024

export interface JagaApp {
  app: Hono<AppEnv>
  /** Every route with the access it requires, for the authorization test and the docs. */
  routes: RouteTable
  /** The public library: shipped content with published web edits; call reload() once at start. */
  library: LibraryStore
  /** Settles when start-up work (installing shipped questionnaires) is done; requests wait for it anyway. */
  ready: Promise<void>
}

export function createApp(deps: Deps): JagaApp {
  const app = new Hono<AppEnv>()
  const routes = new RouteTable(app)

  // Read before the query timer wraps the database in a new Kysely, which the pool is not kept beside.
  const pool = poolFigures(deps.db)
  // With /metrics on, every query the app makes is timed (a Kysely plugin: two clock reads a query).
  if (deps.config.metricsToken) deps = { ...deps, db: deps.db.withPlugin(new QueryTimer(metrics.histogram('jaga_db_query_duration_seconds', 'Database query time, waiting for a connection included, by statement kind.'))) }
  app.use(requestMetrics())
  app.use(requestLog(deps.log))
  // Pages and JSON go out compressed for slow phone networks; static files and cached pages come pre-compressed.
  app.use(compress({ encoding: 'gzip', threshold: 1024 }))
  app.use(securityHeaders(deps.config.trustProxy))
  app.use(i18n(catalogue))
  app.use(refuseUnreadablePaths)
  app.use(auditRefusedWrites(deps))
  app.use(
    declaredBodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new Problem('payload-too-large', { limit: '2 MB' })
      },
    }),
  )
  app.use(evaluationUploadLimits) // before the CSRF check, which reads form bodies
  app.use(csrfProtection({ trustProxy: deps.config.trustProxy, skip: isApiPath }))
  app.use(authenticate(deps))
  // Partner accounts and coordinators limited to their own programmes see no other programme or session.
  app.use(programmeScopeGuard(deps, routes.specs))
  // Staff pages say so when made-up demo data is loaded, so no one mistakes it for the real programme.
  app.use(async (c, next) => {
    c.set('demoData', c.get('user') ? await hasDemoData(deps.db) : false)
    await next()
  })

  // Plumbing outside the permission table: health probe, static files, the API description.
  app.get('/healthz', async (c) => {
    await deps.db.selectFrom('users').select('id').limit(1).execute()
    // Which database answers is for the operator (`jaga` and the logs say it), not for anonymous callers.
    return c.json({ status: 'ok' })
  })
  app.get('/static/:name', serveAsset)
  const db = deps.db
  metricsRoute(app, {
    token: deps.config.metricsToken,
    gauges: [{ name: 'jaga_disclosures_waiting', help: 'Disclosures no one has marked handled yet.', read: async () => [{ value: await countWaitingDisclosures(db) }] }, ...poolGauges(pool)],
  })
  const openapi = openApiDocument(
    { title: 'Jaga API', version: '1', description: 'Programmes against online sexual exploitation and abuse of children. Errors are RFC 9457 problem details.' },
    { ...accountApiDoc, ...areaApiDoc, ...partnerApiDoc, ...programmeApiDoc, ...sessionApiDoc, ...coverageApiDoc, ...referralApiDoc, ...collectApiDoc, ...evaluationApiDoc, ...questionnaireApiDoc },
  )
  app.get('/api/v1/openapi.json', (c) => c.json(openapi))

  // Shipped questionnaires are put in the database once per start; requests wait for it (a resolved
  // promise costs nothing afterwards).
  let startupError: unknown
  const ready = installShippedQuestionnaires(deps.db, readShippedQuestionnaires(deps.config.contentDir)).catch((e: unknown) => {
    startupError = e
    deps.log.error('installing the shipped questionnaires failed', { err: e })
  })
  app.use(async (_c, next) => {
    await ready
    if (startupError) throw startupError
    await next()
  })

  // Staff pages load it (page.tsx): forms marked keep survive a dropped connection.
  registerAsset('keep-forms.js', bundleBrowserScript(path.join(import.meta.dirname, 'platform', 'browser', 'keep-forms.ts')))
  const library = new LibraryStore(deps.db, deps.config.contentDir, () => partnerHelpChannels(deps.db))
  libraryRoutes(routes, deps, library)
  libraryEditingRoutes(routes, deps, library)
  signInRoutes(routes, deps)
  homeRoutes(routes, deps)
  userRoutes(routes, deps)
  accountRoutes(routes, deps)
  auditRoutes(routes, deps)
  areaRoutes(routes, deps)
  partnerRoutes(routes, deps, () => library.reload())
  userAccessRoutes(routes, deps)
  programmeRoutes(routes, deps, programmeKnowledge, programmePreScores)
  calendarRoutes(routes, deps)
  coverageRoutes(routes, deps, programmeKnowledge, { groupKnowledge: programmeGroupKnowledge, noteScreen, KnowledgeView: ReportKnowledge })
  referralRoutes(routes, deps, {
    url: helpUrl,
    channels: (locale) => library.current.helpChannels.map((h) => ({ id: h.id, name: h.name, handles: h.handles[locale], contacts: h.contacts })),
  })
  collectRoutes(routes, deps, {
    url: helpUrl,
    lines: (locale) =>
      library.current.helpChannels
        .filter((h) => h.scope !== 'international')
        .map((h) => ({ name: h.name, handles: h.handles[locale], contacts: h.contacts.map((x) => ({ ...x, href: contactHref(x) })) })),
    // The group's own shelf of the library when it has pages, else the library's front page.
    libraryUrl: (locale, group) =>
      AUDIENCES.includes(group as Audience) && library.current.forAudience(locale, group as Audience).length ? audienceUrl(locale, group as Audience) : libraryHome(locale),
  })
  resultsRoutes(routes, deps)
  questionnaireRoutes(routes, deps)
  questionnaireImportRoutes(routes, deps)
  questionnaireApiRoutes(routes, deps)
  importRoutes(routes, deps)
  disclosureRoutes(routes, deps)
  sessionRoutes(routes, deps, libraryMaterials(library, (locale, a) => createTranslator(catalogue, locale)(`audience.${a}`)))
  accountApiRoutes(routes, deps)
  areaApiRoutes(routes, deps)

  app.notFound((c) => renderProblem(c as Context<AppEnv>, new Problem('not-found')))
  app.onError((err, c) => {
    const ctx = c as Context<AppEnv>
    if (err instanceof Problem) return renderProblem(ctx, err)
    // Two requests that raced past a use case's own check (same email, same name): the database
    // kept its promise; tell the loser plainly instead of failing with 500.
    if (isUniqueViolation(err) || isForeignKeyViolation(err)) return renderProblem(ctx, new Problem('conflict'))
    if (err instanceof HTTPException && err.status < 500) return renderProblem(ctx, new Problem(err.status === 413 ? 'payload-too-large' : 'bad-request', { limit: '2 MB' }))
    deps.log.error('unhandled error', { id: ctx.get('requestId'), method: c.req.method, path: redactedPath(c.req.path), err })
    return renderProblem(ctx, new Problem('internal', { ref: (ctx.get('requestId') ?? '').slice(0, 8) }))
  })
  return { app, routes, library, ready }
}

/** Paths that the authorization test may skip: they carry no data and need no permission. */
export const PLUMBING_PATHS = ['/healthz', '/static/:name', '/api/v1/openapi.json', '/metrics']
