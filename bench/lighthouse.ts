// npm run bench:lighthouse: Lighthouse (mobile emulation, Debian chromium) on the public pages that
// matter most, RUNS times each, median. Run it on an idle machine: each run takes about 15 s and timing
// noise lowers the score. LIGHTHOUSE_REFERENCE=<another checkout> scores that one too, in alternating
// rounds in the same run (a before/after comparison under the same load).
import fs from 'node:fs'
import path from 'node:path'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { questionnairePath } from './questionnaire-link.ts'
import { ROOT, startServerProcess, type ServerProcess } from '../test/server-process.ts'

const ALL_PAGES = ['/', '/id/pustaka', '/id/pustaka/grooming-bujukan-daring', '/en/library/how-to-report', '/id/pustaka/cari?q=grooming', '/id/pustaka/kuis/parents', 'questionnaire']
// ONLY=pustaka scores only the pages whose address contains that text.
const PAGES = ALL_PAGES.filter((p) => !process.env.ONLY || p.includes(process.env.ONLY))
const BUDGET = { performance: 98, accessibility: 100, 'best-practices': 95, seo: 100 } as const
const RUNS = Number(process.env.RUNS ?? 3)
const OUT = path.resolve(import.meta.dirname, 'out')

interface Variant {
  name: string
  server: ServerProcess
  questionnaire: string
  scores: Map<string, Record<string, number>[]>
  /** Audits that cost points, per page, with how often they did. */
  losses: Map<string, Map<string, number>>
}

async function startVariant(name: string, root: string): Promise<Variant> {
  // The reference's own server-process.ts, so its ROOT (and bin/serve.js) is that checkout's.
  const start = root === ROOT ? startServerProcess : ((await import(path.join(root, 'test/server-process.ts'))) as { startServerProcess: typeof startServerProcess }).startServerProcess
  // tsx reads the tsconfig.json (JSX settings) of the directory it starts in.
  const here = process.cwd()
  process.chdir(root)
  const server = await start({ LOG_LEVEL: 'warn' }).finally(() => process.chdir(here))
  return { name, server, questionnaire: await questionnairePath(server, root), scores: new Map(), losses: new Map() }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

async function main() {
  const variants = [await startVariant('this checkout', ROOT)]
  if (process.env.LIGHTHOUSE_REFERENCE) variants.push(await startVariant('reference', path.resolve(process.env.LIGHTHOUSE_REFERENCE)))
  const chrome = await chromeLauncher.launch({
    chromePath: '/usr/bin/chromium',
    chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  try {
    for (let run = 0; run < RUNS; run++) {
      for (const page of PAGES) {
        // Alternating: each page is scored on every variant back to back, so both see the same load.
        for (const v of run % 2 ? [...variants].reverse() : variants) {
          const address = page === 'questionnaire' ? v.questionnaire : page
          const result = await lighthouse(v.server.url + address, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: Object.keys(BUDGET) })
          const lhr = result!.lhr
          // The whole report of each page's first run, to see where the time goes (main-thread tasks, the
          // simulated saving of each render-blocking file), not only the score.
          if (run === 0) {
            fs.mkdirSync(path.join(OUT, 'lighthouse'), { recursive: true })
            const file = `${v.name === 'reference' ? 'reference' : 'this'}${page.replace(/[^a-z0-9]+/gi, '-')}.json`
            fs.writeFileSync(path.join(OUT, 'lighthouse', file), result!.report as string)
          }
          v.scores.set(page, [...(v.scores.get(page) ?? []), Object.fromEntries(Object.keys(BUDGET).map((k) => [k, Math.round((lhr.categories[k]?.score ?? 0) * 100)]))])
          const lost = v.losses.get(page) ?? new Map<string, number>()
          for (const a of Object.values(lhr.audits)) {
            const numeric = a.scoreDisplayMode === 'numeric' || a.scoreDisplayMode === 'metricSavings'
            if (a.score !== null && a.score < (numeric ? 0.9 : 1) && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual') {
              const label = a.numericValue !== undefined && numeric ? `${a.id} (${Math.round(a.numericValue)})` : a.id
              lost.set(a.id, (lost.get(a.id) ?? 0) + 1)
              if (process.env.DETAIL) console.log(`${v.name} ${page}: ${label}`)
            }
          }
          v.losses.set(page, lost)
        }
      }
    }
  } finally {
    chrome.kill()
    for (const v of variants) await v.server.stop()
  }
  const rows = variants.flatMap((v) => PAGES.map((page) => ({ variant: v.name, page, runs: v.scores.get(page)!, median: Object.fromEntries(Object.keys(BUDGET).map((k) => [k, median(v.scores.get(page)!.map((s) => s[k]!))])) })))
  fs.mkdirSync(OUT, { recursive: true })
  fs.writeFileSync(path.join(OUT, 'lighthouse.json'), JSON.stringify({ date: new Date().toISOString(), runs: RUNS, budget: BUDGET, rows }, null, 2))
  console.log(`\nLighthouse (mobile), median of ${RUNS}: ${Object.entries(BUDGET).map(([k, v]) => `${k} >= ${v}`).join(', ')}`)
  console.log(`${'variant'.padEnd(15)}${'page'.padEnd(40)} ${Object.keys(BUDGET).map((k) => k.padStart(15)).join('')}  within  performance per run`)
  for (const r of rows) {
    const ok = Object.entries(BUDGET).every(([k, v]) => r.median[k]! >= v)
    console.log(`${r.variant.padEnd(15)}${r.page.padEnd(40)} ${Object.keys(BUDGET).map((k) => String(r.median[k]).padStart(15)).join('')}  ${(ok ? 'yes' : 'NO').padEnd(6)}  ${r.runs.map((s) => s.performance).join(' ')}`)
  }
  for (const v of variants) {
    for (const [page, lost] of v.losses) if (lost.size) console.log(`${v.name} ${page}: below par: ${[...lost].map(([id, n]) => `${id} ×${n}`).join(', ')}`)
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
