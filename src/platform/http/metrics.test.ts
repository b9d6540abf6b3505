import crypto from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { useTestApp, type TestApp } from '../../../test/harness.ts'
import { aSessionWithLinks } from '../../../test/evaluation-builders.ts'
import { MetricsRegistry } from './metrics-registry.ts'

const TOKEN = 'metrics-token-for-the-test-0123456789'

const scrape = (jaga: TestApp, token: string | null = TOKEN) => jaga.request('http://localhost/metrics', token === null ? {} : { headers: { Authorization: `Bearer ${token}` } })

/** The value of one series, or 0 when it has not appeared yet. */
function valueOf(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(series + ' '))
  return line ? Number(line.slice(series.length + 1)) : 0
}

describe('/metrics with JAGA_METRICS_TOKEN set', () => {
  const jaga = useTestApp({ JAGA_METRICS_TOKEN: TOKEN })

  it('answers 401 without the token or with a wrong one, and the text format with the right one', async () => {
    expect((await scrape(jaga, null)).status).toBe(401)
    const wrong = await scrape(jaga, TOKEN.slice(0, -1) + 'x')
    expect(wrong.status).toBe(401)
    expect(wrong.headers.get('WWW-Authenticate')).toContain('Bearer')
    expect((await scrape(jaga, 'short')).status).toBe(401)
    const ok = await scrape(jaga)
    expect(ok.status).toBe(200)
    expect(ok.headers.get('Content-Type')).toContain('text/plain; version=0.0.4')
    const text = await ok.text()
    expect(text).toContain('# TYPE jaga_http_requests_total counter')
    expect(text).toMatch(/^jaga_event_loop_delay_seconds\{stat="p99"\} [\d.e-]+$/m)
    expect(text).toMatch(/^jaga_disclosures_waiting 0$/m)
  })

  it('labels requests by route pattern and status, never by the ids or tokens in the path', async () => {
    const { session, token, agent } = await aSessionWithLinks(jaga)
    await agent.get(`/sessions/${session.id}`)
    await jaga.request(`http://localhost/q/${token('pre')}`)
    await jaga.request('http://localhost/no-such-page/12345')
    const text = await (await scrape(jaga)).text()
    expect(text).toMatch(/^jaga_http_requests_total\{method="GET",route="\/sessions\/:id",status="200"\} \d+$/m)
    expect(text).toMatch(/^jaga_http_requests_total\{method="GET",route="\/q\/:token",status="200"\} \d+$/m)
    expect(text).toMatch(/^jaga_http_requests_total\{method="GET",route="unmatched",status="404"\} \d+$/m)
    expect(text).toMatch(/^jaga_http_request_duration_seconds_bucket\{method="GET",route="\/sessions\/:id",le="\+Inf"\} \d+$/m)
    expect(text).toMatch(/^jaga_db_query_duration_seconds_count\{kind="select"\} \d+$/m)
    expect(text).not.toContain(session.id)
    expect(text).not.toContain(token('pre'))
    expect(text).not.toContain('12345')
  })

  it('counts phone answers stored and refused, and disclosures waiting, as they happen', async () => {
    const { token, send } = await aSessionWithLinks(jaga, { codeElements: ['mother', 'day', 'own'] })
    const before = await (await scrape(jaga)).text()
    const code = { mother: 'MT', day: '3', own: 'B' }
    await send('feedback', { id: crypto.randomUUID(), code, answers: { useful: '4', clear: '4', want_to_know: 'Ada ancaman dan pemerasan di grup' } })
    const refused = await jaga.request(`http://localhost/api/v1/collect/${token('feedback')}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id: crypto.randomUUID(), code, answers: { useful: '99' } }) })
    expect(refused.status).toBe(422)
    const after = await (await scrape(jaga)).text()
    const accepted = 'jaga_phone_submissions_total{outcome="accepted"}'
    const refusedSeries = 'jaga_phone_submissions_total{outcome="refused"}'
    expect(valueOf(after, accepted) - valueOf(before, accepted)).toBe(1)
    expect(valueOf(after, refusedSeries) - valueOf(before, refusedSeries)).toBe(1)
    expect(valueOf(after, 'jaga_disclosures_waiting') - valueOf(before, 'jaga_disclosures_waiting')).toBe(1)
  })
})

describe('/metrics without JAGA_METRICS_TOKEN', () => {
  const jaga = useTestApp()

  it('does not exist, whatever token is sent', async () => {
    expect((await scrape(jaga)).status).toBe(404)
    expect((await scrape(jaga, null)).status).toBe(404)
  })
})

describe('the metrics text format', () => {
  it('escapes label values and keeps histogram buckets cumulative', () => {
    const registry = new MetricsRegistry()
    registry.counter('c_total', 'A counter.').inc({ route: 'a"b\\c\nd' })
    const h = registry.histogram('h_seconds', 'A histogram.', [0.1, 1])
    h.observe({}, 0.05)
    h.observe({}, 0.5)
    h.observe({}, 5)
    const text = registry.render()
    expect(text).toContain('c_total{route="a\\"b\\\\c\\nd"} 1')
    expect(text).toContain('h_seconds_bucket{le="0.1"} 1\nh_seconds_bucket{le="1"} 2\nh_seconds_bucket{le="+Inf"} 3\nh_seconds_sum 5.55\nh_seconds_count 3')
  })
})
