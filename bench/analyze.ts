// npm run bench:analyze — `jaga analyze` against R (data.table fread, t.test, wilcox.test, binom.test,
// p.adjust, alpha by formula: bench/analyze.R) on the same 200,000-pair × 20-item CSV, alternating
// rounds in one run; wall time and peak memory of each whole process, and whether they agree to 1e-9.
// Jaga runs as the README tells people to run it, `npx jaga analyze FILE.csv`: npx's own start-up is part
// of what they wait for. `node bin/jaga.js` is timed in the same rounds to show what npx adds.
// Needs Debian's R: apt-get install -y r-base-core r-cran-data.table
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { makeScoreCsv } from './score-data.ts'
import { countNumbers, differences } from '../test/numbers.ts'
import { whyNotCompiled } from '../bin/entry.js'

const PAIRS = Number(process.env.BENCH_PAIRS ?? 200_000)
const ITEMS = 20
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const ROOT = path.resolve(import.meta.dirname, '..')
const OUT = path.join(ROOT, 'bench', 'out')

if (spawnSync('sh', ['-c', 'command -v Rscript']).status !== 0) {
  console.error('bench: Rscript is missing. Install it with: apt-get install -y r-base-core r-cran-data.table')
  process.exit(2)
}
fs.mkdirSync(OUT, { recursive: true })
const file = path.join(OUT, `scores-${PAIRS}x${ITEMS}.csv`)
fs.writeFileSync(file, makeScoreCsv({ pairs: PAIRS, items: ITEMS, seed: 2026, groups: true, strays: 0.01 }))

interface Run {
  seconds: number
  peakMB: number
  stdout: string
}

/** One whole process, as a user runs it, timed from outside; peak memory from GNU time. */
function timed(command: string, args: string[]): Run {
  const started = process.hrtime.bigint()
  const r = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 })
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  if (r.status !== 0) throw new Error(`${command} failed: ${r.stderr}`)
  const peakKB = Number(r.stderr.trim().split('\n').pop())
  return { seconds, peakMB: peakKB / 1024, stdout: r.stdout }
}

// bin/jaga.js runs dist/ when it is up to date (production), else the sources through tsx.
const runsWhat = process.env.JAGA_RUN === 'compiled' ? 'dist/ (JAGA_RUN=compiled)' : (whyNotCompiled() ?? 'dist/ (compiled, up to date)')
const runs: { jaga: Run[]; node: Run[]; r: Run[] } = { jaga: [], node: [], r: [] }
for (let round = 0; round < ROUNDS; round++) {
  runs.jaga.push(timed('npx', ['jaga', 'analyze', file, '--json']))
  runs.r.push(timed('Rscript', ['bench/analyze.R', file]))
  runs.node.push(timed('node', ['bin/jaga.js', 'analyze', file, '--json']))
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const jaga = JSON.parse(runs.jaga[0]!.stdout)
const reference = JSON.parse(runs.r[0]!.stdout)
const disagreements = differences(reference, jaga, 1e-9)
const report = {
  file: { pairs: PAIRS, items: ITEMS, bytes: fs.statSync(file).size },
  rounds: ROUNDS,
  jaga: { medianSeconds: median(runs.jaga.map((x) => x.seconds)), peakMB: Math.max(...runs.jaga.map((x) => x.peakMB)) },
  node: { medianSeconds: median(runs.node.map((x) => x.seconds)), peakMB: Math.max(...runs.node.map((x) => x.peakMB)) },
  r: { medianSeconds: median(runs.r.map((x) => x.seconds)), peakMB: Math.max(...runs.r.map((x) => x.peakMB)) },
  runs: runsWhat,
  compared: countNumbers(reference),
  disagreements: [...disagreements, ...differences(jaga, JSON.parse(runs.node[0]!.stdout), 0).map((d) => `npx vs node bin/jaga.js: ${d}`)],
}
fs.writeFileSync(path.join(OUT, 'analyze-vs-r.json'), JSON.stringify(report, null, 2))
console.log(`\njaga analyze vs R on ${PAIRS.toLocaleString('en')} pairs × ${ITEMS} items (${(report.file.bytes / 1e6).toFixed(1)} MB), median of ${ROUNDS} alternating rounds, whole process`)
console.log(`  bin/jaga.js ran: ${runsWhat}`)
console.log(`  npx jaga analyze     ${report.jaga.medianSeconds.toFixed(2)} s  peak ${report.jaga.peakMB.toFixed(0)} MB`)
console.log(`  node bin/jaga.js     ${report.node.medianSeconds.toFixed(2)} s  peak ${report.node.peakMB.toFixed(0)} MB`)
console.log(`  R                    ${report.r.medianSeconds.toFixed(2)} s  peak ${report.r.peakMB.toFixed(0)} MB`)
const ratio = (x: Run[]) => median(x.map((j, i) => j.seconds / runs.r[i]!.seconds))
console.log(`  npx jaga/R time: ${ratio(runs.jaga).toFixed(2)}× (median of per-round ratios; goal ≤ 0.50×), node bin/jaga.js/R: ${ratio(runs.node).toFixed(2)}×`)
console.log(`  npx jaga/R peak memory: ${(report.jaga.peakMB / report.r.peakMB).toFixed(2)}× (goal ≤ 1)`)
console.log(`  agreement: ${report.compared} numbers compared, ${report.disagreements.length} differ by more than 1e-9 relative (npx and node: identical)`)
for (const d of report.disagreements.slice(0, 10)) console.log(`    ${d}`)
if (report.disagreements.length || report.jaga.medianSeconds >= report.r.medianSeconds) process.exitCode = 1
