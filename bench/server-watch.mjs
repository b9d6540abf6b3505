// Loaded into the server by `BENCH_WATCH=1 npm run bench:ingest` (NODE_OPTIONS=--import): records every
// garbage collection and the event loop's delay during the load run, and prints one WATCH line on exit,
// so a slow percentile can be told apart from a stalled server.
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks'

const KINDS = { 1: 'scavenge', 2: 'minor-mark-sweep', 4: 'mark-compact', 8: 'incremental', 16: 'weak-callbacks' }
const gc = {}
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const kind = KINDS[entry.detail?.kind] ?? String(entry.detail?.kind)
    const k = (gc[kind] ??= { count: 0, totalMs: 0, maxMs: 0 })
    k.count++
    k.totalMs += entry.duration
    k.maxMs = Math.max(k.maxMs, entry.duration)
  }
}).observe({ entryTypes: ['gc'] })

// The event loop's delay from 3 s after start, so start-up (bundling, rendering the page cache) is not counted.
const delay = monitorEventLoopDelay({ resolution: 5 })
setTimeout(() => delay.enable(), 3000).unref()

process.on('exit', () => {
  const ms = (ns) => Math.round(ns / 1e4) / 100
  for (const k of Object.values(gc)) {
    k.totalMs = Math.round(k.totalMs)
    k.maxMs = Math.round(k.maxMs * 10) / 10
  }
  process.stdout.write(`WATCH ${JSON.stringify({ gc, eventLoopDelayMs: { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max) } })}\n`)
})
