import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'
import zlib from 'node:zlib'
import { LOCALES, negotiateLocale, type Locale } from '../i18n/i18n.ts'
import type { Logger } from '../log.ts'
import { internalRequests } from './middleware.ts'
import { metrics } from './metrics-registry.ts'

// hit: answered from memory; miss: an anonymous GET for a page not held here (the app renders it);
// bypass: a signed-in person's request or one with a query string, which the cache never answers.
const lookups = metrics.counter('jaga_page_cache_requests_total', 'Requests the public page cache was asked about, by outcome: hit, miss (not a cached page) or bypass (signed in or a query string).')

interface Entry {
  headers: OutgoingHttpHeaders
  body: Buffer
  gzip: Buffer
}

/**
 * Public pages that are the same bytes for every anonymous visitor of a language are rendered
 * once through the whole app (so they carry every security header) and then answered straight
 * from node:http, before the framework runs. This is what brings a public page from ~20% to
 * nginx's speed range (bench/run.ts). Anything with a login cookie, a query string or another
 * method goes through the app as usual.
 */
export class PublicPageCache {
  private readonly entries = new Map<string, Entry>()

  constructor(
    private readonly opts: {
      paths: readonly string[]
      localeCookie: string
      /** A request carrying this cookie is a signed-in person's and is never answered from here. */
      bypassCookie: string
      log: Logger
    },
  ) {}

  /** Renders every cached path in every language through `fetch` (the app). */
  async warm(fetch: (req: Request) => Response | Promise<Response>): Promise<void> {
    const started = performance.now()
    for (const path of this.opts.paths) {
      for (const locale of LOCALES) {
        const request = new Request(`http://localhost${path}`, { headers: { Cookie: `${this.opts.localeCookie}=${locale}` } })
        internalRequests.add(request)
        const res = await fetch(request)
        if (res.status !== 200 || res.headers.has('Set-Cookie')) throw new Error(`${path} is not cacheable: status ${res.status}`)
        const headers: OutgoingHttpHeaders = {}
        res.headers.forEach((value, name) => (headers[name] = value))
        const body = Buffer.from(await res.arrayBuffer())
        headers['content-length'] = body.length
        const vary = new Set(String(headers['vary'] ?? '').split(',').map((v) => v.trim()).filter(Boolean))
        vary.add('Accept-Encoding')
        headers['vary'] = [...vary].join(', ')
        this.entries.set(`${path}|${locale}`, { headers, body, gzip: zlib.gzipSync(body, { level: 9 }) })
      }
    }
    this.opts.log.info('public pages cached', { pages: this.entries.size, ms: Math.round(performance.now() - started) })
  }

  /** Answers the request if it is for a cached page; returns false to let the app handle it. */
  tryServe(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false
    const url = req.url ?? ''
    const cookie = req.headers.cookie ?? ''
    if (url.includes('?') || cookie.includes(`${this.opts.bypassCookie}=`)) {
      lookups.inc({ outcome: 'bypass' })
      return false
    }
    const entry = this.entries.get(`${url}|${this.locale(cookie, req.headers['accept-language'])}`)
    if (!entry) {
      lookups.inc({ outcome: 'miss' })
      return false
    }
    lookups.inc({ outcome: 'hit' })
    const started = performance.now()
    // Phones on slow networks get the page compressed once, at start-up.
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
    const body = gzip ? entry.gzip : entry.body
    res.writeHead(200, gzip ? { ...entry.headers, 'content-encoding': 'gzip', 'content-length': body.length } : entry.headers)
    res.end(req.method === 'HEAD' ? undefined : body)
    this.opts.log.debug('request', { method: req.method, path: url, status: 200, cached: true, ms: Math.round((performance.now() - started) * 10) / 10 })
    return true
  }

  private locale(cookie: string, acceptLanguage: string | undefined): Locale {
    const at = cookie.indexOf(`${this.opts.localeCookie}=`)
    const fromCookie = at >= 0 ? cookie.slice(at + this.opts.localeCookie.length + 1).split(';')[0]!.trim() : undefined
    return negotiateLocale(fromCookie, acceptLanguage)
  }
}
