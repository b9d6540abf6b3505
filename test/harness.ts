import crypto from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll } from 'vitest'
import type { Kysely } from 'kysely'
import { createApp, type JagaApp } from '../src/app.ts'
import { loadConfig } from '../src/config.ts'
import type { Database } from '../src/database.ts'
import { openStore } from '../src/platform/db/connect.ts'
import { migrateToLatest } from '../src/platform/db/migrate.ts'
import { createLogger } from '../src/platform/log.ts'
import { DEFAULT_PG_URL } from './postgres-setup.ts'

export type TestDialect = 'sqlite' | 'postgres'
export const dialect: TestDialect = process.env.JAGA_TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite'

export interface TestDb {
  db: Kysely<Database>
  url: string | undefined
  drop: () => Promise<void>
}

/** A fresh, migrated database: an in-memory SQLite, or a new PostgreSQL database dropped afterwards. */
export async function freshDatabase(): Promise<TestDb> {
  if (dialect === 'sqlite') {
    const store = openStore<Database>({ sqliteFile: ':memory:' })
    await migrateToLatest(store.db)
    return { db: store.db, url: undefined, drop: () => store.db.destroy() }
  }
  const admin = process.env.JAGA_TEST_PG_URL ?? DEFAULT_PG_URL
  const name = `jaga_test_${crypto.randomBytes(6).toString('hex')}`
  const adminClient = new pg.Client({ connectionString: admin })
  await adminClient.connect()
  await adminClient.query(`create database ${name}`)
  await adminClient.end()
  const url = new URL(admin)
  url.pathname = `/${name}`
  const store = openStore<Database>({ databaseUrl: url.toString() })
  await migrateToLatest(store.db)
  return {
    db: store.db,
    url: url.toString(),
    drop: async () => {
      await store.db.destroy()
      const c = new pg.Client({ connectionString: admin })
      await c.connect()
      await c.query(`drop database if exists ${name} with (force)`)
      await c.end()
    },
  }
}

export interface TestApp extends JagaApp {
  db: Kysely<Database>
  request: JagaApp['app']['request']
}

/** Registers hooks that give the test file its own app on its own database; `env` as the server would read it. */
export function useTestApp(env: Record<string, string> = {}): TestApp {
  const ctx = {} as TestApp
  let testDb: TestDb
  beforeAll(async () => {
    testDb = await freshDatabase()
    const config = { ...loadConfig(env), logLevel: 'silent' as const }
    const jaga = createApp({ db: testDb.db, log: createLogger('silent'), config, dialect })
    await jaga.library.reload()
    await jaga.ready
    Object.assign(ctx, jaga, { db: testDb.db, request: jaga.app.request.bind(jaga.app) })
  })
  afterAll(async () => {
    await testDb?.drop()
  })
  return ctx
}
