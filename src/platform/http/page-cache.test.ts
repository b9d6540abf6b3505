import http from 'node:http'
import type { AddressInfo } from 'node:net'
import zlib from 'node:zlib'
import { getRequestListener } from '@hono/node-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useTestApp } from '../../../test/harness.ts'
import { SESSION_COOKIE } from '../../accounts/authenticate.ts'
import { AUDIENCES, TOPICS } from '../../library/content-schema.ts'
import { listPublicPaths } from '../../library/library-urls.ts'
import { createLogger } from '../log.ts'
import { LOCALE_COOKIE } from './middleware.ts'
import { PublicPageCache } from './page-cache.ts'

// One trusted proxy, so that X-Forwarded-Proto: https counts (HSTS) on both paths alike.
const jaga = useTestApp({ JAGA_TRUST_PROXY: '1' })
let paths: string[]
let fromMemory = 0
let fast: http.Server
let full: http.Server

const listen = (server: http.Server) => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)))
let fastUrl: string
let fullUrl: string

beforeAll(async () => {
  paths = ['/', '/robots.txt', '/sitemap.xml', ...listPublicPaths(jaga.library.current, AUDIENCES, TOPICS)]
  const cache = new PublicPageCache({ paths, localeCookie: LOCALE_COOKIE, bypassCookie: SESSION_COOKIE, trustProxy: true, log: createLogger('silent') })
  await cache.warm(jaga.app.fetch)
  const app = getRequestListener(jaga.app.fetch)
  // The same wiring as main.ts, beside the app alone (what every request went through before the cache).
  fast = http.createServer((req, res) => {
    if (cache.tryServe(req, res)) fromMemory++
    else void app(req, res)
  })
  full = http.createServer((req, res) => void app(req, res))
  fastUrl = await listen(fast)
  fullUrl = await listen(full)
})
afterAll(async () => {
  await Promise.all([fast, full].map((s) => new Promise((r) => s?.close(r))))
})

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

function ask(base: string, path: string, headers: Record<string, string>, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .request(`${base}${path}`, { method, headers, agent: false }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (d: Buffer) => chunks.push(d))
        res.on('end', () => {
          const raw = Buffer.concat(chunks)
          const body = res.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(raw) : raw
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: body.toString('utf8') })
        })
      })
      .on('error', reject)
      .end()
  })
}

// Date changes by the second; the rest is framing (a length from memory, chunks from the app's compressor).
const FRAMING = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'])
const comparable = (a: Answer) => ({
  status: a.status,
  headers: Object.fromEntries(Object.entries(a.headers).filter(([name]) => !FRAMING.has(name)).sort(([x], [y]) => x.localeCompare(y))),
  body: a.body,
})

async function expectSameAnswer(path: string, headers: Record<string, string>) {
  const before = fromMemory
  const [cached, rendered] = await Promise.all([ask(fastUrl, path, headers), ask(fullUrl, path, headers)])
  expect(fromMemory, `${path} was answered from memory`).toBe(before + 1)
  expect(comparable(cached), `${path} ${JSON.stringify(headers)}`).toEqual(comparable(rendered))
  return cached
}

const BROWSER = { 'Accept-Encoding': 'gzip, deflate, br', 'Accept-Language': 'id-ID,id;q=0.9,en;q=0.8' }

describe('the public page cache', () => {
  it('answers every cached page with the same status, headers and body as the whole app, plain and gzipped', async () => {
    expect(paths.length).toBeGreaterThan(100)
    for (const path of paths) {
      await expectSameAnswer(path, { 'Accept-Language': 'id' })
      await expectSameAnswer(path, BROWSER)
    }
  })

  it('answers the home page in the language the cookie or Accept-Language asks for, varying on Accept-Encoding', async () => {
    const en = await expectSameAnswer('/', { ...BROWSER, Cookie: `${LOCALE_COOKIE}=en` })
    expect(en.body).toContain('<html lang="en">')
    const id = await expectSameAnswer('/', { 'Accept-Language': 'en;q=0.5, id' })
    expect(id.body).toContain('<html lang="id">')
    expect(String(id.headers['vary'])).toContain('Accept-Encoding')
  })

  it('sends HSTS on a request that came over HTTPS through the trusted proxy, as the app does, and not over plain HTTP', async () => {
    for (const path of ['/', '/id/pustaka', '/en/library/how-to-report']) {
      const secure = await expectSameAnswer(path, { ...BROWSER, 'X-Forwarded-Proto': 'https' })
      expect(secure.headers['strict-transport-security']).toContain('max-age=')
      const plain = await expectSameAnswer(path, { ...BROWSER, 'X-Forwarded-Proto': 'http' })
      expect(plain.headers['strict-transport-security']).toBeUndefined()
    }
  })

  it('leaves HEAD to the app, which answers it without a body', async () => {
    const before = fromMemory
    const head = await ask(fastUrl, '/id/pustaka', BROWSER, 'HEAD')
    expect(fromMemory).toBe(before)
    expect([head.status, head.body]).toEqual([200, ''])
    expect(head.headers['content-security-policy']).toContain("frame-ancestors 'none'")
  })

  it('compresses for a browser, and not for a client that refuses gzip or names only deflate', async () => {
    expect((await expectSameAnswer('/id/pustaka', BROWSER)).headers['content-encoding']).toBe('gzip')
    expect((await expectSameAnswer('/id/pustaka', { 'Accept-Encoding': '*' })).headers['content-encoding']).toBe('gzip')
    for (const refusing of ['gzip;q=0, br', 'deflate', 'identity']) {
      expect((await expectSameAnswer('/id/pustaka', { 'Accept-Encoding': refusing })).headers['content-encoding'], refusing).toBeUndefined()
    }
  })

  it('answers the empty search page from memory, and a search with words through the app', async () => {
    const empty = await expectSameAnswer('/id/pustaka/cari', BROWSER)
    expect(empty.headers['content-security-policy']).toContain("script-src 'self'")
    const before = fromMemory
    const found = await ask(fastUrl, '/id/pustaka/cari?q=anak', BROWSER)
    expect(found.status).toBe(200)
    expect(found.headers['x-robots-tag']).toBe('noindex')
    expect(fromMemory).toBe(before)
  })

  it('never answers a request with a login cookie from memory', async () => {
    const before = fromMemory
    const res = await ask(fastUrl, '/id/pustaka', { ...BROWSER, Cookie: `${SESSION_COOKIE}=stale` })
    expect(res.headers['set-cookie']?.[0]).toMatch(new RegExp(`^${SESSION_COOKIE}=;`))
    expect(fromMemory).toBe(before)
  })
})

describe('the public page cache built on demand', () => {
  let lazy: PublicPageCache
  let lazyUrl: string
  let lazyServer: http.Server
  let lazyHits = 0
  /** Requests that reached the server, and a way to wait until some have. */
  let arrived = 0
  const arrival = async (n: number) => {
    while (arrived < n) await new Promise((r) => setTimeout(r, 5))
  }
  /** Every page the app renders behind this server, the visitor's answer and the copy for memory alike. */
  const rendered: string[] = []
  /** Holds every render for memory until opened: lets a test change the library while one is under way. */
  let gate: Promise<void> = Promise.resolve()
  let openGate = () => {}
  const holdRenders = () => (gate = new Promise((r) => (openGate = r)))
  const fromLazy = async (path: string, headers: Record<string, string> = BROWSER) => {
    const before = lazyHits
    const answer = await ask(lazyUrl, path, headers)
    return { answer, fromMemory: lazyHits === before + 1 }
  }

  beforeAll(async () => {
    lazy = new PublicPageCache({ paths, localeCookie: LOCALE_COOKIE, bypassCookie: SESSION_COOKIE, trustProxy: true, log: createLogger('silent') })
    const fetch = (req: Request) => {
      rendered.push(new URL(req.url).pathname)
      return jaga.app.fetch(req)
    }
    const app = getRequestListener(fetch)
    lazy.buildOnDemand(async (req) => {
      await gate
      return fetch(req)
    }, app)
    lazyServer = http.createServer((req, res) => {
      const before = rendered.length
      arrived++
      // Answered without the app: from memory, or from the one rendering made for it.
      if (lazy.tryServe(req, res)) void lazy.settled().then(() => rendered.length === before && lazyHits++)
      else void app(req, res)
    })
    lazyUrl = await listen(lazyServer)
  })
  afterAll(async () => {
    openGate()
    await lazy?.settled()
    await new Promise((r) => lazyServer?.close(r))
  })

  it('renders a page once on its first request, answers that request with it, then answers from memory with the same status, headers and body', async () => {
    rendered.length = 0
    const first = await fromLazy('/id/pustaka')
    expect(first.fromMemory).toBe(false)
    await lazy.settled()
    expect(rendered).toEqual(['/id/pustaka'])
    const second = await fromLazy('/id/pustaka')
    expect(second.fromMemory).toBe(true)
    expect(rendered).toEqual(['/id/pustaka'])
    expect(comparable(second.answer)).toEqual(comparable(first.answer))
    expect(comparable(second.answer)).toEqual(comparable(await ask(fullUrl, '/id/pustaka', BROWSER)))
  })

  it('renders the other language on its own first request, and holds one copy of a page that is the same in both', async () => {
    rendered.length = 0
    await fromLazy('/')
    const en = { ...BROWSER, Cookie: `${LOCALE_COOKIE}=en` }
    expect((await fromLazy('/', en)).fromMemory).toBe(false)
    expect((await fromLazy('/', en)).answer.body).toContain('<html lang="en">')
    expect((await fromLazy('/')).answer.body).toContain('<html lang="id">')
    await fromLazy('/robots.txt')
    expect((await fromLazy('/robots.txt', en)).fromMemory).toBe(false)
    expect(rendered).toEqual(['/', '/', '/robots.txt', '/robots.txt'])
    const slots = (lazy as unknown as { slots: Map<string, Record<string, unknown>> }).slots
    expect(slots.get('/robots.txt')!['id']).toBe(slots.get('/robots.txt')!['en'])
    expect(slots.get('/')!['id']).not.toBe(slots.get('/')!['en'])
  })

  it('answers every request that arrives while the page is being rendered from that one rendering', async () => {
    rendered.length = 0
    holdRenders()
    const waiting = arrived + 3
    const answers = Promise.all([1, 2, 3].map(() => ask(lazyUrl, '/en/library', BROWSER)))
    await arrival(waiting)
    openGate()
    const [a, b, c] = await answers
    expect(rendered).toEqual(['/en/library'])
    expect([b!, c!].map(comparable)).toEqual([comparable(a!), comparable(a!)])
    expect(comparable(a!)).toEqual(comparable(await ask(fullUrl, '/en/library', BROWSER)))
  })

  it('goes back to the app for every page once told the library changed, and keeps the page again after', async () => {
    await fromLazy('/en/library')
    await lazy.settled()
    expect((await fromLazy('/en/library')).fromMemory).toBe(true)
    lazy.forget()
    expect((await fromLazy('/en/library')).fromMemory).toBe(false)
    await lazy.settled()
    expect((await fromLazy('/en/library')).fromMemory).toBe(true)
  })

  it('never keeps a page whose rendering began before the library changed', async () => {
    holdRenders()
    const waiting = arrived + 1
    const answer = fromLazy('/id/pustaka/cari')
    await arrival(waiting)
    lazy.forget()
    openGate()
    expect((await answer).answer.status).toBe(200)
    await lazy.settled()
    expect((await fromLazy('/id/pustaka/cari')).fromMemory).toBe(false)
    await lazy.settled()
    expect((await fromLazy('/id/pustaka/cari')).fromMemory).toBe(true)
  })

  it('renders nothing for an address it does not cache', async () => {
    await fromLazy('/id/pustaka/tidak-ada')
    await lazy.settled()
    expect((await fromLazy('/id/pustaka/tidak-ada')).fromMemory).toBe(false)
  })
})
