import crypto from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { createReadStream } from 'node:fs'
import { pipeline, type Readable } from 'node:stream'
import { StringDecoder } from 'node:string_decoder'
import zlib from 'node:zlib'
import { openStore } from '../db/connect.ts'
import { listMigrationNames, migrateTo } from '../db/migrate.ts'
import { HEADER_BYTES, isEncryptedHeader, openDecipher, TAG_BYTES } from './backup-crypto.ts'
import { decodeRow, FORMAT, FORMAT_VERSION, type BackupHeader, type BackupManifest, type TableStart } from './backup-format.ts'
import { dependencyOrder, type TableInfo, type Value } from './raw-database.ts'
import { openRawDatabase } from './raw-open.ts'

export interface RestoreOptions {
  file: string
  target: { databaseUrl?: string | undefined; sqliteFile?: string }
  passphrase?: string | undefined
  batch?: number
}

export interface RestoreResult {
  location: string
  lastMigration: string
  counts: Record<string, number>
  rows: number
  /** Migrations newer than the backup's, applied by the next `jaga migrate` or server start. */
  pendingMigrations: number
}

/** Said to the operator as is: each names what is wrong and what to do. */
export class RestoreRefused extends Error {}

const MAX_LINE = 64 * 1024 * 1024

/**
 * Restores into an EMPTY database only: it migrates the schema to the backup's migration, empties the
 * rows those migrations seeded, inserts every table in the backup's (foreign-key) order inside one
 * transaction, and commits only when the counts, the checksum and (encrypted) the GCM tag all agree.
 * On any failure the tables it made are dropped again, so the database is empty as it was.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const known = await listMigrationNames()
  const sqliteFileExisted = options.target.sqliteFile ? await fs.stat(options.target.sqliteFile).then(() => true, () => false) : true
  if (options.target.sqliteFile) await fs.mkdir(path.dirname(options.target.sqliteFile), { recursive: true })
  const raw = await openRawDatabase(options.target)
  let touched = false
  try {
    if (!(await raw.isEmpty())) {
      throw new RestoreRefused(`the database at ${raw.location} is not empty (it already has tables); restore only goes into an empty database, so nothing in it is mixed with or overwritten by the backup. Create a new database (createdb, or a new SQLite file) and restore into that`)
    }
    const lines = readLines(await openBackupStream(options.file, options.passphrase))
    const first = await lines.next()
    const header = parseHeader(first.done ? undefined : first.value)
    if (!known.includes(header.lastMigration)) {
      throw new RestoreRefused(`this backup was made by a newer Jaga (its schema is at migration ${header.lastMigration}, which this Jaga does not have); install that version or newer, then restore`)
    }
    touched = true
    const store = openStore<unknown>(options.target)
    try {
      await migrateTo(store.db, header.lastMigration)
    } finally {
      await store.db.destroy()
    }

    const hash = crypto.createHash('sha256').update(first.value + '\n')
    const tables = new Map((await raw.listTables()).map((t) => [t.name, t]))
    await raw.begin()
    // The migrations seed reference rows (areas, keywords); the backup holds them as they were.
    for (const t of dependencyOrder([...tables.values()]).reverse()) await raw.deleteAll(t.name)

    const counts: Record<string, number> = {}
    let current: { info: TableInfo; columns: string[] } | undefined
    let pending: Value[][] = []
    let manifest: BackupManifest | undefined
    const flush = async () => {
      if (current && pending.length) await raw.insert(current.info.name, current.columns, pending)
      pending = []
    }
    for await (const line of lines) {
      if (manifest) throw new RestoreRefused('the backup has data after its manifest: it was altered')
      if (line.startsWith('[')) {
        if (!current) throw new RestoreRefused('the backup has a row before any table: it is damaged')
        pending.push(decodeRow(line, current.columns.length))
        counts[current.info.name] = (counts[current.info.name] ?? 0) + 1
        if (pending.length >= (options.batch ?? 500)) await flush()
        hash.update(line + '\n')
        continue
      }
      const record = JSON.parse(line) as Partial<TableStart & BackupManifest>
      if (record.manifest === true) {
        await flush()
        manifest = record as BackupManifest
        continue
      }
      hash.update(line + '\n')
      await flush()
      current = startTable(record, tables)
      counts[current.info.name] = 0
    }
    if (!manifest) throw new RestoreRefused('the backup ends before its manifest: the file is truncated (an interrupted copy?)')
    const digest = hash.digest('hex')
    if (digest !== manifest.sha256) throw new RestoreRefused(`the backup's checksum does not match its manifest (${digest} ≠ ${manifest.sha256}): the file was altered or damaged`)
    for (const [table, n] of Object.entries({ ...manifest.counts, ...counts })) {
      if (counts[table] !== manifest.counts[table]) throw new RestoreRefused(`table ${table}: the backup holds ${counts[table] ?? 0} rows, its manifest says ${manifest.counts[table] ?? 0}`)
      const stored = await raw.count(table)
      if (stored !== n) throw new RestoreRefused(`table ${table}: ${stored} rows stored, the manifest says ${n}`)
    }
    await raw.resetSequences()
    await raw.commit()
    const rows = Object.values(counts).reduce((a, b) => a + b, 0)
    return { location: raw.location, lastMigration: header.lastMigration, counts, rows, pendingMigrations: known.length - known.indexOf(header.lastMigration) - 1 }
  } catch (e) {
    await raw.rollback().catch(() => {})
    if (touched) await raw.dropEverything().catch(() => {})
    throw e
  } finally {
    await raw.close()
    // A refused restore into a SQLite file that did not exist leaves no (empty) file behind.
    if (!sqliteFileExisted && options.target.sqliteFile && (await isStillEmpty(options.target.sqliteFile))) {
      for (const suffix of ['', '-wal', '-shm']) await fs.rm(options.target.sqliteFile + suffix, { force: true })
    }
  }
}

async function isStillEmpty(file: string): Promise<boolean> {
  const raw = await openRawDatabase({ sqliteFile: file })
  try {
    return await raw.isEmpty()
  } finally {
    await raw.close()
  }
}

function parseHeader(line: string | undefined): BackupHeader {
  let header: Partial<BackupHeader> = {}
  try {
    header = JSON.parse(line ?? 'null') ?? {}
  } catch {
    /* refused below */
  }
  if (header.format !== FORMAT) throw new RestoreRefused('this is not a Jaga backup (no backup header)')
  if (typeof header.formatVersion !== 'number' || header.formatVersion > FORMAT_VERSION) throw new RestoreRefused(`this backup is in format ${header.formatVersion}, newer than this Jaga reads (${FORMAT_VERSION}): restore it with a newer Jaga`)
  if (typeof header.lastMigration !== 'string') throw new RestoreRefused('the backup header names no migration: it is damaged')
  return header as BackupHeader
}

function startTable(record: Partial<TableStart>, tables: Map<string, TableInfo>): { info: TableInfo; columns: string[] } {
  const info = typeof record.table === 'string' ? tables.get(record.table) : undefined
  if (!info || !Array.isArray(record.columns)) throw new RestoreRefused(`the backup holds a table ${JSON.stringify(record.table)} that this schema does not have`)
  const columns = record.columns.map(String)
  const missing = columns.filter((c) => !info.columns.includes(c))
  if (missing.length || columns.length !== info.columns.length) throw new RestoreRefused(`table ${info.name}: the backup's columns (${columns.join(', ')}) are not this schema's (${info.columns.join(', ')})`)
  return { info, columns }
}

/** The decompressed (and, if encrypted, decrypted) bytes of the backup; a wrong passphrase fails here, before any row. */
async function openBackupStream(file: string, passphrase: string | undefined): Promise<Readable> {
  const handle = await fs.open(file, 'r')
  let start = 0
  let end: number | undefined
  let decipher: crypto.DecipherGCM | undefined
  try {
    const size = (await handle.stat()).size
    const head = Buffer.alloc(Math.min(size, HEADER_BYTES))
    await handle.read(head, 0, head.length, 0)
    if (isEncryptedHeader(head)) {
      if (!passphrase) throw new RestoreRefused('this backup is encrypted: give its passphrase (--passphrase-file FILE or JAGA_BACKUP_PASSPHRASE)')
      if (size < HEADER_BYTES + TAG_BYTES) throw new RestoreRefused('the encrypted backup is truncated')
      const tag = Buffer.alloc(TAG_BYTES)
      await handle.read(tag, 0, TAG_BYTES, size - TAG_BYTES)
      decipher = await openDecipher(head, tag, passphrase)
      start = HEADER_BYTES
      end = size - TAG_BYTES - 1
    } else if (!(head[0] === 0x1f && head[1] === 0x8b)) {
      throw new RestoreRefused('this is not a Jaga backup (neither gzip nor an encrypted backup)')
    }
  } finally {
    await handle.close()
  }
  const input = createReadStream(file, { start, ...(end !== undefined ? { end } : {}) })
  // Errors (a bad tag at the end, a broken gzip) end the last stream with that error, so reading fails.
  const gunzip = zlib.createGunzip()
  return decipher ? pipeline(input, decipher, gunzip, () => {}) : pipeline(input, gunzip, () => {})
}

async function* readLines(stream: Readable): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8')
  let rest = ''
  try {
    for await (const chunk of stream) {
      rest += decoder.write(chunk as Buffer)
      let at: number
      while ((at = rest.indexOf('\n')) >= 0) {
        yield rest.slice(0, at)
        rest = rest.slice(at + 1)
      }
      if (rest.length > MAX_LINE) throw new RestoreRefused('the backup has a line longer than any Jaga writes: it is damaged')
    }
  } catch (e) {
    if (e instanceof RestoreRefused) throw e
    const message = e instanceof Error ? e.message : String(e)
    if (/auth|unable to authenticate/i.test(message)) throw new RestoreRefused('the encrypted backup was altered or is damaged (its authentication tag does not match); nothing was restored')
    throw new RestoreRefused(`the backup cannot be read to its end (${message}): it is truncated or damaged; nothing was restored`)
  }
  rest += decoder.end()
  if (rest.length) yield rest
}
