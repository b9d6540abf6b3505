// npm run bench:national — issue 16 §3: a national programme on PostgreSQL (bench/national-seed.ts:
// 1,000 programmes, 50,000 sessions, 5,000,000 submissions at BENCH_SCALE=1) and the staff pages people
// wait on, each asked BENCH_ROUNDS times one after another by a signed-in coordinator or admin on the
// production server (node bin/serve.js): the first answer, the median and the p95 (the slowest but one
// of 9 rounds ≈ p95 with so few), against the goal of 1 s. Pages are requested in turn (round 1 of every
// page, then round 2, …) so a busy spell on the shared machine falls on all of them alike.
// Knobs: BENCH_SCALE (0.01 for a quick run), BENCH_ROUNDS, BENCH_KEEP=1 keeps the database and prints
// its URL, BENCH_DATABASE_URL measures an already seeded database (no seeding, nothing dropped),
// JAGA_BENCH_PG_URL the server to make the scratch database on, BENCH_PAGES a comma-separated list of
// words a page's name must contain (e.g. "start,coverage"), BENCH_BEFORE_ROOT a copy of older code
// (`git archive <commit> | tar -x -C DIR`, node_modules linked) whose server answers the same pages in
// the same rounds, each page asked of the older server and then of this one, so load falls on both alike.
import crypto from 'node:crypto'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { startServerProcess, ROOT } from '../test/server-process.ts'
import { readShippedQuestionnaires } from '../src/evaluation/questionnaires.ts'
import { scoredItems } from '../src/evaluation/questionnaire-schema.ts'
import { scratchPostgres } from './scratch-postgres.ts'
import { findBenchRecords, seedNational, type Seeded } from './national-seed.ts'

const SCALE = Number(process.env.BENCH_SCALE ?? '1')
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? '9')
const KEEP = process.env.BENCH_KEEP === '1'
const PG_URL = process.env.JAGA_BENCH_PG_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres'
const OUT = path.resolve(import.meta.dirname, 'out')
const PASSWORD = 'a long enough password'
const log = (s: string) => console.error(s)

function cli(env: NodeJS.ProcessEnv, args: string[], input = ''): string {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/jaga.js'), ...args], { input, env: { ...process.env, JAGA_ALLOW_ROOT: '1', ...env }, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(r.stderr)
  return r.stdout
}

/** Answers with the first k scored items of the parents' knowledge test right, for k = 0 … all. */
function answerTemplates(): string[] {
  const items = scoredItems(readShippedQuestionnaires().find((q) => q.key === 'knowledge-parents')!.definition)
  const wrong = (item: (typeof items)[number]) => (item.kind === 'truefalse' ? (String(item.answer) === 'true' ? 'false' : 'true') : item.options!.find((o) => o.value !== String(item.answer))!.value)
  return Array.from({ length: items.length + 1 }, (_, k) => JSON.stringify(Object.fromEntries(items.map((item, i) => [item.id, i < k ? String(item.answer) : wrong(item)]))))
}

async function signIn(url: string, email: string): Promise<string> {
  const csrf = crypto.randomBytes(32).toString('base64url')
  const res = await fetch(`${url}/login`, { method: 'POST', redirect: 'manual', headers: { Cookie: `jaga_csrf=${csrf}; jaga_lang=en` }, body: new URLSearchParams({ _csrf: csrf, email, password: PASSWORD }) })
  const session = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('jaga_session='))
  if (res.status !== 303 || !session) throw new Error(`sign-in of ${email} failed: ${res.status}`)
  return `${session}; jaga_csrf=${csrf}; jaga_lang=en`
}

let url = process.env.BENCH_DATABASE_URL
let drop = async () => {}
let seedSeconds: number | undefined
if (!url) {
  const scratch = await scratchPostgres(PG_URL)
  if (!scratch) process.exit(2)
  url = scratch.url
  drop = scratch.drop
}
const env = { DATABASE_URL: url, LOG_LEVEL: 'warn' }
let seeded: Seeded | undefined
try {
  if (!process.env.BENCH_DATABASE_URL) {
    // The first start migrates and registers the shipped questionnaires the seed answers.
    await (await startServerProcess(env, 120_000)).stop()
    for (const [email, role] of [['coordinator@bench.test', 'coordinator'], ['admin@bench.test', 'admin'], ...Array.from({ length: 20 }, (_, i) => [`facilitator${i}@bench.test`, 'facilitator'])]) {
      cli(env, ['user', 'create', '--email', email!, '--role', role!], `${PASSWORD}\n`)
    }
    const client = new pg.Client({ connectionString: url })
    // Dropping the database (after a failure) ends this connection: not an error of its own.
    client.on('error', () => {})
    await client.connect()
    const users = await client.query<{ id: string }>(`SELECT id FROM users WHERE email LIKE '%@bench.test' ORDER BY role = 'coordinator' DESC, email`)
    const started = Date.now()
    log(`seeding at BENCH_SCALE=${SCALE} …`)
    seeded = await seedNational(client, { scale: SCALE, userIds: users.rows.map((r) => r.id), answerTemplates: answerTemplates(), log })
    seedSeconds = (Date.now() - started) / 1000
    await client.end()
    log(`seeded in ${seedSeconds.toFixed(0)} s`)
  } else {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    const one = async (sql: string) => (await client.query(sql)).rows[0]
    seeded = {
      programmes: Number((await one('SELECT count(*) AS n FROM programmes')).n),
      sessions: Number((await one('SELECT count(*) AS n FROM sessions')).n),
      submissions: Number((await one('SELECT count(*) AS n FROM submissions')).n),
      ...(await findBenchRecords(client)),
    }
    await client.end()
  }

  type Start = typeof startServerProcess
  const variants: { name: string; start: Start }[] = [{ name: 'now', start: startServerProcess }]
  if (process.env.BENCH_BEFORE_ROOT) {
    const root = path.resolve(process.env.BENCH_BEFORE_ROOT)
    const { startServerProcess: start } = (await import(path.join(root, 'test/server-process.ts'))) as { startServerProcess: Start }
    // tsx reads the tsconfig of the working folder (ours) unless told: the copy's own JSX settings.
    variants.unshift({ name: 'before', start: (e, ms) => start({ ...e, TSX_TSCONFIG_PATH: path.join(root, 'tsconfig.json') }, ms) })
  }
  const started = Date.now()
  const servers: Awaited<ReturnType<Start>>[] = []
  for (const v of variants) servers.push(await v.start(env, 600_000))
  const startSeconds = (Date.now() - started) / 1000
  const results: { page: string; who: string; variant: string; path: string; status: number; kb: number; ms: number[] }[] = []
  try {
    const signedIn = await Promise.all(servers.map(async (server) => ({ url: server.url, coordinator: await signIn(server.url, 'coordinator@bench.test'), admin: await signIn(server.url, 'admin@bench.test') })))
    const { coordinator, admin } = { coordinator: 'coordinator', admin: 'admin' } as const
    const s = seeded!
    const pages = [
      { page: 'start page', who: 'coordinator', cookie: coordinator, path: '/home' },
      { page: 'start page', who: 'admin', cookie: admin, path: '/home' },
      { page: "a session's results", who: 'coordinator', cookie: coordinator, path: `/sessions/${s.sessionId}/evaluation` },
      { page: "a session's answers", who: 'coordinator', cookie: coordinator, path: `/sessions/${s.sessionId}/evaluation/answers` },
      { page: 'session export CSV', who: 'coordinator', cookie: coordinator, path: `/sessions/${s.sessionId}/evaluation/answers.csv` },
      { page: 'session export XLSX', who: 'coordinator', cookie: coordinator, path: `/sessions/${s.sessionId}/evaluation/answers.xlsx` },
      { page: "biggest programme's results", who: 'coordinator', cookie: coordinator, path: `/programmes/${s.bigProgrammeId}/evaluation` },
      { page: "biggest programme's page", who: 'coordinator', cookie: coordinator, path: `/programmes/${s.bigProgrammeId}` },
      { page: "biggest programme's report", who: 'coordinator', cookie: coordinator, path: `/programmes/${s.bigProgrammeId}/report` },
      { page: "biggest programme's results PDF", who: 'coordinator', cookie: coordinator, path: `/programmes/${s.bigProgrammeId}/evaluation.pdf` },
      { page: 'coverage, all programmes', who: 'coordinator', cookie: coordinator, path: '/coverage' },
      { page: 'coverage, biggest programme', who: 'coordinator', cookie: coordinator, path: `/coverage?programme=${s.bigProgrammeId}` },
    ].filter((p) => !process.env.BENCH_PAGES || process.env.BENCH_PAGES.split(',').some((w) => p.page.includes(w.trim())))
    const asked = pages.flatMap((p) => variants.map((v, j) => ({ ...p, variant: v.name, server: signedIn[j]! })))
    for (const p of asked) results.push({ page: p.page, who: p.who, variant: p.variant, path: p.path, status: 0, kb: 0, ms: [] })
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, p] of asked.entries()) {
        const t = performance.now()
        const res = await fetch(p.server.url + p.path, { headers: { Cookie: p.server[p.cookie] } })
        const body = await res.arrayBuffer()
        results[i]!.ms.push(performance.now() - t)
        results[i]!.status = res.status
        results[i]!.kb = body.byteLength / 1024
        log(`  ${p.page} (${p.who}, ${p.variant}): ${res.status}, ${results[i]!.ms.at(-1)!.toFixed(0)} ms`)
      }
      log(`round ${round + 1}/${ROUNDS} done`)
    }
  } finally {
    for (const server of servers) await server.stop()
  }

  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b)
  const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)]!
  const p95 = (xs: number[]) => sorted(xs)[Math.min(xs.length - 1, Math.ceil(0.95 * xs.length) - 1)]!
  const s = seeded!
  console.log(`\nNational programme on PostgreSQL, BENCH_SCALE=${SCALE}: ${s.programmes} programmes, ${s.sessions} sessions, ${s.submissions} submissions${seedSeconds !== undefined ? `; seeded in ${seedSeconds.toFixed(0)} s` : ''}; server ready in ${startSeconds.toFixed(1)} s`)
  console.log(`${ROUNDS} requests a page one after another; ms; goal < 1000 ms\n`)
  console.log(`${'page'.padEnd(34)} ${'as'.padEnd(12)} ${'code'.padEnd(7)} ${'status'.padStart(6)} ${'KB'.padStart(7)} ${'first'.padStart(8)} ${'median'.padStart(8)} ${'p95'.padStart(8)}`)
  let failed = false
  for (const r of results) {
    const over = median(r.ms) >= 1000
    failed ||= r.status !== 200 || over
    const before = results.find((b) => b.variant === 'before' && b.page === r.page && b.who === r.who)
    const ratio = r.variant === 'now' && before ? `  ${(median(r.ms) / median(before.ms)).toFixed(2)}× before` : ''
    console.log(`${r.page.padEnd(34)} ${r.who.padEnd(12)} ${r.variant.padEnd(7)} ${String(r.status).padStart(6)} ${r.kb.toFixed(0).padStart(7)} ${r.ms[0]!.toFixed(0).padStart(8)} ${median(r.ms).toFixed(0).padStart(8)} ${p95(r.ms).toFixed(0).padStart(8)}${over ? '  over 1 s' : ''}${ratio}`)
  }
  fs.mkdirSync(OUT, { recursive: true })
  fs.writeFileSync(path.join(OUT, 'national.json'), JSON.stringify({ scale: SCALE, seeded: s, seedSeconds, results }, null, 2))
  if (failed) process.exitCode = 1
} finally {
  if (KEEP || process.env.BENCH_DATABASE_URL) log(`database kept: ${url}`)
  else await drop()
}
