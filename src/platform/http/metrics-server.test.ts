import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dialect, freshDatabase, type TestDb } from '../../../test/harness.ts'
import { startServerProcess, type ServerProcess } from '../../../test/server-process.ts'

const TOKEN = 'metrics-token-for-the-server-test-0123456789'
let testDb: TestDb
let server: ServerProcess

beforeAll(async () => {
  testDb = await freshDatabase()
  server = await startServerProcess({ JAGA_METRICS_TOKEN: TOKEN, LOG_LEVEL: 'warn', ...(testDb.url ? { DATABASE_URL: testDb.url } : {}) })
}, 60_000)
afterAll(async () => {
  await server?.stop()
  await testDb?.drop()
})

const scrape = async () => (await fetch(`${server.url}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } })).text()
const valueOf = (text: string, series: string) => {
  const line = text.split('\n').find((l) => l.startsWith(series + ' '))
  return line === undefined ? undefined : Number(line.slice(series.length + 1))
}

describe('/metrics on the running server', () => {
  it('counts public pages answered from the page cache as hits, and others as misses or bypasses', async () => {
    const hit = 'jaga_page_cache_requests_total{outcome="hit"}'
    // A public page is kept in memory after its first request (PublicPageCache.buildOnDemand): ask until it is.
    for (let tries = 0; tries < 200 && !(valueOf(await scrape(), hit) ?? 0); tries++) await fetch(`${server.url}/`)
    const before = await scrape()
    const miss = 'jaga_page_cache_requests_total{outcome="miss"}'
    const bypass = 'jaga_page_cache_requests_total{outcome="bypass"}'
    await fetch(`${server.url}/`)
    await fetch(`${server.url}/`)
    await fetch(`${server.url}/login`)
    await fetch(`${server.url}/?utm=x`)
    const after = await scrape()
    expect((valueOf(after, hit) ?? 0) - (valueOf(before, hit) ?? 0)).toBe(2)
    // /login is not a cached page; the two scrapes of /metrics are not either.
    expect((valueOf(after, miss) ?? 0) - (valueOf(before, miss) ?? 0)).toBe(2)
    expect((valueOf(after, bypass) ?? 0) - (valueOf(before, bypass) ?? 0)).toBe(1)
  })

  it(`shows the ${dialect} database's connections`, async () => {
    await fetch(`${server.url}/healthz`)
    const text = await scrape()
    const total = valueOf(text, 'jaga_db_pool_connections{state="total"}')
    const max = valueOf(text, 'jaga_db_pool_max_connections')
    if (dialect === 'postgres') {
      expect(max).toBe(10)
      expect(total).toBeGreaterThanOrEqual(1)
      expect(total).toBeLessThanOrEqual(10)
      expect(valueOf(text, 'jaga_db_pool_connections{state="idle"}')).toBeGreaterThanOrEqual(0)
      expect(valueOf(text, 'jaga_db_pool_connections{state="waiting"}')).toBe(0)
    } else {
      expect([total, max]).toEqual([1, 1])
      expect(text).not.toContain('state="waiting"')
    }
  })
})
