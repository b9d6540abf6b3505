import crypto from 'node:crypto'
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks'
import type { Context, Hono, MiddlewareHandler } from 'hono'
import { matchedRoutes } from 'hono/route'
import { internalRequests } from './middleware.ts'
import { metrics, renderGauge, type GaugeReading, type MetricsRegistry } from './metrics-registry.ts'
import { Problem } from './problems.ts'

const requests = metrics.counter('jaga_http_requests_total', 'HTTP requests answered by the app, by method, route pattern and status.')
const durations = metrics.histogram('jaga_http_request_duration_seconds', 'Time to answer an HTTP request, by method and route pattern.')

/**
 * The route a request matched, as its pattern ('/sessions/:id'), never the raw path: ids and the
 * secret tokens in questionnaire and calendar links must not reach a label (nor multiply series).
 * A request refused by a middleware before its route still counts under that route; one that
 * matched nothing is 'unmatched'.
 */
export function routeLabel(c: Context): string {
  let routes: Array<{ method: string; path: string }>
  try {
    routes = matchedRoutes(c)
  } catch {
    return 'unmatched'
  }
  const answering = routes[c.req.routeIndex]
  if (answering && answering.method !== 'ALL') return answering.path
  return routes.find((r) => r.method !== 'ALL')?.path ?? 'unmatched'
}

/** Counts and times every request the app answers (first middleware, so the time is the whole answer). */
export function requestMetrics(): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now()
    await next()
    // The server's own page-cache renders at start-up are not traffic.
    if (internalRequests.has(c.req.raw)) return
    const route = routeLabel(c)
    const method = c.req.method
    requests.inc({ method, route, status: String(c.res.status) })
    durations.observe({ method, route }, (performance.now() - started) / 1000)
  }
}

function sameSecret(sent: string, expected: string): boolean {
  // Hashing first gives both sides the same length, so the comparison takes the same time whatever was sent.
  const a = crypto.createHash('sha256').update(sent).digest()
  const b = crypto.createHash('sha256').update(expected).digest()
  return crypto.timingSafeEqual(a, b)
}

export interface MetricsOptions {
  /** JAGA_METRICS_TOKEN; without it /metrics does not exist (404). */
  token: string | undefined
  /** Values read at scrape time (one query each). */
  gauges: GaugeReading[]
  registry?: MetricsRegistry
}

/**
 * GET /metrics in the Prometheus text format, for a scraper that sends `Authorization: Bearer <token>`.
 * Event-loop delay is measured only when the endpoint is on, and its figures cover the time since
 * the previous scrape (the monitor is reset), so a spike shows on the next scrape and then leaves.
 */
export function metricsRoute(app: Hono<any>, opts: MetricsOptions): void {
  const registry = opts.registry ?? metrics
  let loop: IntervalHistogram | undefined
  if (opts.token) {
    loop = monitorEventLoopDelay({ resolution: 10 })
    loop.enable()
  }
  const startedAt = Date.now() / 1000 - process.uptime()
  app.get('/metrics', async (c) => {
    if (!opts.token) throw new Problem('not-found')
    const sent = /^Bearer\s+(\S+)$/i.exec(c.req.header('Authorization') ?? '')?.[1]
    if (!sent || !sameSecret(sent, opts.token)) throw new Problem('unauthenticated', {}, [], undefined, { 'WWW-Authenticate': 'Bearer realm="jaga-metrics"' })
    const gauges: GaugeReading[] = [
      ...opts.gauges,
      {
        name: 'jaga_event_loop_delay_seconds',
        help: 'Event-loop delay since the previous scrape (p50, p99, max): how long ready work waited for the single JavaScript thread.',
        read: () => {
          const seconds = (ns: number) => (Number.isFinite(ns) ? ns / 1e9 : 0)
          const out = [
            { labels: { stat: 'p50' }, value: seconds(loop!.percentile(50)) },
            { labels: { stat: 'p99' }, value: seconds(loop!.percentile(99)) },
            { labels: { stat: 'max' }, value: seconds(loop!.max) },
          ]
          loop!.reset()
          return out
        },
      },
      { name: 'process_resident_memory_bytes', help: 'Resident memory of the server process.', read: () => [{ value: process.memoryUsage.rss() }] },
      { name: 'process_start_time_seconds', help: 'When the server process started, in seconds since 1970.', read: () => [{ value: Math.round(startedAt) }] },
    ]
    const parts = [registry.render()]
    for (const g of gauges) parts.push(await renderGauge(g))
    return c.body(parts.filter(Boolean).join('\n') + '\n', 200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8', 'Cache-Control': 'no-store' })
  })
}
