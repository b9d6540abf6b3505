// npm run bench: Jaga's cached public home page against nginx serving the very same bytes,
// on loopback, one after the other in the same run, with the same wrk load.
// Needs Debian's nginx (nginx-light) and wrk: apt-get install -y nginx-light wrk
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { startServerProcess } from '../test/server-process.ts'

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

interface WrkResult {
  requestsPerSecond: number
  p50ms: number
  p99ms: number
  non2xx: number
}

function wrk(url: string): WrkResult {
  const out = execFileSync('wrk', ['-t1', `-c${CONNECTIONS}`, `-d${DURATION}s`, '--latency', '-H', 'Accept-Language: id', url], { encoding: 'utf8' })
  const ms = (label: string) => {
    const m = new RegExp(`\\s${label}%\\s+([\\d.]+)(us|ms|s)`).exec(out)
    if (!m) return NaN
    const v = Number(m[1])
    return m[2] === 'us' ? v / 1000 : m[2] === 's' ? v * 1000 : v
  }
  return {
    requestsPerSecond: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]),
    p50ms: ms('50'),
    p99ms: ms('99'),
    non2xx: Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0),
  }
}

async function main() {
  const jaga = await startServerProcess({ LOG_LEVEL: 'warn' })
  const page = `${jaga.url}/`
  const res = await fetch(page, { headers: { 'Accept-Language': 'id' } })
  const bytes = Buffer.from(await res.arrayBuffer())
  if (res.status !== 200 || bytes.length < 500) throw new Error(`Jaga's home page answered ${res.status} with ${bytes.length} bytes`)

  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jaga-nginx-'))
  fs.writeFileSync(path.join(root, 'index.html'), bytes)
  const nginxPort = await freePort()
  // One worker, like Jaga's one Node.js process: the comparison is per process, on the same core budget.
  fs.writeFileSync(
    path.join(root, 'nginx.conf'),
    `daemon off; worker_processes 1; pid ${root}/nginx.pid; error_log ${root}/error.log warn;
events { worker_connections 1024; }
http { access_log off; types { text/html html; } default_type text/html; charset utf-8;
  client_body_temp_path ${root}; proxy_temp_path ${root}; fastcgi_temp_path ${root}; uwsgi_temp_path ${root}; scgi_temp_path ${root};
  server { listen 127.0.0.1:${nginxPort}; root ${root}; location = / { try_files /index.html =404; } } }\n`,
  )
  const nginx = spawn(fs.existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx', ['-c', path.join(root, 'nginx.conf'), '-p', root], { stdio: 'inherit' })
  await new Promise((r) => setTimeout(r, 500))
  const nginxUrl = `http://127.0.0.1:${nginxPort}/`
  const same = Buffer.from(await (await fetch(nginxUrl)).arrayBuffer())
  if (!same.equals(bytes)) throw new Error('nginx does not serve the same bytes')

  // Warm both up (JIT, connection set-up), then alternate rounds so drift hits both alike.
  execFileSync('wrk', ['-t1', '-c10', '-d2s', page])
  execFileSync('wrk', ['-t1', '-c10', '-d2s', nginxUrl])
  const rounds: { jaga: WrkResult; nginx: WrkResult }[] = []
  for (let i = 0; i < ROUNDS; i++) rounds.push({ jaga: wrk(page), nginx: wrk(nginxUrl) })

  nginx.kill('SIGTERM')
  await jaga.stop()

  const best = (k: 'jaga' | 'nginx') => rounds.map((r) => r[k]).sort((a, b) => b.requestsPerSecond - a.requestsPerSecond)[0]!
  const j = best('jaga')
  const n = best('nginx')
  const ratio = j.requestsPerSecond / n.requestsPerSecond
  const report = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version },
    page: { path: '/', bytes: bytes.length },
    load: { tool: 'wrk', threads: 1, connections: Number(CONNECTIONS), seconds: Number(DURATION), rounds: ROUNDS },
    rounds,
    best: { jaga: j, nginx: n },
    ratio: Math.round(ratio * 1000) / 1000,
  }
  fs.mkdirSync(OUT, { recursive: true })
  fs.writeFileSync(path.join(OUT, 'home-vs-nginx.json'), JSON.stringify(report, null, 2))
  console.log(`\nPublic home page (${bytes.length} bytes), wrk -t1 -c${CONNECTIONS} -d${DURATION}s, best of ${ROUNDS} alternating rounds`)
  console.log(`${'server'.padEnd(8)} ${'req/s'.padStart(10)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'non-2xx'.padStart(8)}`)
  for (const [name, r] of [['jaga', j], ['nginx', n]] as const) {
    console.log(`${name.padEnd(8)} ${r.requestsPerSecond.toFixed(0).padStart(10)} ${r.p50ms.toFixed(2).padStart(8)} ${r.p99ms.toFixed(2).padStart(8)} ${String(r.non2xx).padStart(8)}`)
  }
  console.log(`ratio jaga/nginx: ${(ratio * 100).toFixed(1)}%  (budget: >= 70%)`)
  console.log(`details: ${path.relative(process.cwd(), path.join(OUT, 'home-vs-nginx.json'))}`)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
