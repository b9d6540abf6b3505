// npm run bench:answers — the answers table of a session with 2,000 answers (1,000 before, 1,000 after),
// as staff open it: the first page (100 rows) and a filtered page (after answers whose code begins
// with two letters, page 2 of after answers), on SQLite and on PostgreSQL, each beside a bare baseline
// on the same server in the same run (/healthz: no database, no page). Figures only, no budget: the
// ratio to the baseline says what a page of the table costs. Needs wrk (apt-get install -y wrk) and,
// for PostgreSQL, a server at JAGA_BENCH_PG_URL.
import crypto from 'node:crypto'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { runWrk, type WrkResult } from './wrk.ts'
import { startServerProcess, ROOT } from '../test/server-process.ts'
import { readShippedQuestionnaires } from '../src/evaluation/questionnaires.ts'
import { scoredItems } from '../src/evaluation/questionnaire-schema.ts'
import { scratchPostgres } from './scratch-postgres.ts'

const DURATION = process.env.BENCH_SECONDS ?? '5'
const CONNECTIONS = process.env.BENCH_CONNECTIONS ?? '10'
const PEOPLE = 1000
const PG_URL = process.env.JAGA_BENCH_PG_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres'
const OUT = path.resolve(import.meta.dirname, 'out')
const PASSWORD = 'a long enough password'

if (spawnSync('sh', ['-c', 'command -v wrk']).status !== 0) {
  console.error('bench: wrk is missing. Install it with: apt-get install -y wrk')
  process.exit(2)
}

function cli(env: NodeJS.ProcessEnv, args: string[], input = ''): string {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/jaga.js'), ...args], { input, env: { ...process.env, ...env }, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(r.stderr)
  return r.stdout
}

const items = scoredItems(readShippedQuestionnaires().find((q) => q.key === 'knowledge-parents')!.definition)
const answers = (right: number) => Object.fromEntries(items.map((item, i) => [item.id, i < right ? String(item.answer) : item.kind === 'truefalse' ? String(item.answer) === 'true' ? 'false' : 'true' : item.options!.find((o) => o.value !== String(item.answer))!.value]))
const letters = (n: number) => String.fromCharCode(65 + (n % 26)) + String.fromCharCode(65 + Math.floor(n / 26) % 26)

/** A session with a parents' group whose pre and post links have each received PEOPLE answers. */
async function sessionWithAnswers(url: string, env: NodeJS.ProcessEnv): Promise<string> {
  cli(env, ['user', 'create', '--email', 'bench@jaga.test', '--role', 'coordinator'], `${PASSWORD}\n`)
  const bearer = cli(env, ['token', 'create', '--email', 'bench@jaga.test']).trim().split('\n').pop()!
  const call = async (p: string, body: unknown, auth = true): Promise<any> => {
    const res = await fetch(url + p, { method: 'POST', headers: { ...(auth ? { Authorization: `Bearer ${bearer}` } : {}), 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
    if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`)
    return res.json()
  }
  const today = new Date().toISOString().slice(0, 10)
  const area = '0b7f4a52-2b41-4c4e-9a57-127109100400'
  const programme = await call('/api/v1/programmes', { name: 'Bench', startsOn: today, endsOn: today, status: 'active', areaIds: [area] })
  const session = await call('/api/v1/sessions', { programmeId: programme.id, title: 'Bench', format: 'seminar', areaId: area, venue: 'x', startsAt: `${today}T00:00`, endsAt: `${today}T23:59`, audiences: ['parents'] })
  const { links } = await call(`/api/v1/sessions/${session.id}/evaluation`, { groupKind: 'parents' })
  const token = (phase: string) => links.find((l: { phase: string }) => l.phase === phase).token
  for (const phase of ['pre', 'post']) {
    // 20 phones at a time.
    for (let start = 0; start < PEOPLE; start += 20) {
      await Promise.all(
        Array.from({ length: Math.min(20, PEOPLE - start) }, (_, i) => {
          const n = start + i
          const code = { mother: letters(n), day: String((n % 28) + 1), own: 'A', siblings: String(n % 4) }
          return call(`/api/v1/collect/${token(phase)}`, { id: crypto.randomUUID(), code, answers: answers(phase === 'pre' ? n % 8 : 7 + (n % 9)) }, false)
        }),
      )
    }
  }
  return session.id
}

/** Signs in through the login form (a CSRF cookie of our own, as a browser would have) and returns the cookie header. */
async function signIn(url: string): Promise<string> {
  const csrf = crypto.randomBytes(32).toString('base64url')
  const res = await fetch(`${url}/login`, { method: 'POST', redirect: 'manual', headers: { Cookie: `jaga_csrf=${csrf}; jaga_lang=en` }, body: new URLSearchParams({ _csrf: csrf, email: 'bench@jaga.test', password: PASSWORD }) })
  const session = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('jaga_session='))
  if (res.status !== 303 || !session) throw new Error(`sign-in failed: ${res.status}`)
  return `${session}; jaga_csrf=${csrf}; jaga_lang=en`
}

const results: (WrkResult & { dialect: string; name: string; path: string; bytes: number })[] = []
for (const dialect of ['sqlite', 'postgres'] as const) {
  let env: NodeJS.ProcessEnv = {}
  let dropDatabase = async () => {}
  if (dialect === 'postgres') {
    const scratch = await scratchPostgres(PG_URL)
    if (!scratch) continue
    env = { DATABASE_URL: scratch.url }
    dropDatabase = scratch.drop
  }
  const noHold = { JAGA_COLLECT_HOLD_AFTER: '100000000', JAGA_COLLECT_HOLD_TOTAL: '100000000', JAGA_COLLECT_LINK_MAX: '100000000' }
  const server = await startServerProcess({ ...env, ...noHold, LOG_LEVEL: 'warn' })
  try {
    if (!env.DATABASE_URL) env = { JAGA_DATA_DIR: server.dataDir }
    const sessionId = await sessionWithAnswers(server.url, env)
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
    await dropDatabase()
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
