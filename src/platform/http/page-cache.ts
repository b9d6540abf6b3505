import type { IncomingMessage, ServerResponse } from 'node:http'
import zlib from 'node:zlib'
import { parseAccept } from 'hono/utils/accept'
import { LOCALES, negotiateLocale, type Locale } from '../i18n/i18n.ts'
import type { Logger } from '../log.ts'
import { HSTS, internalRequests } from './middleware.ts'
import { metrics } from './metrics-registry.ts'

// hit: answered from memory; miss: an anonymous GET for a page not held here (the app renders it);
// bypass: a signed-in person's request or one with a query string, which the cache never answers.
const lookups = metrics.counter('jaga_page_cache_requests_total', 'Requests the public page cache was asked about, by outcome: hit, miss (not a cached page) or bypass (signed in or a query string).')
const hits = lookups.series({ outcome: 'hit' })
const misses = lookups.series({ outcome: 'miss' })
const bypasses = lookups.series({ outcome: 'bypass' })

/** One way of answering: the header list in node's raw form ([name, value, name, value, …]) and the body. */
interface Variant {
  readonly head: readonly string[]
  readonly body: Buffer
}

/** Indexed by (compressed ? 1 : 0) + (over HTTPS ? 2 : 0): plain, gzip, plain + HSTS, gzip + HSTS. */
type Entry = readonly [Variant, Variant, Variant, Variant]

/** A page the same in both languages (its address names one) is held once; '/' is held per language. */
type Slot = { readonly entry: Entry } | { readonly byLocale: Readonly<Record<Locale, Entry>> }

type Render = (req: Request) => Response | Promise<Response>

/**
 * Public pages that are the same bytes for every anonymous visitor of a language are rendered
 * once through the whole app (so they carry every security header), compressed once, and then
 * answered straight from node:http before the framework runs, with header lists built once:
 * nothing is copied or parsed per request beyond a cookie and Accept-Encoding look (bench/run.ts).
 * Anything with a login cookie, a query string or another method (HEAD too) goes through the app as usual.
 *
 * A server builds each page on its first request (buildOnDemand): the app answers that request and the
 * page is rendered for memory behind it. Rendering all ~200 pages at start cost ~50 MB of idle memory
 * (V8's young generation grown to its maximum, allocator pages) and 2–3 s of start-up (bench/memory.ts).
 */
export class PublicPageCache {
  private slots = new Map<string, Slot>()
  private readonly bypassMark: string
  private readonly cacheable: ReadonlySet<string>
  private render: Render | undefined
  /** Bumped by forget() and warm(): a page rendered for an older generation is never kept. */
  private generation = 0
  /** Pages being rendered, and pages that turned out not to be cacheable, in this generation. */
  private building = new Set<string>()
  private refused = new Set<string>()
  private readonly jobs = new Set<Promise<void>>()

  constructor(
    private readonly opts: {
      paths: readonly string[]
      localeCookie: string
      /** A request carrying this cookie is a signed-in person's and is never answered from here. */
      bypassCookie: string
      /** Whether X-Forwarded-Proto is believed (JAGA_TRUSTED_PROXIES): then an HTTPS request gets HSTS, as from the app. */
      trustProxy: boolean
      log: Logger
      /** One debug line per answer; off unless the log level is debug (it costs an object per request). */
      logHits?: boolean
    },
  ) {
    this.bypassMark = `${opts.bypassCookie}=`
    this.cacheable = new Set(opts.paths)
  }

  /** Renders every cached path in every language through `fetch` (the app), then swaps the new set in at once. */
  async warm(fetch: Render): Promise<void> {
    const started = performance.now()
    const generation = this.forget()
    const slots = new Map<string, Slot>()
    let entries = 0
    for (const path of this.opts.paths) {
      const slot = await this.renderSlot(fetch, path)
      slots.set(path, slot)
      entries += 'entry' in slot ? 1 : LOCALES.length
    }
    if (generation === this.generation) this.slots = slots
    this.opts.log.info('public pages cached', { pages: entries, ms: Math.round(performance.now() - started) })
  }

  /** From now on a cached path not held yet is rendered through `fetch` after its first request, and kept. */
  buildOnDemand(fetch: Render): void {
    this.render = fetch
    this.forget()
  }

  /** Drops every page held (a published library edit changed them); renders still under way are not kept. */
  forget(): number {
    this.slots = new Map()
    this.building = new Set()
    this.refused = new Set()
    return ++this.generation
  }

  /** Resolves when every page rendering started so far has finished (tests; shutdown). */
  async settled(): Promise<void> {
    while (this.jobs.size > 0) await Promise.all(this.jobs)
  }

  private build(path: string): void {
    const render = this.render
    if (render === undefined || !this.cacheable.has(path) || this.building.has(path) || this.refused.has(path)) return
    const { generation, building, refused } = this
    building.add(path)
    // After the request that asked: the app answers it first, the copy for memory is made behind it.
    const job = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.renderSlot(render, path))
      .then(
        (slot) => {
          if (generation === this.generation) this.slots.set(path, slot)
        },
        (e: unknown) => {
          refused.add(path)
          this.opts.log.warn('public page not cached', { path, err: e })
        },
      )
      .finally(() => {
        building.delete(path)
        this.jobs.delete(job)
      })
    this.jobs.add(job)
  }

  /** One path rendered in every language; held once when every language got the same bytes. */
  private async renderSlot(fetch: Render, path: string): Promise<Slot> {
    const byLocale = {} as Record<Locale, Entry>
    const keys: string[] = []
    for (const locale of LOCALES) {
      const request = new Request(`http://localhost${path}`, { headers: { Cookie: `${this.opts.localeCookie}=${locale}` } })
      internalRequests.add(request)
      const res = await fetch(request)
      if (res.status !== 200 || res.headers.has('Set-Cookie')) throw new Error(`${path} is not cacheable: status ${res.status}`)
      const { entry, key } = buildEntry(res.headers, Buffer.from(await res.arrayBuffer()))
      byLocale[locale] = entry
      keys.push(key)
    }
    return keys.every((k) => k === keys[0]) ? { entry: byLocale[LOCALES[0]] } : { byLocale }
  }

  /** Answers the request if it is for a cached page; returns false to let the app handle it. */
  tryServe(req: IncomingMessage, res: ServerResponse): boolean {
    // HEAD goes to the app: its compress middleware answers it with other headers than GET (no Vary).
    if (req.method !== 'GET') return false
    const url = req.url ?? ''
    const headers = req.headers
    const cookie = headers.cookie
    if (url.includes('?') || (cookie !== undefined && cookie.includes(this.bypassMark))) {
      bypasses.inc()
      return false
    }
    const slot = this.slots.get(url)
    if (slot === undefined) {
      misses.inc()
      this.build(url)
      return false
    }
    hits.inc()
    const started = this.opts.logHits ? performance.now() : 0
    const entry = 'entry' in slot ? slot.entry : slot.byLocale[this.locale(cookie, headers['accept-language'])]
    const gzip = acceptsGzip(headers['accept-encoding']) ? 1 : 0
    const variant = entry[gzip + (this.opts.trustProxy && isForwardedHttps(headers['x-forwarded-proto']) ? 2 : 0)]!
    res.writeHead(200, variant.head as string[])
    res.end(variant.body)
    if (this.opts.logHits) this.opts.log.debug('request', { method: 'GET', path: url, status: 200, cached: true, ms: Math.round((performance.now() - started) * 10) / 10 })
    return true
  }

  private locale(cookie: string | undefined, acceptLanguage: string | undefined): Locale {
    const at = cookie ? cookie.indexOf(`${this.opts.localeCookie}=`) : -1
    const fromCookie = at >= 0 ? cookie!.slice(at + this.opts.localeCookie.length + 1).split(';')[0]!.trim() : undefined
    return negotiateLocale(fromCookie, acceptLanguage)
  }
}

// As middleware.ts isHttps reads it: the first proxy's word.
function isForwardedHttps(proto: string | string[] | undefined): boolean {
  return typeof proto === 'string' && proto.split(',')[0]!.trim() === 'https'
}

const acceptEncodings = new Map<string, boolean>()

/**
 * Whether the app's compress middleware (hono/compress, gzip only) would gzip for this Accept-Encoding:
 * gzip with q > 0, or a * with q > 0 when gzip is not named. Browsers send a handful of distinct values,
 * so each is read once; the memo is bounded, and long values are never kept.
 */
export function acceptsGzip(header: string | undefined): boolean {
  if (header === undefined) return false
  const known = acceptEncodings.get(header)
  if (known !== undefined) return known
  const accepts = parseAccept(header)
  const q = accepts.find((a) => a.type.toLowerCase() === 'gzip')?.q ?? accepts.find((a) => a.type === '*')?.q ?? 0
  if (acceptEncodings.size < 64 && header.length <= 200) acceptEncodings.set(header, q > 0)
  return q > 0
}

/**
 * The four frozen answers for one rendered page, and a key that is equal for two identical renderings.
 * The app's compress middleware marks what it would compress with Vary: Accept-Encoding (even on a plain
 * answer); only those get a gzip copy, so a browser gets from memory what the app would have sent.
 */
function buildEntry(responseHeaders: Headers, body: Buffer): { entry: Entry; key: string } {
  const head: string[] = []
  responseHeaders.forEach((value, name) => {
    if (name !== 'content-length') head.push(name, value)
  })
  const compressible = /(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(responseHeaders.get('vary') ?? '')
  const gzip = compressible ? zlib.gzipSync(body, { level: 9 }) : body
  const zipped = compressible ? ['content-encoding', 'gzip'] : []
  const variant = (b: Buffer, extra: string[]): Variant => Object.freeze({ head: Object.freeze([...head, ...extra, 'content-length', String(b.length)]), body: b })
  const entry: Entry = Object.freeze([
    variant(body, []),
    variant(gzip, zipped),
    variant(body, ['strict-transport-security', HSTS]),
    variant(gzip, [...zipped, 'strict-transport-security', HSTS]),
  ])
  return { entry, key: `${head.join('\n')}\n\n${body.toString('base64')}` }
}
