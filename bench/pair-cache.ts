// node --import tsx bench/pair-cache.ts — the biggest programme's pairs (bench/national-seed.ts) read
// through the per-session cache (src/evaluation/pair-cache.ts) and paired from every answer, in
// alternating rounds on one connection pool, so the shared machine's load falls on both alike.
// BENCH_DATABASE_URL: an already seeded national database (read, and its cache filled; nothing dropped).
import os from 'node:os'
import { openStore } from '../src/platform/db/connect.ts'
import type { Database } from '../src/database.ts'
import { pairedNow, programmePairs } from '../src/evaluation/programme-knowledge.ts'

const url = process.env.BENCH_DATABASE_URL
if (!url) throw new Error('BENCH_DATABASE_URL: a database seeded by npm run bench:national (BENCH_KEEP=1)')
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? '5')
const { db } = openStore<Database>({ databaseUrl: url })
try {
  const { id } = await db.selectFrom('programmes').select('id').where('name', '=', 'Program Nasional 0000').executeTakeFirstOrThrow()
  const time = async (f: () => Promise<unknown>) => {
    const t = performance.now()
    await f()
    return performance.now() - t
  }
  const first = await time(() => programmePairs(db, id))
  const cached: number[] = []
  const now: number[] = []
  for (let i = 0; i < ROUNDS; i++) {
    now.push(await time(() => programmePairs(db, id, pairedNow)))
    cached.push(await time(() => programmePairs(db, id)))
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
  const pairs = (await programmePairs(db, id)).length
  console.log(`biggest programme, ${pairs} pairs; load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`)
  console.log(`first read through the cache (fills what is missing or stale): ${first.toFixed(0)} ms`)
  console.log(`paired from every answer: median ${median(now).toFixed(0)} ms of ${ROUNDS}`)
  console.log(`read through the cache:   median ${median(cached).toFixed(0)} ms of ${ROUNDS} (${(median(cached) / median(now)).toFixed(2)}× pairing every answer)`)
} finally {
  await db.destroy()
}
