// Runs wrk (one thread, N connections, --latency) and reads the figures the benches report.
import { execFileSync } from 'node:child_process'

export interface WrkResult {
  requests: number
  requestsPerSecond: number
  p50ms: number
  p99ms: number
  non2xx: number
  socketErrors: string
}

export function runWrk(url: string, o: { connections: string; seconds: string; args?: string[]; env?: NodeJS.ProcessEnv }): WrkResult {
  const out = execFileSync('wrk', ['-t1', `-c${o.connections}`, `-d${o.seconds}s`, '--latency', ...(o.args ?? []), url], { encoding: 'utf8', env: { ...process.env, ...o.env } })
  const ms = (label: string) => {
    const m = new RegExp(`\\s${label}%\\s+([\\d.]+)(us|ms|s)`).exec(out)
    if (!m) return NaN
    const v = Number(m[1])
    return m[2] === 'us' ? v / 1000 : m[2] === 's' ? v * 1000 : v
  }
  return {
    requests: Number(/(\d+) requests in/.exec(out)?.[1]),
    requestsPerSecond: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]),
    p50ms: ms('50'),
    p99ms: ms('99'),
    non2xx: Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0),
    socketErrors: /Socket errors:.*/.exec(out)?.[0] ?? '',
  }
}
