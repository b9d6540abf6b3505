// CPU profile of one staff page on a seeded national database (bench/national.ts with BENCH_KEEP=1):
//   BENCH_DATABASE_URL=<kept url> BENCH_PROFILE=/tmp/prof node --import tsx bench/profile-page.ts /programmes/BIG 3
// asks the page 3 times as the bench's coordinator (WHO=admin@bench.test for the admin) on the production
// server, prints status, size and time of each, and writes the server's .cpuprofile into BENCH_PROFILE
// (open it in Chromium's DevTools, Performance tab). BIG in the path stands for the biggest programme's id.
// For the slow queries: ALTER DATABASE … SET log_min_duration_statement = 15, then PostgreSQL's log.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { startServerProcess } from '../test/server-process.ts'
const url = process.env.BENCH_DATABASE_URL!
const page = process.argv[2]!
const times = Number(process.argv[3] ?? '3')
const dir = process.env.BENCH_PROFILE!
const client = new pg.Client({ connectionString: url }); await client.connect()
const big = (await client.query(`select programme_id from sessions group by programme_id order by count(*) desc limit 1`)).rows[0].programme_id
await client.end()
const p = page.replace('BIG', big)
const server = await startServerProcess({ DATABASE_URL: url, LOG_LEVEL: 'warn', NODE_OPTIONS: `--import ${path.resolve('bench/server-profile.mjs')}`, BENCH_PROFILE: dir }, 120000)
const csrf = crypto.randomBytes(32).toString('base64url')
const res = await fetch(`${server.url}/login`, { method: 'POST', redirect: 'manual', headers: { Cookie: `jaga_csrf=${csrf}; jaga_lang=en` }, body: new URLSearchParams({ _csrf: csrf, email: process.env.WHO ?? 'coordinator@bench.test', password: 'a long enough password' }) })
const cookie = `${res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('jaga_session='))}; jaga_csrf=${csrf}; jaga_lang=en`
for (let i = 0; i < times; i++) {
  const t = performance.now(); const r = await fetch(server.url + p, { headers: { cookie } }); const b = await r.arrayBuffer()
  console.log(p, r.status, (b.byteLength / 1024).toFixed(0) + ' KB', (performance.now() - t).toFixed(0) + ' ms')
}
await server.stop()
