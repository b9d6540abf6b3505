import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDatabase, type TestDb } from '../../test/harness.ts'
import { startServerProcess, type ServerProcess } from '../../test/server-process.ts'
import { openStore } from '../platform/db/connect.ts'
import type { Database } from '../database.ts'
import path from 'node:path'

let testDb: TestDb
let server: ServerProcess

beforeAll(async () => {
  testDb = await freshDatabase()
  server = await startServerProcess({ JAGA_RETAIN_ANSWERS_MONTHS: '6', ...(testDb.url ? { DATABASE_URL: testDb.url } : {}) })
}, 60_000)
afterAll(async () => {
  await server?.stop()
  await testDb?.drop()
})

describe('the server with JAGA_RETAIN_ANSWERS_MONTHS set', () => {
  it('runs the day’s retention at start-up, logs its counts and records the day', async () => {
    const deadline = Date.now() + 30_000
    // The run starts when the server does and finishes within moments on an empty database.
    while (!server.logs().some((l) => l.msg === 'retention run') && Date.now() < deadline) await new Promise((r) => setImmediate(r))
    expect(server.logs().find((l) => l.msg === 'retention run')).toMatchObject({ months: 6, submissions: 0, texts: 0 })
    const store = openStore<Database>(testDb.url ? { databaseUrl: testDb.url } : { sqliteFile: path.join(server.dataDir!, 'jaga.sqlite') })
    try {
      const runs = await store.db.selectFrom('retentionRuns').select(['id', 'months', 'finishedAt']).execute()
      expect(runs).toHaveLength(1)
      expect(runs[0]!.id).toMatch(/^daily-\d{4}-\d\d-\d\d$/)
      expect(runs[0]!.finishedAt).not.toBe(null)
    } finally {
      await store.db.destroy()
    }
  }, 40_000)
})
