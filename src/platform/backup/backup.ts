import crypto from 'node:crypto'
import { createWriteStream } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import zlib from 'node:zlib'
import { encryptingStream } from './backup-crypto.ts'
import { appVersion, encodeRow, FORMAT, FORMAT_VERSION, type BackupHeader, type BackupManifest } from './backup-format.ts'
import { dependencyOrder, type RawDatabase } from './raw-database.ts'
import { openRawDatabase } from './raw-open.ts'

export interface BackupOptions {
  source: { databaseUrl?: string | undefined; sqliteFile?: string }
  out: string
  passphrase?: string | undefined
  now?: Date
  /** Rows read at a time; small values let tests interleave writes. */
  batch?: number
}

export interface BackupResult {
  file: string
  bytes: number
  lastMigration: string
  counts: Record<string, number>
  rows: number
  encrypted: boolean
}

/**
 * Streams one snapshot of every table to `out`: written to a temporary name beside it (mode 600: it
 * holds password hashes and disclosures) and renamed only when complete and flushed to disk.
 */
export async function takeBackup(options: BackupOptions): Promise<BackupResult> {
  const raw = await openRawDatabase(options.source, true)
  const out = path.resolve(options.out)
  const temporary = `${out}.partial-${process.pid}-${crypto.randomBytes(4).toString('hex')}`
  try {
    await raw.beginSnapshot()
    const found = await raw.lastMigration()
    if (!found) throw new Error(`the database at ${raw.location} has no Jaga tables (no migration was ever applied): nothing to back up`)
    const lastMigration: string = found
    const tables = dependencyOrder(await raw.listTables())
    const header: BackupHeader = { format: FORMAT, formatVersion: FORMAT_VERSION, appVersion: appVersion(), dialect: raw.dialect, lastMigration, createdAt: (options.now ?? new Date()).toISOString(), tables: tables.map((t) => t.name) }
    const hash = crypto.createHash('sha256')
    const counts: Record<string, number> = {}
    let rows = 0
    async function* lines(): AsyncGenerator<string> {
      const emit = (line: string) => {
        hash.update(line + '\n')
        return line + '\n'
      }
      yield emit(JSON.stringify(header))
      for (const table of tables) {
        yield emit(JSON.stringify({ table: table.name, columns: table.columns }))
        let n = 0
        for await (const batch of raw.rows(table, options.batch ?? 1000)) {
          n += batch.length
          yield batch.map((row) => emit(encodeRow(row))).join('')
        }
        const expected = await raw.count(table.name)
        if (n !== expected) throw new Error(`read ${n} rows of ${table.name}, but it holds ${expected} in the same snapshot`)
        counts[table.name] = n
        rows += n
      }
      await raw.endSnapshot()
      const manifest: BackupManifest = { manifest: true, formatVersion: FORMAT_VERSION, appVersion: header.appVersion, lastMigration, counts, rows, sha256: hash.digest('hex') }
      yield JSON.stringify(manifest) + '\n'
    }
    const stages: (Readable | Transform | NodeJS.WritableStream)[] = [Readable.from(lines()), zlib.createGzip({ level: 6 })]
    if (options.passphrase) stages.push(await encryptingStream(options.passphrase))
    stages.push(createWriteStream(temporary, { flags: 'wx', mode: 0o600 }))
    await pipeline(stages as unknown as [Readable, ...Transform[], NodeJS.WritableStream])
    // On disk before it takes the final name: a crash leaves a .partial file, never a short backup.
    const written = await fs.open(temporary, 'r+')
    try {
      await written.sync()
    } finally {
      await written.close()
    }
    await fs.rename(temporary, out)
    const bytes = (await fs.stat(out)).size
    await recordBackup(raw, { file: path.basename(out), bytes, rows, lastMigration, encrypted: !!options.passphrase, takenAt: new Date().toISOString() })
    return { file: out, bytes, lastMigration, counts, rows, encrypted: !!options.passphrase }
  } catch (e) {
    await fs.rm(temporary, { force: true })
    await raw.rollback().catch(() => {})
    throw e
  } finally {
    await raw.close()
  }
}

/** The admin's home shows when the last backup was taken; an older schema without the table is left alone. */
async function recordBackup(raw: RawDatabase, entry: { file: string; bytes: number; rows: number; lastMigration: string; encrypted: boolean; takenAt: string }): Promise<void> {
  const tables = await raw.listTables()
  if (!tables.some((t) => t.name === 'backup_log')) return
  await raw.insert('backup_log', ['id', 'taken_at', 'file_name', 'bytes', 'row_count', 'encrypted', 'last_migration'], [
    [crypto.randomUUID(), entry.takenAt, entry.file.slice(0, 255), entry.bytes, entry.rows, entry.encrypted ? 1 : 0, entry.lastMigration.slice(0, 255)],
  ])
}
