// npm run bench:first-visit: everything a first visit transfers, as Chromium counts it (CDP
// encodedDataLength: headers + compressed body), for the public pages people land on, in both languages.
// Each page is opened in a fresh phone-sized context (empty HTTP cache, no service worker) and watched
// until the network has been quiet for QUIET_MS, so the service worker's own downloads (its script and
// whatever it keeps for offline use once the page is idle) are counted too. Budget: 30 KB in all.
// DETAIL=1 lists every request; ONLY=/q/ measures only the pages whose address contains that text.
import fs from 'node:fs'
import path from 'node:path'
import { chromium, type BrowserContext, type Request } from 'playwright-core'
import { countingRelay } from '../test/counting-relay.ts'
import { questionnairePath } from './questionnaire-link.ts'
import { ROOT, startServerProcess } from '../test/server-process.ts'

const BUDGET = 30 * 1024
const QUIET_MS = Number(process.env.QUIET_MS ?? 4000)
const OUT = path.resolve(import.meta.dirname, 'out')

type Part = 'page' | 'static' | 'worker'
interface Row {
  page: string
  bytes: Record<Part, number>
  requests: Record<Part, number>
  /** Every byte the server sent on the page's connections, counted by a TCP relay in between. */
  wire: number
}

/** Opens one page in a fresh context and adds up what crossed the network until it was quiet. */
async function firstVisit(context: BrowserContext, url: string, sent: () => number): Promise<Row> {
  const before = sent()
  const row: Row = { page: new URL(url).pathname, bytes: { page: 0, static: 0, worker: 0 }, requests: { page: 0, static: 0, worker: 0 }, wire: 0 }
  let last = Date.now()
  let pending = 0
  const counted = new Set<Request>()
  const count = async (request: Request) => {
    if (counted.has(request)) return
    counted.add(request)
    const response = await request.response()
    // Answered by the service worker from its cache: nothing crossed the network for this request.
    if (!response || response.fromServiceWorker()) return
    const sizes = await request.sizes()
    const part: Part = request.serviceWorker() || new URL(request.url()).pathname === '/sw.js' ? 'worker' : request.isNavigationRequest() ? 'page' : 'static'
    row.bytes[part] += sizes.responseHeadersSize + sizes.responseBodySize
    if (process.env.DETAIL) console.log(`  ${part.padEnd(7)}${String(sizes.responseHeadersSize + sizes.responseBodySize).padStart(7)}  ${request.url()}`)
    row.requests[part]++
  }
  context.on('request', () => {
    pending++
    last = Date.now()
  })
  const done = (request: Request) => {
    pending--
    last = Date.now()
    void count(request)
  }
  context.on('requestfinished', done)
  context.on('requestfailed', () => {
    pending--
    last = Date.now()
  })
  const page = await context.newPage()
  await page.goto(url, { waitUntil: 'load' })
  while (pending > 0 || Date.now() - last < QUIET_MS) await new Promise((r) => setTimeout(r, 100))
  // Let the last sizes() calls settle.
  await new Promise((r) => setTimeout(r, 200))
  row.wire = sent() - before
  return row
}

async function main() {
  // 90 s: on a machine loaded by other benchmarks the server has needed more than the default 30 s to start.
  const server = await startServerProcess({ LOG_LEVEL: 'warn' }, 90_000)
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  const rows: Row[] = []
  try {
    const q = await questionnairePath(server, ROOT)
    const pages: [string, 'id-ID' | 'en-GB'][] = [
      ['/', 'id-ID'],
      ['/', 'en-GB'],
      ['/id/pustaka', 'id-ID'],
      ['/en/library', 'en-GB'],
      ['/id/pustaka/grooming-bujukan-daring', 'id-ID'],
      ['/en/library/how-to-report', 'en-GB'],
      ['/id/pustaka/cari?q=grooming', 'id-ID'],
      ['/en/library/search?q=grooming', 'en-GB'],
      ['/id/pustaka/kuis/parents', 'id-ID'],
      ['/en/library/quiz/parents', 'en-GB'],
      [q, 'id-ID'],
      [q, 'en-GB'],
    ]
    for (const [p, locale] of pages) {
      if (process.env.ONLY && !p.includes(process.env.ONLY)) continue
      const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, locale, isMobile: true, hasTouch: true })
      if (process.env.DETAIL) console.log(p, locale)
      const relay = await countingRelay(new URL(server.url))
      const row = await firstVisit(context, relay.url + p, relay.sent)
      row.page = `${p.startsWith('/q/') ? '/q/…' : p} (${locale.slice(0, 2)})`
      rows.push(row)
      await context.close()
      relay.close()
    }
  } finally {
    await browser.close()
    await server.stop()
  }
  fs.mkdirSync(OUT, { recursive: true })
  fs.writeFileSync(path.join(OUT, 'first-visit.json'), JSON.stringify({ date: new Date().toISOString(), budget: BUDGET, rows }, null, 2))
  const kb = (n: number) => (n / 1024).toFixed(1).padStart(8)
  console.log(`First visit in KB: Chromium's count per request (headers + compressed bodies) split into page / static / service worker,`)
  console.log(`and every byte the server sent (wire, judged against the budget of ${BUDGET / 1024} KB)`)
  console.log(`${'page'.padEnd(44)}${'page'.padStart(8)}${'static'.padStart(8)}${'worker'.padStart(8)}${'sum'.padStart(8)}${'wire'.padStart(8)}  requests  within`)
  for (const r of rows) {
    const sum = r.bytes.page + r.bytes.static + r.bytes.worker
    const n = `${r.requests.page}+${r.requests.static}+${r.requests.worker}`
    console.log(`${r.page.padEnd(44)}${kb(r.bytes.page)}${kb(r.bytes.static)}${kb(r.bytes.worker)}${kb(sum)}${kb(r.wire)}  ${n.padStart(8)}  ${r.wire <= BUDGET ? 'yes' : 'NO'}`)
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
