// npm run bench:async-hooks — what Node 20's async hooks cost Jaga once an AsyncLocalStorage has run
// (src/platform/views/jsx-sync.ts keeps hono/jsx from turning them on): CPU per Kysely query on an
// in-memory SQLite database, in a fresh process each time, with the hooks off ("off") and on ("on",
// one AsyncLocalStorage.run at start, as hono/jsx did on the first page), alternating, BENCH_ROUNDS
// rounds (default 5), median of each.
import { execFileSync } from 'node:child_process'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)
const QUERIES = Number(process.env.BENCH_QUERIES ?? 20000)

const CHILD = `
import { AsyncLocalStorage } from 'node:async_hooks'
import Database from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
if (process.argv[1] === 'on') new AsyncLocalStorage().run({}, () => {})
const db = new Kysely({ dialect: new SqliteDialect({ database: new Database(':memory:') }) })
await db.schema.createTable('t').addColumn('id', 'integer').addColumn('v', 'text').execute()
for (let i = 0; i < 100; i++) await db.insertInto('t').values({ id: i, v: 'x' + i }).execute()
// Warm the JIT before the measured loop.
for (let i = 0; i < 2000; i++) await db.selectFrom('t').selectAll().where('id', '=', i % 100).execute()
const before = process.cpuUsage()
for (let i = 0; i < ${QUERIES}; i++) await db.selectFrom('t').selectAll().where('id', '=', i % 100).execute()
const used = process.cpuUsage(before)
console.log(((used.user + used.system) / ${QUERIES}).toFixed(2))
`

function run(mode: 'off' | 'on'): number {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', CHILD, mode], { cwd: import.meta.dirname, encoding: 'utf8' })
  return Number(out.trim())
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const results = { off: [] as number[], on: [] as number[] }
for (let i = 0; i < ROUNDS; i++) {
  // Order turns each round so drift falls on both alike.
  for (const mode of i % 2 === 0 ? (['off', 'on'] as const) : (['on', 'off'] as const)) results[mode].push(run(mode))
}
const off = median(results.off)
const on = median(results.on)
console.log(`CPU per Kysely query (SQLite in memory, ${QUERIES} queries, ${ROUNDS} rounds, median)`)
console.log(`  async hooks off: ${off.toFixed(2)} µs   (rounds: ${results.off.join(', ')})`)
console.log(`  async hooks on:  ${on.toFixed(2)} µs   (rounds: ${results.on.join(', ')})`)
console.log(`  on/off: ${(on / off).toFixed(3)}`)
