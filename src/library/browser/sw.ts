/// <reference lib="webworker" />
// The service worker that keeps the public library readable with no network.
// Network first (so online readers always get the newest text), the cache when the network fails.
// Each release has its own cache; a new release copies a saved library before dropping the old
// cache, and keeps the old one if the copy fails, so an update never loses what a reader saved.
declare const self: ServiceWorkerGlobalScope
declare const __JAGA_VERSION__: string
/** Per language: the library home, the static files and pages kept for offline use once a reader's page is idle. */
declare const __JAGA_PRECACHE__: Record<string, { home: string; urls: string[] }>
/** The stylesheet's versioned address: a kept page that does not name it is from an older release. */
declare const __JAGA_STYLESHEET__: string
declare const __JAGA_PUBLIC_PREFIXES__: string[]

const CACHE = `jaga-${__JAGA_VERSION__}`
const SAVED_MARKER = '/__jaga_saved__'

// Nothing is downloaded at install: a first visit must stay small. The page asks for the precache
// (see precache below) once it is idle, and only for its own language.
self.addEventListener('install', () => {
  void self.skipWaiting()
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (!key.startsWith('jaga-') || key === CACHE) continue
        const old = await caches.open(key)
        const marker = await old.match(SAVED_MARKER)
        if (!marker) {
          await caches.delete(key)
          continue
        }
        try {
          const manifests = (await marker.json()) as string[]
          for (const m of manifests) await saveAll(m)
          await caches.delete(key)
        } catch {
          // Offline during the update: keep the old cache; fetch() still finds its pages.
        }
      }
      await self.clients.claim()
    })(),
  )
})

function isPublic(url: URL): boolean {
  return url.origin === self.location.origin && (url.pathname === '/' || __JAGA_PUBLIC_PREFIXES__.some((p) => url.pathname === p || url.pathname.startsWith(p + '/')))
}

self.addEventListener('fetch', (event) => {
  const request = event.request
  const url = new URL(request.url)
  if (request.method !== 'GET' || !isPublic(url)) return
  event.respondWith(
    (async () => {
      try {
        const response = await fetch(request)
        if (response.ok && !(response.headers.get('Cache-Control') ?? '').includes('no-store')) {
          const copy = response.clone()
          void caches.open(CACHE).then((cache) => cache.put(request, copy))
        }
        return response
      } catch {
        const cached = await caches.match(request)
        if (cached) return cached
        // A questionnaire link (/q/<token>) that this phone opened before: collect.js kept it.
        if (url.pathname.startsWith('/q/')) return (await caches.match(url.pathname, { ignoreVary: true })) ?? offlineForm()
        // A search typed while offline: the empty search page searches the saved index itself.
        const searchShell = await caches.match(url.pathname)
        if (searchShell) return searchShell
        const home = await caches.match(url.pathname.startsWith('/en/') ? '/en/library' : '/id/pustaka')
        return home ?? Response.error()
      }
    })(),
  )
})

/** A questionnaire link never opened on this phone, with no connection: say so in both languages. */
function offlineForm(): Response {
  const html =
    '<!doctype html><html lang="id"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Jaga</title>' +
    '<body style="font:1.1rem/1.5 system-ui,sans-serif;margin:2rem;max-width:32rem">' +
    '<h1>Tidak ada koneksi</h1><p>Kuesioner ini belum pernah dibuka di HP ini. Buka lagi tautannya saat ada sinyal.</p>' +
    '<h1 lang="en">No connection</h1><p lang="en">This questionnaire has not been opened on this phone before. Open the link again when you have signal.</p></body></html>'
  return new Response(html, { status: 503, headers: { 'Content-Type': 'text/html; charset=UTF-8', 'Cache-Control': 'no-store' } })
}

/**
 * Downloads every address a manifest lists into this release's cache and remembers the manifest.
 * `cache: 'reload'` skips the browser's HTTP cache, which may still hold the previous release's pages.
 */
async function saveAll(manifestUrl: string): Promise<number> {
  const response = await fetch(manifestUrl, { credentials: 'omit', cache: 'no-store' })
  const urls = (await response.json()) as string[]
  const cache = await caches.open(CACHE)
  for (let i = 0; i < urls.length; i += 6) {
    await cache.addAll(urls.slice(i, i + 6).map((u) => new Request(u, { credentials: 'omit', cache: 'reload' })))
  }
  const marker = await cache.match(SAVED_MARKER)
  const saved = new Set<string>(marker ? ((await marker.json()) as string[]) : [])
  saved.add(manifestUrl)
  await cache.put(SAVED_MARKER, new Response(JSON.stringify([...saved]), { headers: { 'Content-Type': 'application/json' } }))
  return urls.length
}

/**
 * Keeps the reader's language's library home and the static files for offline use, asked for by a
 * library page once it is idle. What is kept already is not fetched again, and the browser's HTTP
 * cache answers first (`force-cache`): versioned static files never change under their address, and
 * the page the reader just read needs no second download. A kept page that does not name this
 * release's stylesheet came from an older release's HTTP cache and is fetched fresh.
 */
async function precache(locale: string, path: string): Promise<void> {
  const wanted = __JAGA_PRECACHE__[locale]
  if (!wanted || !(path === '/' || path === wanted.home || path.startsWith(wanted.home + '/'))) return
  const cache = await caches.open(CACHE)
  for (const url of wanted.urls) {
    if (await cache.match(url)) continue
    let response = await fetch(url, { credentials: 'omit', cache: 'force-cache' })
    if (!url.startsWith('/static/') && !(await response.clone().text()).includes(__JAGA_STYLESHEET__)) {
      response = await fetch(url, { credentials: 'omit', cache: 'reload' })
    }
    if (response.ok) await cache.put(url, response)
  }
}

self.addEventListener('message', (event) => {
  const data = event.data as { type?: string; manifest?: string; locale?: string; path?: string }
  if (data.type === 'precache' && data.locale && data.path) {
    event.waitUntil(
      precache(data.locale, data.path).catch(() => {
        /* offline or the server is gone: the next idle page asks again */
      }),
    )
    return
  }
  const port = event.ports[0]
  if (data.type !== 'save' || !data.manifest || !port) return
  event.waitUntil(
    saveAll(data.manifest).then(
      (count) => port.postMessage({ ok: true, count }),
      () => port.postMessage({ ok: false, count: 0 }),
    ),
  )
})
