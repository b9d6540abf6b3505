// npm run bench:ingest — how many participant submissions a second Jaga stores, on SQLite and on
// PostgreSQL, with 50 phones sending at once (wrk -t1 -c50, a new submission id per request), and the
// latency they see. Afterwards the stored rows are counted: every 2xx must be one row, and at most
// one more row per connection (requests still in flight when wrk stops are stored but not counted by wrk).
// The reference: a bare node:http server (bench/ingest-bare.mjs) doing the same INSERT with the same driver
// on the same database, run in alternating rounds with Jaga (BENCH_ROUNDS, default 3). Goals (issue 17):
// Jaga at >= 50% of its requests a second, and a p99 no more than 5x the p50. CPU ms per request is
// read from /proc for each server process.
// Needs wrk (apt-get install -y wrk) and, for PostgreSQL, a server at JAGA_BENCH_PG_URL.
import { spawn, spawnSync } from 'node:child_process'
import { runWrk, type WrkResult } from './wrk.ts'
import fs from 'node:fs'
import path from 'node:path'
import { startServerProcess, ROOT, type ServerProcess } from '../test/server-process.ts'
import { readShippedQuestionnaires } from '../src/evaluation/questionnaires.ts'
import { scoredItems } from '../src/evaluation/questionnaire-schema.ts'
import { scratchPostgres } from './scratch-postgres.ts'
import { SQLITE_FILE } from '../src/store.ts'

const DURATION = process.env.BENCH_SECONDS ?? '10'
const CONNECTIONS = process.env.BENCH_CONNECTIONS ?? '50'
const PG_URL = process.env.JAGA_BENCH_PG_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres'
const OUT = path.resolve(import.meta.dirname, 'out')
const BUDGET = { sqlite: 2000, postgres: 1000 } as const

if (spawnSync('sh', ['-c', 'command -v wrk']).status !== 0) {
  console.error('bench: wrk is missing. Install it with: apt-get install -y wrk')
  process.exit(2)
}

function cli(env: NodeJS.ProcessEnv, args: string[], input = ''): string {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/jaga.js'), ...args], { input, env: { ...process.env, ...env }, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(r.stderr)
  return r.stdout
}

/** A bench coordinator's API, and a way to open a new session's pre and post links through it. */
function benchApi(server: ServerProcess, env: NodeJS.ProcessEnv): { openLinks: () => Promise<{ sessionId: string; pre: string; post: string }>; api: (p: string) => Promise<any> } {
  cli(env, ['user', 'create', '--email', 'bench@jaga.test', '--role', 'coordinator'], 'a long enough password\n')
  const bearer = cli(env, ['token', 'create', '--email', 'bench@jaga.test']).trim().split('\n').pop()!
  const call = async (p: string, body?: unknown): Promise<any> => {
    // A keep-alive socket the server closed during the load run fails once: ask again on a new one.
    const res = await fetch(server.url + p, { method: body ? 'POST' : 'GET', headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' }, body: body ? JSON.stringify(body) : undefined }).catch(() => fetch(server.url + p, { method: body ? 'POST' : 'GET', headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' }, body: body ? JSON.stringify(body) : undefined }))
    if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`)
    return res.json()
  }
  /** A programme, a session and its open pre and post questionnaire links. */
  let programmes = 0
  const openLinks = async () => {
    const today = new Date().toISOString().slice(0, 10)
    const programme = await call('/api/v1/programmes', { name: `Bench ${++programmes}`, startsOn: today, endsOn: today, status: 'active', areaIds: ['0b7f4a52-2b41-4c4e-9a57-127109100400'] })
    const session = await call('/api/v1/sessions', { programmeId: programme.id, title: 'Bench', format: 'seminar', areaId: '0b7f4a52-2b41-4c4e-9a57-127109100400', venue: 'x', startsAt: `${today}T00:00`, endsAt: `${today}T23:59`, audiences: ['parents'] })
    const opened = await call(`/api/v1/sessions/${session.id}/evaluation`, { groupKind: 'parents' })
    const token = (phase: string) => opened.links.find((l: { phase: string }) => l.phase === phase).token
    return { sessionId: session.id as string, pre: token('pre'), post: token('post') }
  }
  return { openLinks, api: (p) => call(p) }
}

let runs = 0
/** One wrk run; each with its own id prefix, so no run resends another's ids. */
const wrk = (url: string, body: string) =>
  runWrk(url, { connections: CONNECTIONS, seconds: DURATION, args: ['-s', path.join(import.meta.dirname, 'collect.lua')], env: { JAGA_BENCH_BODY: body, JAGA_BENCH_PREFIX: (0x10000000 + process.pid * 64 + ++runs).toString(16).slice(-8) } })

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100
}

/** The bare node:http reference (bench/ingest-bare.mjs) on the same database, storing into another link of the same session. */
async function startBare(target: string, token: string): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [path.join(import.meta.dirname, 'ingest-bare.mjs'), target, token], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
  const port = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (d) => {
      out += d
      const m = /listening (\d+)/.exec(out)
      if (m) resolve(m[1]!)
    })
    child.once('exit', (code) => reject(new Error(`bare server exited (${code})`)))
  })
  return { url: `http://127.0.0.1:${port}/api/v1/collect/${token}`, pid: child.pid!, stop: () => new Promise((r) => (child.exitCode !== null ? r() : (child.once('exit', () => r()), child.kill('SIGTERM')))) }
}

const items = scoredItems(readShippedQuestionnaires().find((q) => q.key === 'knowledge-parents')!.definition)
const body = JSON.stringify({ id: '__ID__', code: { mother: 'BE', day: '9', own: 'A', siblings: '1' }, answers: Object.fromEntries(items.map((i) => [i.id, i.answer])) })
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? '3')
const DIALECTS = (process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(',')
// BENCH_BEFORE=<folder>: a copy of the code before a change (git archive HEAD | tar -x -C <folder>, with
// node_modules linked), whose server runs in the same alternating rounds on the same database.
const BEFORE = process.env.BENCH_BEFORE && path.resolve(process.env.BENCH_BEFORE)

interface Round extends WrkResult {
  cpuMsPerRequest: number
  /** SQLite: the -wal file's size after the round, MB (bounded by the checkpointer, src/platform/db/checkpointer.ts). */
  walMB?: number
}
const summary = (rs: Round[]) => ({
  requests: rs.reduce((a, r) => a + r.requests, 0),
  non2xx: rs.reduce((a, r) => a + r.non2xx, 0),
  requestsPerSecond: rs.reduce((a, r) => a + r.requestsPerSecond, 0) / rs.length,
  p50ms: median(rs.map((r) => r.p50ms)),
  p99ms: median(rs.map((r) => r.p99ms)),
  cpuMsPerRequest: median(rs.map((r) => r.cpuMsPerRequest)),
  socketErrors: rs.map((r) => r.socketErrors).filter(Boolean).join('; '),
})
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

/** Waits until the server's start-up work (page cache, bundles) is done: under 20 ms of CPU in half a second, at most 60 s. */
async function settle(pid: number): Promise<void> {
  for (let i = 0, last = cpuSeconds(pid); i < 120; i++) {
    await new Promise((r) => setTimeout(r, 500))
    const now = cpuSeconds(pid)
    if (now - last < 0.02) return
    last = now
  }
}

async function measure(url: string, pid: number, wal?: string): Promise<Round> {
  const before = cpuSeconds(pid)
  const run = wrk(url, body)
  const walMB = wal && fs.existsSync(wal) ? Math.round(fs.statSync(wal).size / 1e5) / 10 : undefined
  return { ...run, cpuMsPerRequest: ((cpuSeconds(pid) - before) * 1000) / Math.max(1, run.requests), ...(walMB === undefined ? {} : { walMB }) }
}

const results: Record<string, unknown>[] = []
for (const dialect of (['sqlite', 'postgres'] as const).filter((d) => DIALECTS.includes(d))) {
  let env: NodeJS.ProcessEnv = {}
  let dropDatabase = async () => {}
  if (dialect === 'postgres') {
    const scratch = await scratchPostgres(PG_URL)
    if (!scratch) continue
    env = { DATABASE_URL: scratch.url }
    dropDatabase = scratch.drop
  }
  const preload = [process.env.BENCH_WATCH && 'server-watch.mjs', process.env.BENCH_PROFILE && 'server-profile.mjs'].filter(Boolean).map((f) => `--import ${path.join(import.meta.dirname, f as string)}`)
  const watch = preload.length ? { NODE_OPTIONS: preload.join(' ') } : {}
  // Every answer counted: no flood hold, so each 2xx is one stored row (the bench's check below).
  const noHold = { JAGA_COLLECT_HOLD_AFTER: '100000000', JAGA_COLLECT_HOLD_TOTAL: '100000000', JAGA_COLLECT_LINK_MAX: '100000000' }
  // Up to two minutes to start: from source on a loaded 2-core machine, 30 s was not always enough.
  const server = await startServerProcess({ ...env, ...watch, ...noHold, LOG_LEVEL: 'warn' }, 120_000)
  let watched = ''
  if (process.env.BENCH_WATCH) server.child.stdout!.on('data', (d) => (watched += d))
  let bare: Awaited<ReturnType<typeof startBare>> | undefined
  let before: ServerProcess | undefined
  try {
    const target = env.DATABASE_URL ?? path.join(server.dataDir!, SQLITE_FILE)
    if (!env.DATABASE_URL) env = { JAGA_DATA_DIR: server.dataDir }
    const { openLinks, api } = benchApi(server, env)
    const tokens = await openLinks()
    bare = await startBare(target, tokens.post)
    const url = `${server.url}/api/v1/collect/${tokens.pre}`
    let beforeUrl: string | undefined
    if (BEFORE) {
      // The older server on the same database, answering its own session's link.
      const older = (await import(path.join(BEFORE, 'test/server-process.ts'))) as { startServerProcess: typeof startServerProcess }
      before = await older.startServerProcess({ ...env, ...watch, ...noHold, LOG_LEVEL: 'warn' }, 120_000)
      beforeUrl = `${before.url}/api/v1/collect/${(await openLinks()).pre}`
      await settle(before.child.pid!)
    }
    await settle(server.child.pid!)
    // A short run of each, not counted: JIT, the statement cache and the pool warm up before the rounds.
    const warm = (u: string, prefix: string) => runWrk(u, { connections: CONNECTIONS, seconds: '2', args: ['-s', path.join(import.meta.dirname, 'collect.lua')], env: { JAGA_BENCH_BODY: body, JAGA_BENCH_PREFIX: prefix } })
    warm(url, 'ffff0001')
    warm(bare.url, 'ffff0002')
    if (beforeUrl) warm(beforeUrl, 'ffff0003')
    const storedRows = async (): Promise<number> => (await api(`/api/v1/sessions/${tokens.sessionId}/evaluation`)).links.find((l: { phase: string }) => l.phase === 'pre').submissions
    const warmedUp = await storedRows()
    // Alternating rounds, Jaga first then the bare server (and the older Jaga), so all see the same load from other work on the machine.
    const jaga: Round[] = []
    const reference: Round[] = []
    const older: Round[] = []
    for (let i = 0; i < ROUNDS; i++) {
      const wal = env.DATABASE_URL ? undefined : `${target}-wal`
      jaga.push(await measure(url, server.child.pid!, wal))
      reference.push(await measure(bare.url, bare.pid, wal))
      if (beforeUrl) older.push(await measure(beforeUrl, before!.child.pid!, wal))
    }
    const stored = (await storedRows()) - warmedUp
    results.push({ dialect, ...summary(jaga), stored, budget: BUDGET[dialect], bare: summary(reference), ...(older.length ? { before: summary(older) } : {}), rounds: { jaga, bare: reference, before: older } })
  } finally {
    await before?.stop()
    await bare?.stop()
    await server.stop()
    await dropDatabase()
  }
  if (process.env.BENCH_WATCH) console.log(`${dialect}: ${watched.split('\n').find((l) => l.startsWith('WATCH ')) ?? 'no WATCH line'}`)
}

fs.mkdirSync(OUT, { recursive: true })
fs.writeFileSync(path.join(OUT, 'ingest.json'), JSON.stringify(results, null, 2))
console.log(`\nSubmission ingest, POST /api/v1/collect/<token>, wrk -t1 -c${CONNECTIONS} -d${DURATION}s x ${ROUNDS} rounds alternating with a bare node:http server (bench/ingest-bare.mjs) on the same database, a new id per request`)
console.log(`${'server'.padEnd(16)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'p99/p50'.padStart(8)} ${'CPU ms/req'.padStart(10)} ${'non-2xx'.padStart(8)} ${'2xx'.padStart(8)} ${'stored'.padStart(8)}  goals`)
let failed = false
const line = (name: string, r: ReturnType<typeof summary>, extra: string) =>
  console.log(`${name.padEnd(16)} ${r.requestsPerSecond.toFixed(0).padStart(8)} ${r.p50ms.toFixed(2).padStart(7)} ${r.p99ms.toFixed(2).padStart(7)} ${(r.p99ms / r.p50ms).toFixed(1).padStart(8)} ${r.cpuMsPerRequest.toFixed(3).padStart(10)} ${String(r.non2xx).padStart(8)} ${extra}`)
for (const r of results as any[]) {
  const inFlight = r.stored - (r.requests - r.non2xx)
  const ratio = r.requestsPerSecond / r.bare.requestsPerSecond
  const tail = r.p99ms / r.p50ms
  const ok = r.requestsPerSecond >= r.budget && r.non2xx === 0 && inFlight >= 0 && inFlight <= Number(CONNECTIONS) * ROUNDS && ratio >= 0.5 && tail <= 5
  failed ||= !ok
  line(`${r.dialect} jaga`, r, `${String(r.requests - r.non2xx).padStart(8)} ${String(r.stored).padStart(8)}  >= ${r.budget}/s, ${(ratio * 100).toFixed(0)}% of bare (>= 50%), p99 <= 5x p50: ${ok ? 'yes' : 'NO'}${r.socketErrors ? `  (${r.socketErrors})` : ''}`)
  line(`${r.dialect} bare`, r.bare, `${String(r.bare.requests - r.bare.non2xx).padStart(8)}`)
  if (r.before) line(`${r.dialect} before`, r.before, `${String(r.before.requests - r.before.non2xx).padStart(8)}           ${((r.before.requestsPerSecond / r.bare.requestsPerSecond) * 100).toFixed(0)}% of bare`)
}
const perRound = (rs: Round[]) => rs.map((x) => x.requestsPerSecond.toFixed(0)).join(' ')
console.log(`Rounds (req/s, jaga | bare${BEFORE ? ' | before' : ''}): ` + (results as any[]).map((r) => `${r.dialect} ${perRound(r.rounds.jaga)} | ${perRound(r.rounds.bare)}${BEFORE ? ` | ${perRound(r.rounds.before)}` : ''}`).join('; '))
const walSizes = (rs: Round[]) => rs.map((x) => x.walMB).join(' ')
for (const r of results as any[]) if (r.dialect === 'sqlite') console.log(`SQLite -wal file after each round, MB (jaga | bare${BEFORE ? ' | before' : ''}): ${walSizes(r.rounds.jaga)} | ${walSizes(r.rounds.bare)}${BEFORE ? ` | ${walSizes(r.rounds.before)}` : ''}`)
console.log(`Load average at the end: ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`)
if (failed) process.exitCode = 1
