import crypto from 'node:crypto'
import { parse } from 'csv-parse/sync'
import type { Kysely } from 'kysely'
import type { Database } from '../database.ts'
import { insertAuditEntry, type Actor } from '../accounts/audit-queries.ts'
import type { Params } from '../platform/i18n/i18n.ts'
import * as q from './area-queries.ts'
import { checkCode, CODE_EXAMPLES, isKindOf } from './area-rules.ts'

export const IMPORT_MAX_BYTES = 1024 * 1024
export const IMPORT_MAX_ROWS = 5000
export const IMPORT_COLUMNS = ['village', 'name', 'kind', 'kemendagri_code', 'bps_code'] as const

export interface RowError {
  /** The line in the file, counting the header as line 1; 0 for the file as a whole. */
  row: number
  message: string
  params?: Params
}

export type ImportResult = { ok: true; count: number; villages: number } | { ok: false; errors: RowError[] }

/**
 * Imports neighbourhoods (lingkungan, RW, dusun) from CSV: one row each, under a village named by its
 * Kemendagri code, BPS code or name. Every row is checked first; if any row is wrong, nothing is saved.
 */
export async function importNeighbourhoods(db: Kysely<Database>, actor: Actor, csv: string): Promise<ImportResult> {
  let records: Record<string, string>[]
  try {
    records = parse(csv, { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), bom: true, skip_empty_lines: true, trim: true, delimiter: [',', ';'], relax_column_count: true })
  } catch (e) {
    const line = (e as { lines?: number }).lines
    return { ok: false, errors: [{ row: line ?? 0, message: 'area.import.unreadable' }] }
  }
  if (records.length === 0) return { ok: false, errors: [{ row: 0, message: 'area.import.empty' }] }
  const header = Object.keys(records[0]!)
  const missing = ['village', 'name'].filter((c) => !header.includes(c))
  if (missing.length) return { ok: false, errors: [{ row: 1, message: 'area.import.missingColumns', params: { columns: missing.join(', ') } }] }
  if (records.length > IMPORT_MAX_ROWS) return { ok: false, errors: [{ row: 0, message: 'area.import.tooManyRows', params: { max: IMPORT_MAX_ROWS } }] }

  return db.transaction().execute(async (trx) => {
    const all = await q.listAreas(trx)
    const villages = all.filter((a) => a.level === 'village')
    const byId = new Map(all.map((a) => [a.id, a]))
    const existingNames = new Set(all.filter((a) => a.parentId).map((a) => `${a.parentId}|${a.name.toLowerCase()}`))
    const existingCodes = new Map<string, string>()
    for (const a of all) {
      if (a.kemendagriCode) existingCodes.set(`k|${a.kemendagriCode}`, a.name)
      if (a.bpsCode) existingCodes.set(`b|${a.bpsCode}`, a.name)
    }

    const errors: RowError[] = []
    const now = new Date().toISOString()
    const rows: q.Area[] = []
    records.forEach((r, i) => {
      const row = i + 2
      const err = (message: string, params?: Params) => errors.push({ row, message, ...(params ? { params } : {}) })
      const ref = r.village ?? ''
      const name = r.name ?? ''
      const kind = (r.kind || 'lingkungan').toLowerCase()
      if (!ref) return err('area.import.noVillage')
      const matches = villages.filter((v) => v.kemendagriCode === ref || v.bpsCode === ref || v.name.toLowerCase() === ref.toLowerCase())
      if (matches.length === 0) return err('area.import.unknownVillage', { village: ref })
      if (matches.length > 1) return err('area.import.ambiguousVillage', { village: ref })
      const village = matches[0]!
      if (!name) return err('area.import.noName')
      if (name.length > 120) return err('validation.tooLong', { max: 120 })
      if (!isKindOf('neighbourhood', kind)) return err('area.import.badKind', { kind })
      const key = `${village.id}|${name.toLowerCase()}`
      if (existingNames.has(key)) return err('area.import.duplicateName', { name, village: village.name })
      existingNames.add(key)
      const codes = { kemendagriCode: r.kemendagri_code || null, bpsCode: r.bps_code || null }
      for (const [column, system, tag] of [
        ['kemendagriCode', 'kemendagri', 'k'],
        ['bpsCode', 'bps', 'b'],
      ] as const) {
        const code = codes[column]
        if (!code) continue
        if (checkCode(system, 'neighbourhood', code, null)) return err('area.codeFormat', { example: CODE_EXAMPLES.neighbourhood[system] })
        const holder = existingCodes.get(`${tag}|${code}`)
        if (holder) return err('area.codeTaken', { name: holder })
        existingCodes.set(`${tag}|${code}`, name)
      }
      rows.push({ id: crypto.randomUUID(), parentId: village.id, level: 'neighbourhood', kind: kind as q.Area['kind'], name, ...codes, createdAt: now, updatedAt: now })
    })
    if (errors.length) return { ok: false, errors }

    await q.insertAreas(trx, rows)
    const villageNames = [...new Set(rows.map((r) => byId.get(r.parentId!)!.name))]
    await insertAuditEntry(trx, actor, 'area.import', { type: 'area' }, { count: rows.length, villages: villageNames.join(', ') })
    return { ok: true, count: rows.length, villages: villageNames.length }
  })
}
