// npm run bench:startup — start-up of the TypeScript sources through tsx against the compiled dist/
// (npm run build), side by side in one run, alternating rounds: the server until its first
// /healthz 200, `jaga --help`, and `jaga analyze` on a four-line CSV. Each is a whole process as a
// user starts it (bin/serve.js, bin/jaga.js), forced to one mode with JAGA_RUN. The server starts
// on an SQLite folder whose migrations a first, uncounted start applied.
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)
const ROOT = path.resolve(import.meta.dirname, '..')
const MODES = ['source', 'compiled'] as const
type Mode = (typeof MODES)[number]

const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' })
if (built.status !== 0) throw new Error(`build failed: ${built.stderr}`)
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jaga-startup-'))
const csv = path.join(tmp, 'tiny.csv')
fs.writeFileSync(csv, 'code,phase,q1,q2\nAB12,pre,0,1\nAB12,post,1,1\nCD34,pre,0,0\nCD34,post,1,0\n')
const dataDirs = Object.fromEntries(MODES.map((m) => [m, fs.mkdtempSync(path.join(tmp, `${m}-`))])) as Record<Mode, string>

function timedCli(mode: Mode, args: string[]): number {
  const started = performance.now()
  const r = spawnSync(process.execPath, ['bin/jaga.js', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, JAGA_RUN: mode } })
  const ms = performance.now() - started
  if (r.status !== 0) throw new Error(`jaga ${args.join(' ')} (${mode}) failed: ${r.stderr}`)
  return ms
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo
      s.close(() => resolve(port))
    })
  })
}

/** From spawning `node bin/serve.js` to the first 200 from /healthz, polled every 10 ms. */
async function timedServer(mode: Mode): Promise<number> {
  const port = await freePort()
  const started = performance.now()
  const child = spawn(process.execPath, ['bin/serve.js'], {
    cwd: ROOT,
    stdio: 'ignore',
    env: { ...process.env, JAGA_ALLOW_ROOT: '1', JAGA_RUN: mode, PORT: String(port), HOST: '127.0.0.1', JAGA_DATA_DIR: dataDirs[mode], LOG_LEVEL: 'warn' },
  })
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server (${mode}) exited with ${child.exitCode}`)
      if (performance.now() - started > 60_000) throw new Error(`server (${mode}) not ready in 60 s`)
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status === 200, () => false)
      if (ok) return performance.now() - started
      await new Promise((r) => setTimeout(r, 10))
    }
  } finally {
    const exited = new Promise((r) => child.once('exit', r))
    child.kill('SIGTERM')
    await exited
  }
}

const tasks = {
  'server ready (/healthz 200)': timedServer,
  'jaga --help': async (mode: Mode) => timedCli(mode, ['--help']),
  'jaga analyze (4-line CSV)': async (mode: Mode) => timedCli(mode, ['analyze', csv]),
}
type Task = keyof typeof tasks

for (const mode of MODES) await timedServer(mode) // applies the migrations: not counted
const times = new Map<string, number[]>()
for (let round = 0; round < ROUNDS; round++) {
  // Alternating which mode goes first, so neither always gets the warmer page cache.
  for (const mode of round % 2 ? [...MODES].reverse() : MODES) {
    for (const [task, run] of Object.entries(tasks)) {
      const key = `${task}|${mode}`
      times.set(key, [...(times.get(key) ?? []), await run(mode)])
    }
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
}
const ms = (x: number) => `${Math.round(x)} ms`.padStart(8)
console.log(`start-up, median (min) of ${ROUNDS} rounds; node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}`)
console.log(`${'task'.padEnd(30)}${'source (tsx)'.padStart(22)}${'compiled (dist/)'.padStart(22)}   faster`)
for (const task of Object.keys(tasks) as Task[]) {
  const [src, out] = MODES.map((m) => times.get(`${task}|${m}`)!)
  const cell = (xs: number[]) => `${ms(median(xs))} (${ms(Math.min(...xs)).trim()})`.padStart(22)
  console.log(`${task.padEnd(30)}${cell(src!)}${cell(out!)}   ×${(median(src!) / median(out!)).toFixed(1)}`)
}
fs.rmSync(tmp, { recursive: true, force: true })
