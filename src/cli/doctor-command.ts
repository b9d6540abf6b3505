import fs from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import pg from 'pg'
import { Kysely, PostgresDialect, sql, SqliteDialect } from 'kysely'
import { loadConfig, type Config } from '../config.ts'
import { SQLITE_FILE } from '../store.ts'
import { listMigrationNames } from '../platform/db/migrate.ts'
import { createTranslator, formatDateTime, type Locale, type Params } from '../platform/i18n/i18n.ts'
import { consoleLocale } from '../platform/operations-messages.ts'
import { doctorMessages } from './doctor-messages.ts'
import type { Io } from './io.ts'
import { redactUrl } from '../platform/db/connect.ts'

/** A daily backup that ran late, or missed one night, still passes; two missed nights do not (the admin's Users page warns at the same age). */
export const BACKUP_MAX_AGE_HOURS = 48
/** Below either, the disk is too full: SQLite's WAL, PostgreSQL and backups all need room to grow. */
export const MIN_FREE_BYTES = 2 ** 30
export const MIN_FREE_SHARE = 0.05

type Key = keyof typeof doctorMessages
type Status = 'ok' | 'fix' | 'note'
interface Finding {
  status: Status
  key: Key
  params?: Params
}

export interface DoctorOptions {
  now?: Date
  /** Free and total bytes of the file system holding `dir` (fs.statfs; tests pass their own). */
  diskSpace?: (dir: string) => Promise<{ free: number; total: number }>
}

/**
 * `jaga doctor`: reads the configuration, the database (read only: it changes nothing) and the disk,
 * and says what to fix. Exit code 0 when nothing needs fixing (notes are advice), 1 otherwise.
 */
export async function runDoctor(io: Io, opts: DoctorOptions = {}): Promise<number> {
  const locale = consoleLocale(io.env)
  const t = createTranslator(doctorMessages, locale)
  const findings = await examine(io.env, locale, opts)
  io.stdout.write(t('doctor.title') + '\n')
  const label = { ok: t('doctor.ok'), fix: t('doctor.fix'), note: t('doctor.note') }
  const width = Math.max(...Object.values(label).map((l) => l.length))
  for (const f of findings) io.stdout.write(`  ${label[f.status].padEnd(width)}  ${t(f.key, f.params)}\n`)
  const toFix = findings.filter((f) => f.status === 'fix').length
  io.stdout.write((toFix ? t('doctor.toFix', { count: toFix }) : t('doctor.allOk')) + '\n')
  return toFix ? 1 : 0
}

async function examine(env: NodeJS.ProcessEnv, locale: Locale, opts: DoctorOptions): Promise<Finding[]> {
  let config: Config
  try {
    config = loadConfig(env)
  } catch (e) {
    return [{ status: 'fix', key: 'doctor.config.bad', params: { error: (e as Error).message } }]
  }
  const findings: Finding[] = [{ status: 'ok', key: 'doctor.config.ok' }]
  findings.push(...(await examineDatabase(config, locale, opts.now ?? new Date())))
  findings.push(...examineAddress(config, env))
  findings.push(await examineDisk(config, opts.diskSpace ?? freeSpace))
  return findings
}

async function examineDatabase(config: Config, locale: Locale, now: Date): Promise<Finding[]> {
  const sqliteFile = path.join(config.dataDir, SQLITE_FILE)
  if (!config.databaseUrl && !fs.existsSync(sqliteFile)) return [{ status: 'fix', key: 'doctor.db.missing', params: { file: sqliteFile } }]
  const location = config.databaseUrl ? redactUrl(config.databaseUrl) : sqliteFile
  // Opened here rather than through openStore: read only for SQLite, and a PostgreSQL that does not
  // answer is reported after 5 s instead of hanging on the system's TCP timeout.
  const db = new Kysely<any>({
    dialect: config.databaseUrl
      ? new PostgresDialect({ pool: new pg.Pool({ connectionString: config.databaseUrl, max: 1, connectionTimeoutMillis: 5000 }) })
      : new SqliteDialect({ database: new SQLite(sqliteFile, { readonly: true, fileMustExist: true }) }),
  })
  try {
    try {
      await sql`select 1`.execute(db)
    } catch (e) {
      return [{ status: 'fix', key: 'doctor.db.bad', params: { location, error: (e as Error).message.split('\n')[0]! } }]
    }
    const findings: Finding[] = [{ status: 'ok', key: 'doctor.db.ok', params: { location } }]
    const known = await listMigrationNames()
    const applied = await sql<{ name: string }>`select name from kysely_migration order by name`
      .execute(db)
      .then((r) => r.rows.map((x) => x.name))
      .catch(() => [] as string[])
    const pending = known.filter((n) => !applied.includes(n))
    const unknown = applied.filter((n) => !known.includes(n))
    if (unknown.length) findings.push({ status: 'fix', key: 'doctor.migrations.newer', params: { count: unknown.length, first: unknown[0]! } })
    else if (pending.length) findings.push({ status: 'fix', key: 'doctor.migrations.pending', params: { count: pending.length, first: pending[0]! } })
    else findings.push({ status: 'ok', key: 'doctor.migrations.ok', params: { last: applied.at(-1) ?? '—' } })
    // backup_log comes with a migration: a database that lacks it has no backup on record either.
    const last = await sql<{ takenAt: string }>`select taken_at as "takenAt" from backup_log order by taken_at desc limit 1`
      .execute(db)
      .then((r) => r.rows[0]?.takenAt)
      .catch(() => undefined)
    if (!last) findings.push({ status: 'fix', key: 'doctor.backup.none' })
    else {
      const hours = Math.floor((now.getTime() - Date.parse(last)) / 3_600_000)
      const params = { when: formatDateTime(locale, last, config.timeZone), hours }
      findings.push({ status: hours > BACKUP_MAX_AGE_HOURS ? 'fix' : 'ok', key: hours > BACKUP_MAX_AGE_HOURS ? 'doctor.backup.old' : 'doctor.backup.ok', params })
    }
    return findings
  } finally {
    await db.destroy()
  }
}

function examineAddress(config: Config, env: NodeJS.ProcessEnv): Finding[] {
  const findings: Finding[] = []
  const https = config.publicUrlSet && config.publicUrl.startsWith('https://')
  if (!config.publicUrlSet) findings.push({ status: 'fix', key: 'doctor.publicUrl.unset' })
  else if (!https) findings.push({ status: 'fix', key: 'doctor.publicUrl.http', params: { url: config.publicUrl } })
  else findings.push({ status: 'ok', key: 'doctor.publicUrl.ok', params: { url: config.publicUrl } })
  // Jaga never speaks TLS itself: an https address means something in front of it ends TLS.
  if (https && !config.trustProxy) findings.push({ status: 'fix', key: 'doctor.proxy.missing' })
  else if (config.trustProxy) findings.push({ status: 'ok', key: 'doctor.proxy.ok', params: { hops: config.trustedProxies } })
  else findings.push({ status: 'ok', key: 'doctor.proxy.none' })
  if (config.trustProxy && ['0.0.0.0', '::', ''].includes(config.host)) findings.push({ status: 'note', key: 'doctor.proxy.openHost', params: { host: env.HOST ?? config.host, port: config.port } })
  return findings
}

async function examineDisk(config: Config, diskSpace: NonNullable<DoctorOptions['diskSpace']>): Promise<Finding> {
  // The data folder, or the nearest folder above it that exists (before the first start it may not).
  let dir = config.dataDir
  while (!fs.existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir)
  const { free, total } = await diskSpace(dir)
  const gb = (n: number) => Math.round((n / 2 ** 30) * 10) / 10
  const params = { free: gb(free), total: gb(total), dir }
  const low = free < MIN_FREE_BYTES || free < total * MIN_FREE_SHARE
  return { status: low ? 'fix' : 'ok', key: low ? 'doctor.disk.low' : 'doctor.disk.ok', params }
}

async function freeSpace(dir: string): Promise<{ free: number; total: number }> {
  const s = await fs.promises.statfs(dir)
  return { free: s.bavail * s.bsize, total: s.blocks * s.bsize }
}

