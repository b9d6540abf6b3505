// npm run bench:ingest — how many participant submissions a second Jaga stores, on SQLite and on
// PostgreSQL, with 50 phones sending at once (wrk -t1 -c50, a new submission id per request), and the
// latency they see. Afterwards the stored rows are counted: every 2xx must be one row, and at most
// one more row per connection (requests still in flight when wrk stops are stored but not counted by wrk).
// Needs wrk (apt-get install -y wrk) and, for PostgreSQL, a server at JAGA_BENCH_PG_URL.
import { spawnSync } from 'node:child_process'
import { runWrk } from './wrk.ts'
import fs from 'node:fs'
import path from 'node:path'
import { startServerProcess, ROOT, type ServerProcess } from '../test/server-process.ts'
import { readShippedQuestionnaires } from '../src/evaluation/questionnaires.ts'
import { scoredItems } from '../src/evaluation/questionnaire-schema.ts'
import { scratchPostgres } from './scratch-postgres.ts'

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

/** A programme, a session and its open pre questionnaire, made through the API. */
async function preLink(server: ServerProcess, env: NodeJS.ProcessEnv): Promise<{ token: string; api: (p: string) => Promise<any> }> {
  cli(env, ['user', 'create', '--email', 'bench@jaga.test', '--role', 'coordinator'], 'a long enough password\n')
  const bearer = cli(env, ['token', 'create', '--email', 'bench@jaga.test']).trim().split('\n').pop()!
  const call = async (p: string, body?: unknown): Promise<any> => {
    // A keep-alive socket the server closed during the load run fails once: ask again on a new one.
    const res = await fetch(server.url + p, { method: body ? 'POST' : 'GET', headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' }, body: body ? JSON.stringify(body) : undefined }).catch(() => fetch(server.url + p, { method: body ? 'POST' : 'GET', headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' }, body: body ? JSON.stringify(body) : undefined }))
    if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`)
    return res.json()
  }
  const today = new Date().toISOString().slice(0, 10)
  const programme = await call('/api/v1/programmes', { name: 'Bench', startsOn: today, endsOn: today, status: 'active', areaIds: ['0b7f4a52-2b41-4c4e-9a57-127109100400'] })
  const session = await call('/api/v1/sessions', { programmeId: programme.id, title: 'Bench', format: 'seminar', areaId: '0b7f4a52-2b41-4c4e-9a57-127109100400', venue: 'x', startsAt: `${today}T00:00`, endsAt: `${today}T23:59`, audiences: ['parents'] })
  const opened = await call(`/api/v1/sessions/${session.id}/evaluation`, { groupKind: 'parents' })
  return { token: opened.links.find((l: { phase: string }) => l.phase === 'pre').token, api: (p) => call(p) }
}

const wrk = (url: string, body: string) => runWrk(url, { connections: CONNECTIONS, seconds: DURATION, args: ['-s', path.join(import.meta.dirname, 'collect.lua')], env: { JAGA_BENCH_BODY: body } })

const items = scoredItems(readShippedQuestionnaires().find((q) => q.key === 'knowledge-parents')!.definition)
const body = JSON.stringify({ id: '__ID__', code: { mother: 'BE', day: '9', own: 'A', siblings: '1' }, answers: Object.fromEntries(items.map((i) => [i.id, i.answer])) })

const results: Record<string, unknown>[] = []
for (const dialect of ['sqlite', 'postgres'] as const) {
  let env: NodeJS.ProcessEnv = {}
  let dropDatabase = async () => {}
  if (dialect === 'postgres') {
    const scratch = await scratchPostgres(PG_URL)
    if (!scratch) continue
    env = { DATABASE_URL: scratch.url }
    dropDatabase = scratch.drop
  }
  const watch = process.env.BENCH_WATCH ? { NODE_OPTIONS: `--import ${path.join(import.meta.dirname, 'server-watch.mjs')}` } : {}
  // Every answer counted: no flood hold, so each 2xx is one stored row (the bench's check below).
  const noHold = { JAGA_COLLECT_HOLD_AFTER: '100000000', JAGA_COLLECT_HOLD_TOTAL: '100000000', JAGA_COLLECT_LINK_MAX: '100000000' }
  const server = await startServerProcess({ ...env, ...watch, ...noHold, LOG_LEVEL: 'warn' })
  let watched = ''
  if (process.env.BENCH_WATCH) server.child.stdout!.on('data', (d) => (watched += d))
  try {
    if (!env.DATABASE_URL) env = { JAGA_DATA_DIR: server.dataDir }
    const { token, api } = await preLink(server, env)
    const url = `${server.url}/api/v1/collect/${token}`
    const run = wrk(url, body)
    const stored = (await api(`/api/v1/sessions/${(await api('/api/v1/sessions')).sessions[0].id}/evaluation`)).links.find((l: { phase: string }) => l.phase === 'pre').submissions
    results.push({ dialect, ...run, stored, budget: BUDGET[dialect] })
  } finally {
    await server.stop()
    await dropDatabase()
  }
  if (process.env.BENCH_WATCH) console.log(`${dialect}: ${watched.split('\n').find((l) => l.startsWith('WATCH ')) ?? 'no WATCH line'}`)
}

fs.mkdirSync(OUT, { recursive: true })
fs.writeFileSync(path.join(OUT, 'ingest.json'), JSON.stringify(results, null, 2))
console.log(`\nSubmission ingest, POST /api/v1/collect/<token>, wrk -t1 -c${CONNECTIONS} -d${DURATION}s, a new id per request`)
console.log(`${'database'.padEnd(10)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'non-2xx'.padStart(8)} ${'2xx'.padStart(8)} ${'stored'.padStart(8)}  budget`)
let failed = false
for (const r of results as any[]) {
  const inFlight = r.stored - (r.requests - r.non2xx)
  const ok = r.requestsPerSecond >= r.budget && r.non2xx === 0 && inFlight >= 0 && inFlight <= Number(CONNECTIONS)
  failed ||= !ok
  console.log(`${r.dialect.padEnd(10)} ${r.requestsPerSecond.toFixed(0).padStart(8)} ${r.p50ms.toFixed(2).padStart(7)} ${r.p99ms.toFixed(2).padStart(7)} ${String(r.non2xx).padStart(8)} ${String(r.requests - r.non2xx).padStart(8)} ${String(r.stored).padStart(8)}  >= ${r.budget}/s ${ok ? 'yes' : 'NO'}${r.socketErrors ? `  (${r.socketErrors})` : ''}`)
}
if (failed) process.exitCode = 1
