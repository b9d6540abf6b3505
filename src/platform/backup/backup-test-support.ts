import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import pg from 'pg'
import type { Kysely } from 'kysely'
import { createApp } from '../../app.ts'
import { loadConfig } from '../../config.ts'
import type { Database } from '../../database.ts'
import { openStore, type Dialect } from '../db/connect.ts'
import { migrateToLatest } from '../db/migrate.ts'
import { createLogger } from '../log.ts'
import type { TestApp } from '../../../test/harness.ts'
import { DEFAULT_PG_URL } from '../../../test/postgres-setup.ts'

// Backups need databases the harness does not make: a SQLite FILE (WAL snapshots do not exist in
// memory) and EMPTY databases of either kind to restore into.

export interface Place {
  kind: Dialect
  target: { databaseUrl?: string; sqliteFile?: string }
  drop: () => Promise<void>
}

const ADMIN_URL = process.env.JAGA_TEST_PG_URL ?? DEFAULT_PG_URL

export async function emptyDatabase(kind: Dialect): Promise<Place> {
  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jaga-restore-'))
    return { kind, target: { sqliteFile: path.join(dir, 'jaga.sqlite') }, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) }
  }
  const name = `jaga_test_${crypto.randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: ADMIN_URL })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  const url = new URL(ADMIN_URL)
  url.pathname = `/${name}`
  return {
    kind,
    target: { databaseUrl: url.toString() },
    drop: async () => {
      const c = new pg.Client({ connectionString: ADMIN_URL })
      await c.connect()
      await c.query(`drop database if exists ${name} with (force)`)
      await c.end()
    },
  }
}

/** A served Jaga on an existing database (opened, migrated), as the server would run it. */
export async function serveOn(place: Place): Promise<TestApp & { close: () => Promise<void> }> {
  const store = openStore<Database>(place.target)
  await migrateToLatest(store.db)
  const jaga = createApp({ db: store.db, log: createLogger('silent'), config: { ...loadConfig({}), logLevel: 'silent' }, dialect: place.kind })
  await jaga.library.reload()
  await jaga.ready
  return Object.assign(jaga, { db: store.db as Kysely<Database>, request: jaga.app.request.bind(jaga.app), close: () => store.db.destroy() })
}

/** An unencrypted backup read back whole (small test data only): its tables as row objects, and its manifest. */
export function readBackup(file: string): { header: Record<string, unknown>; tables: Record<string, Record<string, unknown>[]>; manifest: Record<string, unknown> } {
  const lines = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').trimEnd().split('\n')
  const header = JSON.parse(lines[0]!) as Record<string, unknown>
  const manifest = JSON.parse(lines.at(-1)!) as Record<string, unknown>
  const tables: Record<string, Record<string, unknown>[]> = {}
  let columns: string[] = []
  let name = ''
  for (const line of lines.slice(1, -1)) {
    const value = JSON.parse(line) as unknown
    if (Array.isArray(value)) tables[name]!.push(Object.fromEntries(columns.map((c, i) => [c, value[i]])))
    else {
      ;({ table: name, columns } = value as { table: string; columns: string[] })
      tables[name] = []
    }
  }
  return { header, tables, manifest }
}

/** Rewrites an unencrypted backup's decompressed text (to tamper with it as an attacker could). */
export function rewriteBackup(file: string, out: string, change: (text: string) => string): void {
  fs.writeFileSync(out, zlib.gzipSync(change(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8'))))
}
