import fs from 'node:fs'
import path from 'node:path'
import type { Value } from './raw-database.ts'

// One portable format for both databases: gzip'd JSON lines. The first line is the header, then each
// table is a line naming it and its columns followed by one JSON array per row (primary-key order),
// and the last line is the manifest: counts per table and the SHA-256 of every byte before it.
export const FORMAT = 'jaga-backup'
export const FORMAT_VERSION = 1

export interface BackupHeader {
  format: typeof FORMAT
  formatVersion: number
  appVersion: string
  /** The dialect it was taken from; it restores into either. */
  dialect: string
  lastMigration: string
  createdAt: string
  tables: string[]
}

export interface TableStart {
  table: string
  columns: string[]
}

export interface BackupManifest {
  manifest: true
  formatVersion: number
  appVersion: string
  lastMigration: string
  counts: Record<string, number>
  rows: number
  sha256: string
}

/** Binary columns travel as { base64 }; every other value JSON already carries. */
export function encodeRow(row: Value[]): string {
  return JSON.stringify(row.map((v) => (Buffer.isBuffer(v) ? { base64: v.toString('base64') } : v)))
}

export function decodeRow(line: string, width: number): Value[] {
  const row: unknown = JSON.parse(line)
  if (!Array.isArray(row) || row.length !== width) throw new Error('a row does not have its table’s columns')
  return row.map((v) => {
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v
    if (typeof v === 'object' && typeof (v as { base64?: unknown }).base64 === 'string') return Buffer.from((v as { base64: string }).base64, 'base64')
    throw new Error('a row holds a value of no known kind')
  })
}

export function appVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../package.json'), 'utf8')) as { version?: string }
    return pkg.version ?? 'unknown'
  } catch {
    return 'unknown'
  }
}

export function defaultBackupName(now: Date, encrypted: boolean): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')
  return `jaga-backup-${stamp}.jsonl.gz${encrypted ? '.enc' : ''}`
}
