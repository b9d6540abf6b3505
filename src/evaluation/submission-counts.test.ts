import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Kysely } from 'kysely'
import { freshDatabase, dialect, type TestApp } from '../../test/harness.ts'
import { aSessionWithLinks } from '../../test/evaluation-builders.ts'
import { createApp } from '../app.ts'
import { loadConfig } from '../config.ts'
import type { Database } from '../database.ts'
import { openStore } from '../platform/db/connect.ts'
import { migrateToLatest } from '../platform/db/migrate.ts'
import { createLogger } from '../platform/log.ts'
import { startServer } from '../main.ts'
import { SQLITE_FILE } from '../store.ts'
import { addCount, flushSubmissionCounts, hourOf, pendingCounts } from './submission-counts.ts'

const log = createLogger('silent')
const cleanups: (() => Promise<void>)[] = []
afterAll(async () => {
  for (const c of cleanups.reverse()) await c()
})

/** A database two handles can open at once, as two app servers do: a PostgreSQL database, or an SQLite file. */
async function sharedDatabase(): Promise<{ open: () => Kysely<Database>; env: Record<string, string> }> {
  if (dialect === 'postgres') {
    const made = await freshDatabase()
    cleanups.push(made.drop)
    return { open: () => openStore<Database>({ databaseUrl: made.url! }).db, env: { DATABASE_URL: made.url! } }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jaga-counts-'))
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }))
  const first = openStore<Database>({ sqliteFile: path.join(dir, SQLITE_FILE) }).db
  await migrateToLatest(first)
  await first.destroy()
  return { open: () => openStore<Database>({ sqliteFile: path.join(dir, SQLITE_FILE) }).db, env: { JAGA_DATA_DIR: dir } }
}

/** A session's feedback link made through the app on its own handle of the shared database, as staff would. */
async function feedbackLinkOn(shared: Awaited<ReturnType<typeof sharedDatabase>>) {
  const setup = shared.open()
  const config = { ...loadConfig({ ...shared.env, PORT: '0', HOST: '127.0.0.1' }), logLevel: 'silent' as const }
  const staffApp = createApp({ db: setup, log, config, dialect })
  await staffApp.library.reload()
  await staffApp.ready
  const jaga = Object.assign({}, staffApp, { db: setup, request: staffApp.app.request.bind(staffApp.app) }) as TestApp
  const { links } = await aSessionWithLinks(jaga, { codeElements: ['mother', 'day', 'own'] })
  return { setup, config, link: links.find((l) => l.phase === 'feedback')! }
}

const stored = async (db: Kysely<Database>, linkId: string) =>
  (await db.selectFrom('linkSubmissionCounts').selectAll().where('linkId', '=', linkId).execute()).map((r) => ({ outcome: r.outcome, hour: r.hour, count: Number(r.count) }))

describe('submission counts kept in memory between flushes', () => {
  it('adds every server’s counts to what is stored, flush after flush, never overwriting', async () => {
    const shared = await sharedDatabase()
    const { setup: one, link } = await feedbackLinkOn(shared)
    const two = shared.open()
    cleanups.push(() => one.destroy(), () => two.destroy())
    const linkId = link.id
    const at = new Date('2026-12-01T08:30:00Z')
    await one.insertInto('linkSubmissionCounts').values({ linkId, hour: hourOf(at), outcome: 'accepted', count: 5 }).execute()

    for (let i = 0; i < 3; i++) addCount(one, log, linkId, 'accepted', at)
    for (let i = 0; i < 2; i++) addCount(two, log, linkId, 'accepted', at)
    addCount(two, log, linkId, 'duplicate', at)
    expect(pendingCounts(one, [linkId])).toEqual([{ linkId, hour: hourOf(at), outcome: 'accepted', count: 3 }])
    await Promise.all([flushSubmissionCounts(one), flushSubmissionCounts(two)])
    for (let i = 0; i < 4; i++) addCount(one, log, linkId, 'accepted', at)
    addCount(one, log, linkId, 'accepted', new Date('2026-12-01T09:00:00Z'))
    await flushSubmissionCounts(one)
    await flushSubmissionCounts(one)

    expect(pendingCounts(one)).toEqual([])
    expect(pendingCounts(two)).toEqual([])
    expect((await stored(one, linkId)).sort((a, b) => (a.hour + a.outcome).localeCompare(b.hour + b.outcome))).toEqual([
      { hour: '2026-12-01T08', outcome: 'accepted', count: 5 + 3 + 2 + 4 },
      { hour: '2026-12-01T08', outcome: 'duplicate', count: 1 },
      { hour: '2026-12-01T09', outcome: 'accepted', count: 1 },
    ])
  })

  it('writes the counts still in memory when the server stops, so answers sent just before are counted', { timeout: 120_000 }, async () => {
    const shared = await sharedDatabase()
    const { setup, config: plain, link } = await feedbackLinkOn(shared)
    // With /metrics on, the app's queries go through a timed copy of the database handle: its counts must be written too.
    const config = { ...plain, metricsToken: 'a-metrics-token-of-enough-length' }
    const server = await startServer(config, log)
    const send = (id: string) =>
      fetch(`http://127.0.0.1:${server.port}/api/v1/collect/${link.token}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id, code: { mother: 'SI', day: '3', own: 'A' }, answers: { useful: '4', clear: '4' } }) })
    const first = crypto.randomUUID()
    expect((await send(first)).status).toBe(201)
    expect((await send(crypto.randomUUID())).status).toBe(201)
    expect((await send(first)).status).toBe(200)
    await server.stop()

    const counts = Object.fromEntries((await stored(setup, link.id)).map((r) => [r.outcome, r.count]))
    await setup.destroy()
    expect(counts).toEqual({ accepted: 2, duplicate: 1 })
  })
})
