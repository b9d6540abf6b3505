// npm run bench:memory — the production server's memory (issue 17): `npm run build`, then `node bin/serve.js`
// from dist/ (JAGA_RUN=compiled) on SQLite with the demo loaded. Reported: resident memory (RSS) of the
// whole process tree (the server and any child it spawned), V8 heap, and the peak (VmHWM), at idle
// after start, after every public page (each URL of both languages' offline.json, brochures included),
// and after a staff results page; side by side in the same run with nginx serving a static file.
// ROUNDS servers are started one after the other, each with nginx started beside it (alternating which
// starts first), so a loaded machine shows in both. Needs Debian's nginx (nginx-light).
// The server runs with the node options of deploy/jaga.service's ExecStart ('as deployed'); with
// BENCH_COMPARE_FLAGS=1 each round also starts one without them ('no node options'), in alternating order;
// BENCH_TRY_FLAGS=<options> one with those options.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { SQLITE_FILE } from '../src/store.ts'
import { freePort, startNginx } from './static-nginx.ts'

const ROOT = path.resolve(import.meta.dirname, '..')
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const IDLE_MS = Number(process.env.BENCH_IDLE_MS ?? 5000)
const MB = 1024 * 1024

/** The options between node and bin/serve.js on deploy/jaga.service's ExecStart line (e.g. --max-semi-space-size=4). */
function deployedNodeOptions(): string[] {
  const unit = fs.readFileSync(path.join(ROOT, 'deploy/jaga.service'), 'utf8')
  const m = /^ExecStart=\S*node\s+(.*?)\s*\S*bin\/serve\.js\s*$/m.exec(unit)
  if (!m) throw new Error('deploy/jaga.service: no ExecStart=<node> ... bin/serve.js line')
  return m[1]!.split(/\s+/).filter(Boolean)
}
// BENCH_TRY_FLAGS="--max-semi-space-size=8" adds a variant with those options instead, in the same rounds.
const TRY = process.env.BENCH_TRY_FLAGS?.split(/\s+/).filter(Boolean)
const VARIANTS = [
  { name: 'as deployed', flags: deployedNodeOptions() },
  ...(process.env.BENCH_COMPARE_FLAGS === '1' ? [{ name: 'no node options', flags: [] }] : []),
  ...(TRY?.length ? [{ name: TRY.join(' '), flags: TRY }] : []),
]

const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' })
if (built.status !== 0) throw new Error(`build failed: ${built.stderr}`)
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jaga-memory-'))
const dataDir = path.join(tmp, 'data')
const env = { ...process.env, JAGA_ALLOW_ROOT: '1', JAGA_RUN: 'compiled', JAGA_DATA_DIR: dataDir, LOG_LEVEL: 'warn', HOST: '127.0.0.1' }
const demo = spawnSync(process.execPath, ['bin/jaga.js', 'demo', 'load'], { cwd: ROOT, env, encoding: 'utf8' })
if (demo.status !== 0) throw new Error(`demo load failed: ${demo.stderr}`)
const coordinator = /^\s+coordinator\s+(\S+@demo\.jaga\.example)\s+(\S+)$/m.exec(demo.stdout)
if (!coordinator) throw new Error(`no coordinator account in:\n${demo.stdout}`)

// The session with the most answers: its results page is the heaviest staff page the demo has.
const sqlite = new Database(path.join(dataDir, SQLITE_FILE), { readonly: true })
const sessionId = (sqlite.prepare('select session_id as id from submissions group by session_id order by count(*) desc limit 1').get() as { id: string }).id
sqlite.close()

// Asks the server for its own heap figures without an HTTP route: loaded before the server by --import.
const probe = path.join(tmp, 'probe.mjs')
const heapFile = path.join(tmp, 'heap.json')
fs.writeFileSync(probe, `import fs from 'node:fs'\nprocess.on('SIGUSR2', () => fs.writeFileSync(${JSON.stringify(heapFile)}, JSON.stringify(process.memoryUsage())))\n`)

/** Kilobytes of a /proc/<pid>/status field (VmRSS, VmHWM), 0 when the process is gone. */
function statusKb(pid: number, field: string): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) : 0
  } catch {
    return 0
  }
}

/** The process and every descendant, with their command names. */
function tree(root: number): { pid: number; name: string }[] {
  const parents = new Map<number, number[]>()
  const names = new Map<number, string>()
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      const close = stat.lastIndexOf(')')
      const ppid = Number(stat.slice(close + 2).split(' ')[1])
      names.set(Number(entry), stat.slice(stat.indexOf('(') + 1, close))
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)])
    } catch {
      // gone between readdir and read
    }
  }
  const out: { pid: number; name: string }[] = []
  const walk = (pid: number) => {
    out.push({ pid, name: names.get(pid) ?? '?' })
    for (const c of parents.get(pid) ?? []) walk(c)
  }
  walk(root)
  return out
}

const treeRss = (pid: number) => tree(pid).reduce((s, p) => s + statusKb(p.pid, 'VmRSS'), 0) * 1024

async function heap(child: ChildProcess): Promise<NodeJS.MemoryUsage> {
  fs.rmSync(heapFile, { force: true })
  child.kill('SIGUSR2')
  for (let i = 0; i < 200 && !fs.existsSync(heapFile); i++) await new Promise((r) => setTimeout(r, 10))
  await new Promise((r) => setTimeout(r, 20))
  return JSON.parse(fs.readFileSync(heapFile, 'utf8')) as NodeJS.MemoryUsage
}

/** Waits IDLE_MS, then until two RSS readings 500 ms apart differ by less than 1% (at most 20 s more). */
async function settle(pid: number): Promise<number> {
  await new Promise((r) => setTimeout(r, IDLE_MS))
  let last = treeRss(pid)
  for (let i = 0; i < 40; i++) {
    await new Promise((r) => setTimeout(r, 500))
    const now = treeRss(pid)
    if (Math.abs(now - last) < last * 0.01) return now
    last = now
  }
  return last
}

type Reading = { rss: number; heapUsed: number; heapTotal: number; external: number; peak: number; children: string[] }
async function read(child: ChildProcess): Promise<Reading> {
  const pid = child.pid!
  const rss = await settle(pid)
  const h = await heap(child)
  const kids = tree(pid).slice(1)
  const peak = statusKb(pid, 'VmHWM') * 1024 + kids.reduce((s, k) => s + statusKb(k.pid, 'VmHWM') * 1024, 0)
  return { rss, heapUsed: h.heapUsed, heapTotal: h.heapTotal, external: h.external + h.arrayBuffers, peak, children: kids.map((k) => k.name) }
}

async function startJaga(flags: string[]): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort()
  const child = spawn(process.execPath, [...flags, '--import', probe, 'bin/serve.js'], { cwd: ROOT, env: { ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'pipe'] })
  let err = ''
  child.stderr!.on('data', (d) => (err += d))
  const url = `http://127.0.0.1:${port}`
  const started = Date.now()
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${err}`)
    if (Date.now() - started > 60_000) throw new Error(`server not ready in 60 s:\n${err}`)
    if (await fetch(`${url}/healthz`).then((r) => r.ok, () => false)) return { child, url }
    await new Promise((r) => setTimeout(r, 50))
  }
}

async function get(url: string, headers: Record<string, string> = {}): Promise<Response> {
  const r = await fetch(url, { headers: { 'Accept-Encoding': 'gzip', ...headers }, redirect: 'manual' })
  await r.arrayBuffer()
  return r
}

async function publicPages(base: string): Promise<number> {
  const urls = new Set<string>()
  for (const list of ['/id/pustaka/offline.json', '/en/library/offline.json']) {
    const r = await fetch(base + list)
    if (!r.ok) throw new Error(`${list}: ${r.status}`)
    for (const u of (await r.json()) as string[]) urls.add(u)
  }
  for (const u of urls) {
    const r = await get(base + u)
    if (r.status !== 200) throw new Error(`${u}: ${r.status}`)
  }
  return urls.size
}

async function staffResults(base: string): Promise<void> {
  const form = await fetch(`${base}/login`)
  const cookie = (form.headers.getSetCookie() ?? []).map((c) => c.split(';')[0]).join('; ')
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1]
  if (!csrf) throw new Error('no CSRF token on /login')
  const body = new URLSearchParams({ _csrf: csrf, email: coordinator![1]!, password: coordinator![2]! })
  const signed = await fetch(`${base}/login`, { method: 'POST', body, headers: { cookie, 'Content-Type': 'application/x-www-form-urlencoded' }, redirect: 'manual' })
  if (signed.status !== 303) throw new Error(`sign-in answered ${signed.status}`)
  const session = (signed.headers.getSetCookie() ?? []).map((c) => c.split(';')[0]).join('; ')
  const page = await get(`${base}/sessions/${sessionId}/evaluation`, { cookie: `${cookie}; ${session}` })
  if (page.status !== 200) throw new Error(`results page answered ${page.status}`)
}

const STAGES = ['idle after start', 'after every public page', 'after a staff results page'] as const
const readings = VARIANTS.map(() => Object.fromEntries(STAGES.map((s) => [s, [] as Reading[]])))
const nginxRss: number[] = []
let pagesHit = 0
const childNames = new Set<string>()
for (let round = 0; round < ROUNDS; round++) {
  const order = round % 2 ? [...VARIANTS.keys()].reverse() : [...VARIANTS.keys()]
  for (const [turn, v] of order.entries()) {
    const nginxFirst = (round + turn) % 2 === 1
    const nginx = nginxFirst ? await startNginx(tmp) : undefined
    const jaga = await startJaga(VARIANTS[v]!.flags).catch((e) => {
      nginx?.stop()
      throw e
    })
    const ng = nginx ?? (await startNginx(tmp).catch((e) => {
      jaga.child.kill('SIGTERM')
      throw e
    }))
    const jagaReadings = readings[v]!
    try {
      jagaReadings[STAGES[0]]!.push(await read(jaga.child))
      await get(ng.url + '/page.html')
      nginxRss.push(treeRss(ng.pid))
      pagesHit = await publicPages(jaga.url)
      jagaReadings[STAGES[1]]!.push(await read(jaga.child))
      await staffResults(jaga.url)
      jagaReadings[STAGES[2]]!.push(await read(jaga.child))
      for (const r of Object.values(jagaReadings).flat()) for (const c of r.children) childNames.add(c)
    } finally {
      ng.stop()
      const exited = new Promise((r) => jaga.child.once('exit', r))
      jaga.child.kill('SIGTERM')
      await exited
    }
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
}
const mb = (x: number) => `${(x / MB).toFixed(1)} MB`.padStart(10)
const ng = median(nginxRss)
console.log(`memory, median of ${ROUNDS} rounds (node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}); ${pagesHit} public URLs; dist/ on SQLite with the demo`)
for (const [v, variant] of VARIANTS.entries()) {
  console.log(`\n${variant.name}: node ${[...variant.flags, 'bin/serve.js'].join(' ')}`)
  console.log(`${'stage'.padEnd(30)}${'tree RSS'.padStart(10)}${'heap used'.padStart(10)}${'heap total'.padStart(11)}${'external'.padStart(10)}${'peak RSS'.padStart(10)}   × nginx`)
  for (const stage of STAGES) {
    const rs = readings[v]![stage]!
    const rss = median(rs.map((r) => r.rss))
    console.log(`${stage.padEnd(30)}${mb(rss)}${mb(median(rs.map((r) => r.heapUsed)))}${mb(median(rs.map((r) => r.heapTotal))).padStart(11)}${mb(median(rs.map((r) => r.external)))}${mb(median(rs.map((r) => r.peak)))}   ×${(rss / ng).toFixed(1)}`)
  }
}
console.log(`${'nginx, a static file'.padEnd(30)}${mb(ng)}   (master + 1 worker)`)
console.log(`child processes of the server: ${childNames.size ? [...childNames].join(', ') : 'none'}; goal (issue 17): idle <= 120 MB, no build tool at run time`)
fs.rmSync(tmp, { recursive: true, force: true })
