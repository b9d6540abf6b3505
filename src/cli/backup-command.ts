import fs from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { loadConfig } from '../config.ts'
import { SQLITE_FILE } from '../store.ts'
import { MIN_PASSPHRASE_LENGTH, WrongPassphraseError } from '../platform/backup/backup-crypto.ts'
import { defaultBackupName } from '../platform/backup/backup-format.ts'
import { takeBackup } from '../platform/backup/backup.ts'
import { restoreBackup, RestoreRefused } from '../platform/backup/restore.ts'
import type { Io } from './io.ts'

export const BACKUP_HELP = `  jaga backup [--out FILE] [--passphrase-file F]
                                                 a consistent copy of the database while Jaga
                                                 serves (gzip'd JSON lines, restorable into SQLite
                                                 or PostgreSQL); encrypted with the passphrase in
                                                 F or in JAGA_BACKUP_PASSPHRASE (see docs/backup.md)
  jaga restore FILE [--database URL|PATH] [--passphrase-file F]
                                                 restore a backup into an EMPTY database (default:
                                                 the configured one) and check it against its manifest
`

/** `jaga backup` and `jaga restore`; returns the exit code (2: usage, 1: refused or failed). */
export async function runBackupCommand(argv: string[], io: Io): Promise<number> {
  const say = (s: string) => io.stdout.write(s + '\n')
  const complain = (s: string) => io.stderr.write(s + '\n')
  let values: { out?: string; 'passphrase-file'?: string; database?: string }
  let positionals: string[]
  try {
    ;({ values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { out: { type: 'string' }, 'passphrase-file': { type: 'string' }, database: { type: 'string' } } }))
  } catch (e) {
    complain(`jaga: ${(e as Error).message}\nRun "jaga --help" for usage.`)
    return 2
  }
  const [command, file, ...extra] = positionals
  const usage = command === 'backup' ? (file !== undefined ? 'backup takes no file name: use --out FILE' : values.database ? '--database is for restore (backup reads the configured database)' : undefined) : !file || extra.length ? 'restore takes one backup file' : values.out ? '--out is for backup' : undefined
  if (usage) {
    complain(`jaga: ${usage}\nRun "jaga --help" for usage.`)
    return 2
  }
  try {
    const config = loadConfig(io.env)
    const configured = { databaseUrl: config.databaseUrl, sqliteFile: path.join(config.dataDir, SQLITE_FILE) }
    const passphrase = await readPassphrase(values['passphrase-file'], io.env)
    if (command === 'backup') {
      if (!passphrase) complain('jaga: warning: this backup is NOT encrypted. It holds disclosures, referral records and password hashes: give a passphrase (--passphrase-file F or JAGA_BACKUP_PASSPHRASE) and keep copies off this machine (docs/backup.md).')
      const now = new Date()
      const result = await takeBackup({ source: configured, out: values.out ?? defaultBackupName(now, !!passphrase), passphrase, now })
      say(`backup written: ${result.file}`)
      say(`${result.rows} rows in ${Object.keys(result.counts).length} tables, ${result.bytes} bytes, schema at ${result.lastMigration}${result.encrypted ? ', encrypted' : ''}`)
    } else {
      const target = values.database === undefined ? configured : /^postgres(ql)?:\/\//.test(values.database) ? { databaseUrl: values.database } : { sqliteFile: path.resolve(values.database) }
      const result = await restoreBackup({ file: path.resolve(file!), target, passphrase })
      say(`restored ${result.rows} rows in ${Object.keys(result.counts).length} tables into ${result.location}; counts and checksum match the manifest`)
      if (result.pendingMigrations) say(`the backup's schema is ${result.pendingMigrations} migration(s) behind this Jaga: run "jaga migrate" (or start the server) to bring it up to date`)
    }
    return 0
  } catch (e) {
    const known = e instanceof RestoreRefused || e instanceof WrongPassphraseError
    complain(`jaga: ${command} ${known ? 'refused' : 'failed'}: ${e instanceof Error ? e.message : String(e)}`)
    return 1
  }
}

async function readPassphrase(file: string | undefined, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const passphrase = file !== undefined ? (await fs.readFile(file, 'utf8')).replace(/\r?\n$/, '') : env.JAGA_BACKUP_PASSPHRASE || undefined
  if (passphrase !== undefined && passphrase.length < MIN_PASSPHRASE_LENGTH) throw new RestoreRefused(`the passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters long`)
  return passphrase
}
