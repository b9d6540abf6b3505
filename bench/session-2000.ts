// npm run bench:session — a session with 2,000 pairs (2,000 answers before, 2,000 after) as staff use
// it (issue 17, goal: each ≤ 0.5 s, first call included): the evaluation page, the answers table,
// answers.csv, answers.xlsx and the PDF report, on SQLite and on PostgreSQL, beside /healthz (no
// database, no page) as the floor. "first" is the route's first call in a newly started server (one
// server per path and round, so no path warms another); "warm" is the median of ROUNDS calls in one
// server, the paths taken in turn (alternating order each round). The server's resident memory
// (VmRSS) is read before the warm rounds, and its peak (VmHWM) after them. For PostgreSQL, a server
// at JAGA_BENCH_PG_URL. "pdf after page" and "xlsx after page" are the PDF's and the XLSX's first call
// made as staff make it: after the results page that links to both, and 2 s of reading (the page gets
// pdfkit and exceljs ready once it is sent; their warm calls are report.pdf's and answers.xlsx's again).
// "report.pdf" and "answers.xlsx" asked as a new server's very first request are kept, though no one
// reaches them so. The servers run as production does (bench/memory.ts too): the compiled build, made
// first, with deploy/jaga.service's node options (--max-semi-space-size=4); BENCH_NODE_OPTIONS=none
// runs them without, BENCH_RUN=source from the TypeScript sources through tsx (slower, ~80 MB more).
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { startServerProcess, type ServerProcess } from '../test/server-process.ts'
import { benchDatabase } from './scratch-postgres.ts'
import { growSession, NO_HOLD, sessionWithAnswers, signIn } from './session-seed.ts'

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 2000)
/** People answering through the collect route; the rest are copies of them written into the database (session-seed.ts). */
const SEEDED = 72
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7)
const COLD_ROUNDS = Number(process.env.BENCH_COLD_ROUNDS ?? 2)
const OUT = path.resolve(import.meta.dirname, 'out')
const MB = 1024
// A loaded 2-core machine takes more than the usual 30 s to start a server.
const START_MS = 180_000

function statusKb(pid: number, field: string): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
  return m ? Number(m[1]) : 0
}

/** The options between node and bin/serve.js on deploy/jaga.service's ExecStart line, as bench/memory.ts reads them. */
function deployedNodeOptions(root: string): string {
  const m = /^ExecStart=\S*node\s+(.*?)\s*\S*bin\/serve\.js\s*$/m.exec(fs.readFileSync(path.join(root, 'deploy/jaga.service'), 'utf8'))
  if (!m) throw new Error('deploy/jaga.service: no ExecStart=<node> ... bin/serve.js line')
  return m[1]!
}
const SOURCE = process.env.BENCH_RUN === 'source'
/** How a server of the code at `root` runs: compiled (built here first) with the deployed node options, unless told otherwise. */
function runAs(root: string): NodeJS.ProcessEnv {
  if (!SOURCE) {
    const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, encoding: 'utf8' })
    if (built.status !== 0) throw new Error(`build failed in ${root}: ${built.stderr}`)
  }
  const options = process.env.BENCH_NODE_OPTIONS === 'none' ? '' : deployedNodeOptions(root)
  return { JAGA_RUN: SOURCE ? 'source' : 'compiled', ...(options ? { NODE_OPTIONS: options } : {}) }
}

const pathsOf = (id: string) => [
  { name: 'baseline /healthz', path: '/healthz', type: '' },
  { name: 'evaluation page', path: `/sessions/${id}/evaluation`, type: 'text/html' },
  { name: 'answers review', path: `/sessions/${id}/evaluation/answers`, type: 'text/html' },
  { name: 'answers.csv', path: `/sessions/${id}/evaluation/answers.csv`, type: 'text/csv' },
  { name: 'answers.xlsx', path: `/sessions/${id}/evaluation/answers.xlsx`, type: 'application/vnd.openxmlformats' },
  { name: 'report.pdf', path: `/sessions/${id}/evaluation/report.pdf`, type: 'application/pdf' },
  // As staff reach it: from the results page, which links to it, read for a while (the page gets the PDF machinery ready).
  { name: 'pdf after page', path: `/sessions/${id}/evaluation/report.pdf`, type: 'application/pdf', after: `/sessions/${id}/evaluation`, readMs: 2000 },
  { name: 'xlsx after page', path: `/sessions/${id}/evaluation/answers.xlsx`, type: 'application/vnd.openxmlformats', after: `/sessions/${id}/evaluation`, readMs: 2000 },
]

/** Milliseconds from request to the last byte of the body; fails on anything but the expected 200. */
async function timed(server: ServerProcess, p: { path: string; type: string }, cookie: string): Promise<{ ms: number; bytes: number }> {
  const start = performance.now()
  const res = await fetch(server.url + p.path, { headers: { Cookie: cookie } })
  const body = await res.arrayBuffer()
  const ms = performance.now() - start
  if (res.status !== 200 || !(res.headers.get('content-type') ?? '').startsWith(p.type)) throw new Error(`${p.path}: ${res.status} ${res.headers.get('content-type')}`)
  return { ms, bytes: body.byteLength }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
type Start = typeof startServerProcess
// BENCH_BEFORE_ROOT: a copy of the code to compare with (e.g. `git archive <commit> | tar -x -C DIR`,
// node_modules linked), run on the same database in the same rounds.
const nowAs = runAs(path.resolve(import.meta.dirname, '..'))
const variants: { name: string; start: Start }[] = [{ name: 'now', start: (env, ms) => startServerProcess({ ...env, ...nowAs }, ms) }]
if (process.env.BENCH_BEFORE_ROOT) {
  const root = path.resolve(process.env.BENCH_BEFORE_ROOT)
  const { startServerProcess: start } = (await import(path.join(root, 'test/server-process.ts'))) as { startServerProcess: Start }
  const beforeAs = runAs(root)
  // tsx reads the tsconfig of the working folder (ours) unless told: the copy's own JSX settings.
  variants.unshift({ name: 'before', start: (env, ms) => start({ ...env, ...beforeAs, TSX_TSCONFIG_PATH: path.join(root, 'tsconfig.json') }, ms) })
}
interface Row { dialect: string; variant: string; name: string; first: number[]; warm: number[]; bytes: number }
const results: Row[] = []
const memory: { dialect: string; variant: string; idleMb: number; beforeMb: number; afterMb: number; peakMb: number }[] = []

for (const dialect of ['sqlite', 'postgres'] as const) {
  const database = await benchDatabase(dialect)
  if (!database) continue
  let env = database.env
  try {
    const seeder = await startServerProcess({ ...env, ...NO_HOLD, LOG_LEVEL: 'warn' })
    if (!env.DATABASE_URL) env = { JAGA_DATA_DIR: seeder.dataDir }
    const sessionId = await sessionWithAnswers(seeder.url, env, SEEDED)
    const cookie = await signIn(seeder.url)
    await seeder.stop()
    await growSession({ databaseUrl: env.DATABASE_URL, dataDir: env.JAGA_DATA_DIR ?? '' }, sessionId, SEEDED, PEOPLE)
    const paths = pathsOf(sessionId)
    const rows = variants.map((v) => paths.map((p) => ({ dialect, variant: v.name, name: p.name, first: [] as number[], warm: [] as number[], bytes: 0 })))
    for (let round = 0; round < COLD_ROUNDS; round++) {
      for (const [i, p] of paths.entries()) {
        for (const vi of round % 2 ? [...variants.keys()].reverse() : [...variants.keys()]) {
          const server = await variants[vi]!.start({ ...env, LOG_LEVEL: 'warn' }, START_MS)
          try {
            if ('after' in p && p.after) {
              await timed(server, { path: p.after, type: 'text/html' }, cookie)
              await new Promise((resolve) => setTimeout(resolve, p.readMs))
            }
            rows[vi]![i]!.first.push((await timed(server, p, cookie)).ms)
          } finally {
            await server.stop()
          }
        }
      }
    }
    const servers: ServerProcess[] = []
    for (const v of variants) servers.push(await v.start({ ...env, LOG_LEVEL: 'warn' }, START_MS))
    try {
      const idle = servers.map((s) => statusKb(s.child.pid!, 'VmRSS') / MB)
      // One call of each first, so "warm" means warm.
      for (const server of servers) for (const p of paths) await timed(server, p, cookie)
      const before = servers.map((s) => statusKb(s.child.pid!, 'VmRSS') / MB)
      for (let round = 0; round < ROUNDS; round++) {
        const order = round % 2 ? [...paths.keys()].reverse() : [...paths.keys()]
        for (const i of order) {
          for (const vi of round % 2 ? [...variants.keys()] : [...variants.keys()].reverse()) {
            const r = await timed(servers[vi]!, paths[i]!, cookie)
            rows[vi]![i]!.warm.push(r.ms)
            rows[vi]![i]!.bytes = r.bytes
          }
        }
      }
      for (const [vi, s] of servers.entries()) memory.push({ dialect, variant: variants[vi]!.name, idleMb: idle[vi]!, beforeMb: before[vi]!, afterMb: statusKb(s.child.pid!, 'VmRSS') / MB, peakMb: statusKb(s.child.pid!, 'VmHWM') / MB })
    } finally {
      await Promise.all(servers.map((s) => s.stop()))
    }
    results.push(...rows.flat())
    console.log(JSON.stringify({ dialect, rows: rows.flat().map((r) => ({ variant: r.variant, name: r.name, first: r.first.map(Math.round), warm: r.warm.map(Math.round), kb: Math.round(r.bytes / 1024) })), memory: memory.filter((m) => m.dialect === dialect) }))
  } finally {
    await database.drop()
  }
}

fs.mkdirSync(OUT, { recursive: true })
fs.writeFileSync(path.join(OUT, 'session-2000.json'), JSON.stringify({ results, memory }, null, 2))
console.log(`\nServers run ${SOURCE ? 'from the sources (tsx)' : 'compiled'}, node options: ${nowAs.NODE_OPTIONS ?? 'none'}`)
console.log(`A session with ${PEOPLE} pairs; first call: ${COLD_ROUNDS} fresh servers a path (median, max); warm: median of ${ROUNDS} calls in one server`)
console.log(`${'database'.padEnd(9)} ${'code'.padEnd(7)} ${'path'.padEnd(18)} ${'first ms'.padStart(9)} ${'max'.padStart(6)} ${'warm ms'.padStart(8)} ${'max'.padStart(6)} ${'KB'.padStart(6)}  goal 500 ms`)
for (const r of results) {
  const worst = Math.max(...r.first, ...r.warm)
  console.log(`${r.dialect.padEnd(9)} ${r.variant.padEnd(7)} ${r.name.padEnd(18)} ${median(r.first).toFixed(0).padStart(9)} ${Math.max(...r.first).toFixed(0).padStart(6)} ${median(r.warm).toFixed(0).padStart(8)} ${Math.max(...r.warm).toFixed(0).padStart(6)} ${(r.bytes / 1024).toFixed(0).padStart(6)}  ${r.name.startsWith('baseline') ? '' : worst <= 500 ? 'ok' : 'OVER'}`)
}
for (const m of memory) console.log(`${m.dialect} ${m.variant}: RSS ${m.idleMb.toFixed(0)} MB at start, ${m.beforeMb.toFixed(0)} MB after one call of each, ${m.afterMb.toFixed(0)} MB after the warm rounds, peak ${m.peakMb.toFixed(0)} MB (goal ≤ 300)`)
