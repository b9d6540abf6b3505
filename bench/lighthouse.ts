// npm run bench:lighthouse: Lighthouse (mobile emulation, Debian chromium) on the public pages that
// matter most. Run it on an idle machine: each run takes about 15 s and timing noise lowers the score.
import fs from 'node:fs'
import path from 'node:path'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { startServerProcess } from '../test/server-process.ts'

const PAGES = ['/', '/id/pustaka/grooming-bujukan-daring', '/id/pustaka/cari', '/id/pustaka/kuis/parents', '/en/library/how-to-report']
const BUDGET = { performance: 98, accessibility: 100, 'best-practices': 95, seo: 100 } as const
const OUT = path.resolve(import.meta.dirname, 'out')

async function main() {
  const server = await startServerProcess({ LOG_LEVEL: 'warn' })
  const chrome = await chromeLauncher.launch({
    chromePath: '/usr/bin/chromium',
    chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  const rows: { page: string; scores: Record<string, number> }[] = []
  try {
    for (const page of PAGES) {
      const result = await lighthouse(server.url + page, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: Object.keys(BUDGET) })
      const categories = result!.lhr.categories
      rows.push({ page, scores: Object.fromEntries(Object.keys(BUDGET).map((k) => [k, Math.round((categories[k]?.score ?? 0) * 100)])) })
      const failed = Object.values(result!.lhr.audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary').map((a) => a.id)
      if (failed.length) console.log(`${page}: audits not passed: ${failed.join(', ')}`)
    }
  } finally {
    chrome.kill()
    await server.stop()
  }
  fs.mkdirSync(OUT, { recursive: true })
  fs.writeFileSync(path.join(OUT, 'lighthouse.json'), JSON.stringify({ date: new Date().toISOString(), budget: BUDGET, rows }, null, 2))
  console.log(`\nLighthouse ${'(mobile)'}: ${Object.entries(BUDGET).map(([k, v]) => `${k} >= ${v}`).join(', ')}`)
  console.log(`${'page'.padEnd(40)} ${Object.keys(BUDGET).map((k) => k.padStart(15)).join('')}  within`)
  for (const r of rows) {
    const ok = Object.entries(BUDGET).every(([k, v]) => r.scores[k]! >= v)
    console.log(`${r.page.padEnd(40)} ${Object.keys(BUDGET).map((k) => String(r.scores[k]).padStart(15)).join('')}  ${ok ? 'yes' : 'NO'}`)
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
