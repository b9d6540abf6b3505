// npm run bench:answers — the answers table of a session with 2,000 answers (1,000 before, 1,000 after),
// as staff open it: the first page (100 rows) and a filtered page (after answers whose code begins
// with two letters, page 2 of after answers), on SQLite and on PostgreSQL, each beside a bare baseline
// on the same server in the same run (/healthz: no database, no page). Figures only, no budget: the
// ratio to the baseline says what a page of the table costs. Needs wrk (apt-get install -y wrk) and,
// for PostgreSQL, a server at JAGA_BENCH_PG_URL.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { runWrk, type WrkResult } from './wrk.ts'
import { startServerProcess } from '../test/server-process.ts'
import { benchDatabase } from './scratch-postgres.ts'
import { NO_HOLD, sessionWithAnswers, signIn } from './session-seed.ts'

const DURATION = process.env.BENCH_SECONDS ?? '5'
const CONNECTIONS = process.env.BENCH_CONNECTIONS ?? '10'
const PEOPLE = 1000
const OUT = path.resolve(import.meta.dirname, 'out')

if (spawnSync('sh', ['-c', 'command -v wrk']).status !== 0) {
  console.error('bench: wrk is missing. Install it with: apt-get install -y wrk')
  process.exit(2)
}

const results: (WrkResult & { dialect: string; name: string; path: string; bytes: number })[] = []
for (const dialect of ['sqlite', 'postgres'] as const) {
  const database = await benchDatabase(dialect)
  if (!database) continue
  let env = database.env
  const server = await startServerProcess({ ...env, ...NO_HOLD, LOG_LEVEL: 'warn' })
  try {
    if (!env.DATABASE_URL) env = { JAGA_DATA_DIR: server.dataDir }
    const sessionId = await sessionWithAnswers(server.url, env, PEOPLE)
    const cookie = await signIn(server.url)
    const pages = [
      { name: 'baseline /healthz', path: '/healthz' },
      { name: 'answers, first page', path: `/sessions/${sessionId}/evaluation/answers` },
      { name: 'answers, code "AB…", after', path: `/sessions/${sessionId}/evaluation/answers?phase=post&code=AB` },
      { name: 'answers, after, page 2', path: `/sessions/${sessionId}/evaluation/answers?phase=post&page=2` },
    ]
    for (const page of pages) {
      // Each page must be what staff see (200, rows in it) before it is timed.
      // A keep-alive socket the server closed during the previous wrk run fails once: ask again on a new one.
      const get = () => fetch(server.url + page.path, { headers: { Cookie: cookie } })
      const res = await get().catch(get)
      const html = await res.text()
      if (res.status !== 200 || (page.path !== '/healthz' && !html.includes('<table'))) throw new Error(`${page.path}: ${res.status}`)
      const run = runWrk(server.url + page.path, { connections: CONNECTIONS, seconds: DURATION, args: ['-H', `Cookie: ${cookie}`] })
      results.push({ dialect, ...page, bytes: Buffer.byteLength(html), ...run })
    }
  } finally {
    await server.stop()
    await database.drop()
  }
}

fs.mkdirSync(OUT, { recursive: true })
fs.writeFileSync(path.join(OUT, 'answers-page.json'), JSON.stringify(results, null, 2))
console.log(`\nAnswers table of a session with ${2 * PEOPLE} answers, wrk -t1 -c${CONNECTIONS} -d${DURATION}s, signed in as a coordinator`)
console.log(`${'database'.padEnd(10)} ${'page'.padEnd(28)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'KB'.padStart(6)} ${'non-2xx'.padStart(8)}  of baseline`)
let failed = false
for (const r of results) {
  const base = results.find((b) => b.dialect === r.dialect && b.path === '/healthz')!
  failed ||= r.non2xx > 0
  console.log(`${r.dialect.padEnd(10)} ${r.name.padEnd(28)} ${r.requestsPerSecond.toFixed(0).padStart(8)} ${r.p50ms.toFixed(2).padStart(7)} ${r.p99ms.toFixed(2).padStart(7)} ${(r.bytes / 1024).toFixed(0).padStart(6)} ${String(r.non2xx).padStart(8)}  ${((100 * r.requestsPerSecond) / base.requestsPerSecond).toFixed(1)}%${r.socketErrors ? `  (${r.socketErrors})` : ''}`)
}
if (failed) process.exitCode = 1
