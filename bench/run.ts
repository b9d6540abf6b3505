// npm run bench: Jaga's cached public pages (home, library, an article, search, a quiz), asked as a browser asks
// (gzip) and plainly, against nginx serving the very same bytes, on loopback, alternating in the same run.
// Needs Debian's nginx (nginx-light) and wrk: apt-get install -y nginx-light wrk
// BENCH_BEFORE_ROOT: a copy of the code to compare with (e.g. `git archive <commit> | tar -x -C DIR`, node_modules
// linked, `npm run build` there for JAGA_RUN=compiled), asked in the same alternating rounds: 'before' rows.
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import http from 'node:http'
import zlib from 'node:zlib'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { startServerProcess } from '../test/server-process.ts'
import { runWrk, type WrkResult } from './wrk.ts'

const DURATION = process.env.BENCH_SECONDS ?? '10'
const CONNECTIONS = process.env.BENCH_CONNECTIONS ?? '50'
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2)
const OUT = path.resolve(import.meta.dirname, 'out')

for (const tool of ['nginx', 'wrk']) {
  const found = spawnSync('sh', ['-c', `command -v ${tool} || test -x /usr/sbin/${tool}`]).status === 0
  if (!found) {
    console.error(`bench: ${tool} is missing. Install it with: apt-get install -y nginx-light wrk`)
    process.exit(2)
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port
      s.close(() => resolve(port))
    })
  })
}

// A phone's browser: compression accepted, a language, no cookies. wrk alone sends neither header.
const BROWSER = ['-H', 'Accept-Encoding: gzip, deflate, br', '-H', 'Accept-Language: id-ID,id;q=0.9,en;q=0.8']
const PLAIN = ['-H', 'Accept-Language: id']
type Mode = 'gzip' | 'plain'

/** CPU seconds (user + system) a process and its children (nginx's worker) have used so far, from /proc. */
function cpuSeconds(pid: number): number {
  const own = (p: number) => {
    const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  }
  const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number)
  return own(pid) + children.reduce((sum, c) => sum + own(c), 0)
}

// Throughput on a machine others load swings with their work; the server's own CPU time per answer
// (µs, from /proc) is what the fast path changes, and moves much less with load.
function wrk(url: string, mode: Mode, pid: number): WrkResult & { cpuMicros: number } {
  const before = cpuSeconds(pid)
  const result = runWrk(url, { connections: CONNECTIONS, seconds: DURATION, args: mode === 'gzip' ? BROWSER : PLAIN })
  return { ...result, cpuMicros: Math.round(((cpuSeconds(pid) - before) / result.requests) * 1e7) / 10 }
}

// The public pages a visitor lands on: home, library front, an article, the empty search page, a quiz.
const PAGES = (process.env.BENCH_PAGES ?? '/,/id/pustaka,/id/pustaka/hukum-yang-melindungi-anak,/id/pustaka/cari,/id/pustaka/kuis/parents').split(',')
const WEIGHED = ['/', '/id/pustaka', '/id/pustaka/hukum-yang-melindungi-anak', '/en/library/how-to-report', '/id/pustaka/cari?q=anak', '/en/library/for/parents', '/id/pustaka/pengaturan-facebook', '/en/library/topic/settings']
const BUDGET_BYTES = 30 * 1024

/** Bytes on the wire, gzip accepted as a phone's browser does, for a page and every script and stylesheet it loads. */
async function weigh(base: string, path: string) {
  const wire = (url: string) =>
    new Promise<{ bytes: number; body: string }>((resolve, reject) => {
      http.get(url, { headers: { 'Accept-Encoding': 'gzip', 'Accept-Language': 'id' } }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (d: Buffer) => chunks.push(d))
        res.on('end', () => {
          const raw = Buffer.concat(chunks)
          const body = res.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(raw).toString() : raw.toString()
          resolve({ bytes: raw.length, body })
        })
      }).on('error', reject)
    })
  const html = await wire(base + path)
  const assets = [...html.body.matchAll(/<(?:script[^>]*src|link[^>]*rel="stylesheet"[^>]*href)="([^"]+)"/g)].map((m) => m[1]!)
  let assetBytes = 0
  for (const a of assets) assetBytes += (await wire(base + a)).bytes
  // Subresources (scripts, stylesheets, images) from another origin; links to other sites do not count.
  const thirdParty = [...html.body.matchAll(/<(?:script|img|link[^>]*rel="stylesheet")[^>]*(?:src|href)="((?:https?:)?\/\/[^"]+)"/g)].length
  const fonts = /@font-face|\.woff2?\b/.test(html.body)
  return { path, html: html.bytes, assets: assetBytes, total: html.bytes + assetBytes, fonts, subresources: assets.length, thirdParty }
}

function getRaw(url: string, mode: Mode): Promise<{ status: number; encoding: string | undefined; body: Buffer; head: string[] }> {
  const headers = mode === 'gzip' ? { 'Accept-Encoding': BROWSER[1]!.slice(17), 'Accept-Language': BROWSER[3]!.slice(17) } : { 'Accept-Language': 'id' }
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers, agent: false }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (d: Buffer) => chunks.push(d))
        // The header list as sent, less what node:http adds to every answer itself.
        const head = res.rawHeaders.filter((_, i, all) => !/^(date|connection|keep-alive)$/i.test(all[i - (i % 2)]!))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, encoding: res.headers['content-encoding'], body: Buffer.concat(chunks), head }))
      })
      .on('error', reject)
  })
}

async function startBefore(): Promise<Awaited<ReturnType<typeof startServerProcess>> | undefined> {
  if (!process.env.BENCH_BEFORE_ROOT) return undefined
  const root = path.resolve(process.env.BENCH_BEFORE_ROOT)
  const { startServerProcess: start } = (await import(path.join(root, 'test/server-process.ts'))) as { startServerProcess: typeof startServerProcess }
  // tsx reads the tsconfig of the working folder (ours) unless told: the copy's own JSX settings.
  return start({ LOG_LEVEL: 'warn', TSX_TSCONFIG_PATH: path.join(root, 'tsconfig.json') })
}

async function main() {
  const jaga = await startServerProcess({ LOG_LEVEL: 'warn' })
  const before = await startBefore()
  const weights = []
  for (const p of WEIGHED) weights.push(await weigh(jaga.url, p))
  const nginx = await startNginx(jaga.url)
  const results = []
  try {
    for (const target of nginx.targets) {
      const old = before && { url: `${before.url}${target.path}`, pid: before.child.pid! }
      const bare = { url: `${nginx.node.url}${target.file}`, pid: nginx.node.pid }
      results.push(await compare({ url: `${jaga.url}${target.path}`, pid: jaga.child.pid! }, { url: `${nginx.url}${target.file}`, pid: nginx.pid }, bare, target, old))
    }
  } finally {
    nginx.stop()
    await jaga.stop()
    await before?.stop()
  }
  printReport(results, weights)
}

/**
 * One nginx worker (like Jaga's one Node.js process) serving, for each page and each way of asking, the
 * very bytes Jaga answered: plain HTML, and the compressed body with its Content-Encoding for a browser.
 */
async function startNginx(jagaBase: string) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jaga-nginx-'))
  const targets: { path: string; mode: Mode; file: string; bytes: number; encoding: string | undefined }[] = []
  const locations: string[] = []
  const manifest: Record<string, { file: string; head: string[] }> = {}
  for (const [i, pagePath] of PAGES.entries()) {
    for (const mode of ['gzip', 'plain'] as const) {
      const { status, encoding, body, head } = await getRaw(`${jagaBase}${pagePath}`, mode)
      if (status !== 200 || body.length < 500) throw new Error(`Jaga's ${pagePath} answered ${status} with ${body.length} bytes`)
      if (mode === 'gzip' && !encoding) throw new Error(`Jaga's ${pagePath} came back uncompressed to a browser`)
      const file = `/p${i}-${mode}`
      fs.writeFileSync(path.join(root, file), body)
      locations.push(`location = ${file} { ${encoding ? `add_header Content-Encoding ${encoding}; add_header Vary Accept-Encoding;` : ''} }`)
      targets.push({ path: pagePath, mode, file, bytes: body.length, encoding })
      manifest[file] = { file: file.slice(1), head }
    }
  }
  fs.writeFileSync(path.join(root, 'manifest.json'), JSON.stringify(manifest))
  const node = await startBareNode(path.join(root, 'manifest.json'))
  const port = await freePort()
  fs.writeFileSync(
    path.join(root, 'nginx.conf'),
    `daemon off; worker_processes 1; pid ${root}/nginx.pid; error_log ${root}/error.log warn;
events { worker_connections 1024; }
http { access_log off; types { } default_type text/html; charset utf-8;
  client_body_temp_path ${root}; proxy_temp_path ${root}; fastcgi_temp_path ${root}; uwsgi_temp_path ${root}; scgi_temp_path ${root};
  server { listen 127.0.0.1:${port}; root ${root}; ${locations.join(' ')} } }\n`,
  )
  const child = spawn(fs.existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx', ['-c', path.join(root, 'nginx.conf'), '-p', root], { stdio: 'inherit' })
  const url = `http://127.0.0.1:${port}`
  for (let tries = 0; ; tries++) {
    try {
      await getRaw(`${url}${targets[0]!.file}`, 'plain')
      break
    } catch (e) {
      if (tries > 50) throw e
      await new Promise((r) => setTimeout(r, 100))
    }
  }
  for (const t of targets) {
    const same = await getRaw(`${url}${t.file}`, t.mode)
    const jagaNow = await getRaw(`${jagaBase}${t.path}`, t.mode)
    if (!same.body.equals(jagaNow.body) || same.encoding !== t.encoding) throw new Error(`nginx does not serve the same bytes as Jaga for ${t.path} (${t.mode})`)
  }
  return { url, targets, pid: child.pid!, node, stop: () => (child.kill('SIGTERM'), node.child.kill('SIGTERM')) }
}

/** bench/static-node.mjs on the manifest: Jaga's bytes and headers from a bare node:http server. */
async function startBareNode(manifestPath: string) {
  const port = await freePort()
  const child = spawn(process.execPath, [path.join(import.meta.dirname, 'static-node.mjs'), manifestPath, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] })
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once('data', () => resolve())
    child.once('exit', (code) => reject(new Error(`bench/static-node.mjs exited with ${code}`)))
  })
  return { url: `http://127.0.0.1:${port}`, pid: child.pid!, child }
}

type Server = { url: string; pid: number }
async function compare(jagaServer: Server, nginxServer: Server, nodeServer: Server, target: { path: string; mode: Mode; bytes: number; encoding: string | undefined }, beforeServer?: Server) {
  const page = jagaServer.url
  const nginxUrl = nginxServer.url
  // Warm both up (JIT, connection set-up), then alternate rounds so drift hits both alike.
  const warmArgs = target.mode === 'gzip' ? BROWSER : PLAIN
  execFileSync('wrk', ['-t1', '-c10', '-d2s', ...warmArgs, page])
  execFileSync('wrk', ['-t1', '-c10', '-d2s', ...warmArgs, nginxUrl])
  execFileSync('wrk', ['-t1', '-c10', '-d2s', ...warmArgs, nodeServer.url])
  if (beforeServer) execFileSync('wrk', ['-t1', '-c10', '-d2s', ...warmArgs, beforeServer.url])
  const rounds: { jaga: ReturnType<typeof wrk>; nginx: ReturnType<typeof wrk>; node: ReturnType<typeof wrk>; before?: ReturnType<typeof wrk> }[] = []
  for (let i = 0; i < ROUNDS; i++) {
    // With a 'before' copy the order turns each round (now, before, nginx; before, now, nginx; ...).
    const old = beforeServer && i % 2 === 1 ? wrk(beforeServer.url, target.mode, beforeServer.pid) : undefined
    const jaga = wrk(page, target.mode, jagaServer.pid)
    const prior = beforeServer && i % 2 === 0 ? wrk(beforeServer.url, target.mode, beforeServer.pid) : old
    rounds.push({ jaga, nginx: wrk(nginxUrl, target.mode, nginxServer.pid), node: wrk(nodeServer.url, target.mode, nodeServer.pid), before: prior })
  }
  const best = (k: 'jaga' | 'nginx') => rounds.map((r) => r[k]).sort((a, b) => b.requestsPerSecond - a.requestsPerSecond)[0]!
  const j = best('jaga')
  const n = best('nginx')
  // On a loaded machine the best round of each can come from different moments; the median of the
  // ratios of rounds run back to back is steadier. Both are reported.
  const paired = rounds.map((r) => r.jaga.requestsPerSecond / r.nginx.requestsPerSecond).sort((a, b) => a - b)
  const median = paired.length % 2 ? paired[(paired.length - 1) / 2]! : (paired[paired.length / 2 - 1]! + paired[paired.length / 2]!) / 2
  const round3 = (x: number) => Math.round(x * 1000) / 1000
  const medianCpu = (k: 'jaga' | 'nginx' | 'node' | 'before') => rounds.map((r) => r[k]?.cpuMicros ?? NaN).sort((a, b) => a - b)[Math.floor((rounds.length - 1) / 2)]!
  // Now against before, per round (run back to back): CPU per answer and req/s.
  const medianOf = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!
  const vsBefore = beforeServer
    ? { cpu: round3(medianOf(rounds.map((r) => r.jaga.cpuMicros / r.before!.cpuMicros))), rps: round3(medianOf(rounds.map((r) => r.jaga.requestsPerSecond / r.before!.requestsPerSecond))) }
    : undefined
  return { page: { path: target.path, mode: target.mode, encoding: target.encoding ?? 'identity', bytes: target.bytes }, rounds, best: { jaga: j, nginx: n }, ratio: round3(median), ratioOfBest: round3(j.requestsPerSecond / n.requestsPerSecond), cpuMicros: { jaga: medianCpu('jaga'), nginx: medianCpu('nginx'), node: medianCpu('node'), before: medianCpu('before') }, bareNode: { ofNginx: round3(medianOf(rounds.map((r) => r.node.requestsPerSecond / r.nginx.requestsPerSecond))), jagaOfIt: round3(medianOf(rounds.map((r) => r.jaga.requestsPerSecond / r.node.requestsPerSecond))) }, vsBefore }
}

function printReport(results: Awaited<ReturnType<typeof compare>>[], weights: Awaited<ReturnType<typeof weigh>>[]) {
  const report = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version },
    load: { tool: 'wrk', threads: 1, connections: Number(CONNECTIONS), seconds: Number(DURATION), rounds: ROUNDS },
    throughput: results,
    weight: { budgetBytes: BUDGET_BYTES, pages: weights },
  }
  fs.mkdirSync(OUT, { recursive: true })
  fs.writeFileSync(path.join(OUT, 'results.json'), JSON.stringify(report, null, 2))
  console.log(`\nThroughput, wrk -t1 -c${CONNECTIONS} -d${DURATION}s, ${ROUNDS} alternating rounds (req/s: best round), same bytes from nginx; 'gzip' rows ask as a browser does (Accept-Encoding: gzip, deflate, br)`)
  const ratios = results.map((r) => r.ratio)
  console.log(`lowest median ratio ${Math.min(...ratios).toFixed(3)}, highest ${Math.max(...ratios).toFixed(3)}; load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`)
  console.log(`${'page'.padEnd(42)} ${'server'.padEnd(6)} ${'req/s'.padStart(9)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'non-2xx'.padStart(7)}`)
  for (const r of results) {
    for (const [name, x] of [['jaga', r.best.jaga], ['nginx', r.best.nginx]] as const) {
      console.log(`${`${r.page.path} ${r.page.encoding} ${r.page.bytes} B`.padEnd(42)} ${name.padEnd(6)} ${x.requestsPerSecond.toFixed(0).padStart(9)} ${x.p50ms.toFixed(2).padStart(7)} ${x.p99ms.toFixed(2).padStart(7)} ${String(x.non2xx).padStart(7)}`)
    }
    console.log(`${''.padEnd(42)} ratio jaga/nginx: ${(r.ratio * 100).toFixed(1)}% median of paired rounds, ${(r.ratioOfBest * 100).toFixed(1)}% best to best  (budget: >= 70%, goal of issue 17: >= 80%)`)
    console.log(`${''.padEnd(42)} CPU per answer (median): jaga ${r.cpuMicros.jaga} µs, nginx ${r.cpuMicros.nginx} µs: nginx/jaga ${(r.cpuMicros.nginx / r.cpuMicros.jaga).toFixed(2)}`)
    console.log(`${''.padEnd(42)} bare node:http, same bytes and headers (static-node.mjs): ${(r.bareNode.ofNginx * 100).toFixed(1)}% of nginx, CPU ${r.cpuMicros.node} µs; jaga at ${(r.bareNode.jagaOfIt * 100).toFixed(1)}% of it`)
    if (r.vsBefore) console.log(`${''.padEnd(42)} now/before (median of paired rounds): CPU per answer ${r.vsBefore.cpu} (before ${r.cpuMicros.before} µs), req/s ${r.vsBefore.rps}`)
  }
  console.log(`\nPage weight on the wire (gzip), HTML + its CSS + JS, budget ${BUDGET_BYTES / 1024} KB`)
  console.log(`${'page'.padEnd(42)} ${'html'.padStart(7)} ${'css+js'.padStart(7)} ${'total'.padStart(7)}  fonts  3rd-party  within`)
  for (const w of weights) {
    console.log(`${w.path.padEnd(42)} ${String(w.html).padStart(7)} ${String(w.assets).padStart(7)} ${String(w.total).padStart(7)}  ${w.fonts ? 'yes ' : 'none'}   ${String(w.thirdParty).padStart(9)}  ${w.total <= BUDGET_BYTES ? 'yes' : 'NO'}`)
  }
  console.log(`details: ${path.relative(process.cwd(), path.join(OUT, 'results.json'))}`)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
