import type { IncomingMessage, ServerResponse } from 'node:http'
import { promisify } from 'node:util'
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

/** A path's answers by language; a page the same in both languages (its address names one) shares one Entry. */
type Slot = Partial<Record<Locale, Entry>>

type Render = (req: Request) => Response | Promise<Response>
type Listener = (req: IncomingMessage, res: ServerResponse) => void

const gzip = promisify(zlib.gzip)

/**
 * Public pages that are the same bytes for every anonymous visitor of a language are rendered
 * once through the whole app (so they carry every security header), compressed once, and then
 * answered straight from node:http before the framework runs, with header lists built once:
 * nothing is copied or parsed per request beyond a cookie and Accept-Encoding look (bench/run.ts).
 * Anything with a login cookie, a query string or another method (HEAD too) goes through the app as usual.
 *
 * A server builds each page in a language on its first request for it (buildOnDemand): that one
 * rendering is kept and answers the request too, so a page is rendered once per language, not once
 * for the visitor and again for memory. Rendering all ~200 pages at start cost ~50 MB of idle memory
 * (V8's young generation grown to its maximum, allocator pages) and 2–3 s of start-up (bench/memory.ts).
 */
export class PublicPageCache {
  private slots = new Map<string, Slot>()
  private readonly bypassMark: string
  private readonly cacheable: ReadonlySet<string>
  private render: Render | undefined
  private fallback: Listener | undefined
  /** Bumped by forget() and warm(): a page rendered for an older generation is never kept. */
  private generation = 0
  /** Renderings under way ("<locale> <path>"), and paths that turned out not to be cacheable, in this generation. */
  private building = new Map<string, Promise<Entry | undefined>>()
  private refused = new Set<string>()
  private readonly jobs = new Set<Promise<unknown>>()

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
      const slot: Slot = {}
      for (const locale of LOCALES) keep(slot, locale, await renderEntry(fetch, path, locale, this.opts.localeCookie))
      slots.set(path, slot)
      entries += new Set(Object.values(slot)).size
    }
    if (generation === this.generation) this.slots = slots
    this.opts.log.info('public pages cached', { pages: entries, ms: Math.round(performance.now() - started) })
  }

  /**
   * From now on the first request for a cached path in a language not held yet is answered by rendering
   * it through `fetch` once and keeping that; `fallback` (the app) answers it when the page cannot be kept.
   */
  buildOnDemand(fetch: Render, fallback: Listener): void {
    this.render = fetch
    this.fallback = fallback
    this.forget()
  }

  /** Drops every page held (a published library edit changed them); renders still under way are not kept. */
  forget(): number {
    this.slots = new Map()
    this.building = new Map()
    this.refused = new Set()
    return ++this.generation
  }

  /** Resolves when every page rendering started so far has finished and its requests are answered (tests; shutdown). */
  async settled(): Promise<void> {
    while (this.jobs.size > 0) await Promise.all(this.jobs)
  }

  /** The page rendered for memory in a language, shared by every request for it that arrives meanwhile. */
  private build(render: Render, path: string, locale: Locale): Promise<Entry | undefined> {
    const key = `${locale} ${path}`
    const under = this.building.get(key)
    if (under) return under
    const { generation, building, refused } = this
    const job = renderEntry(render, path, locale, this.opts.localeCookie).then(
      (entry) => {
        if (generation === this.generation) keep(this.slot(path), locale, entry)
        return entry
      },
      (e: unknown) => {
        refused.add(path)
        this.opts.log.warn('public page not cached', { path, err: e })
        return undefined
      },
    )
    building.set(key, job)
    void job.finally(() => building.delete(key))
    return job
  }

  private slot(path: string): Slot {
    let slot = this.slots.get(path)
    if (slot === undefined) this.slots.set(path, (slot = {}))
    return slot
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
    const locale = this.locale(cookie, headers['accept-language'])
    const entry = this.slots.get(url)?.[locale]
    if (entry === undefined) {
      misses.inc()
      const render = this.render
      if (render === undefined || !this.cacheable.has(url) || this.refused.has(url)) return false
      // Rendered once for this request and for memory; the app answers it if the page cannot be kept.
      const started = this.opts.logHits ? performance.now() : 0
      const job = this.build(render, url, locale)
        .then((built) => {
          if (built === undefined) return this.fallback!(req, res)
          this.answer(built, req, res)
          if (this.opts.logHits) this.opts.log.debug('request', { method: 'GET', path: url, status: 200, cached: false, ms: Math.round((performance.now() - started) * 10) / 10 })
        })
        .catch((e: unknown) => {
          this.opts.log.error('public page not answered', { path: url, err: e })
          if (!res.headersSent) res.writeHead(500).end()
        })
      this.jobs.add(job)
      void job.finally(() => this.jobs.delete(job))
      return true
    }
    hits.inc()
    const started = this.opts.logHits ? performance.now() : 0
    this.answer(entry, req, res)
    if (this.opts.logHits) this.opts.log.debug('request', { method: 'GET', path: url, status: 200, cached: true, ms: Math.round((performance.now() - started) * 10) / 10 })
    return true
  }

  private answer(entry: Entry, req: IncomingMessage, res: ServerResponse): void {
    const headers = req.headers
    const gzip = acceptsGzip(headers['accept-encoding']) ? 1 : 0
    const variant = entry[gzip + (this.opts.trustProxy && isForwardedHttps(headers['x-forwarded-proto']) ? 2 : 0)]!
    res.writeHead(200, variant.head as string[])
    res.end(variant.body)
  }

  private locale(cookie: string | undefined, acceptLanguage: string | undefined): Locale {
    const at = cookie ? cookie.indexOf(`${this.opts.localeCookie}=`) : -1
    if (at < 0) return localeOf(acceptLanguage)
    return negotiateLocale(cookie!.slice(at + this.opts.localeCookie.length + 1).split(';')[0]!.trim(), acceptLanguage)
  }
}

const acceptLanguages = new Map<string, Locale>()

/**
 * negotiateLocale for a visitor without a language cookie. Parsing Accept-Language on every answer from
 * memory cost about as much as the rest of tryServe (profile under wrk); browsers send a handful of
 * distinct values, so each is read once. Bounded like acceptsGzip's memo; long values are never kept.
 */
export function localeOf(acceptLanguage: string | undefined): Locale {
  if (acceptLanguage === undefined) return negotiateLocale(undefined, undefined)
  const known = acceptLanguages.get(acceptLanguage)
  if (known !== undefined) return known
  const locale = negotiateLocale(undefined, acceptLanguage)
  if (acceptLanguages.size < 64 && acceptLanguage.length <= 200) acceptLanguages.set(acceptLanguage, locale)
  return locale
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

/** One path rendered through the app in one language: refused unless it is a 200 without a cookie. */
async function renderEntry(fetch: Render, path: string, locale: Locale, localeCookie: string): Promise<Entry> {
  const request = new Request(`http://localhost${path}`, { headers: { Cookie: `${localeCookie}=${locale}` } })
  internalRequests.add(request)
  const res = await fetch(request)
  if (res.status !== 200 || res.headers.has('Set-Cookie')) throw new Error(`${path} is not cacheable: status ${res.status}`)
  return buildEntry(res.headers, Buffer.from(await res.arrayBuffer()))
}

/** Holds a language's answers, sharing the object another language already holds when the bytes are the same. */
function keep(slot: Slot, locale: Locale, entry: Entry): void {
  slot[locale] = Object.values(slot).find((other) => sameEntry(other, entry)) ?? entry
}

function sameEntry(a: Entry, b: Entry): boolean {
  const [x, y] = [a[0], b[0]]
  return x.head.length === y.head.length && x.head.every((v, i) => v === y.head[i]) && x.body.equals(y.body)
}

/**
 * The four frozen answers for one rendered page.
 * The app's compress middleware marks what it would compress with Vary: Accept-Encoding (even on a plain
 * answer); only those get a gzip copy, so a browser gets from memory what the app would have sent.
 */
async function buildEntry(responseHeaders: Headers, body: Buffer): Promise<Entry> {
  const head: string[] = []
  responseHeaders.forEach((value, name) => {
    if (name !== 'content-length') head.push(name, value)
  })
  const compressible = /(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(responseHeaders.get('vary') ?? '')
  const zipped = compressible ? await gzip(body, { level: 9 }) : body
  const encoding = compressible ? ['content-encoding', 'gzip'] : []
  const variant = (b: Buffer, extra: string[]): Variant => Object.freeze({ head: Object.freeze([...head, ...extra, 'content-length', String(b.length)]), body: b })
  return Object.freeze([
    variant(body, []),
    variant(zipped, encoding),
    variant(body, ['strict-transport-security', HSTS]),
    variant(zipped, [...encoding, 'strict-transport-security', HSTS]),
  ])
}
