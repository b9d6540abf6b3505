// Taking an XLSForm in: read it (nothing saved), say what saving would do, then save. The page
// (questionnaire-import-routes.tsx) and the API (questionnaire-api-routes.tsx) share these steps.
import type { T } from '../messages.ts'
import type { Deps } from '../app-env.ts'
import type { Params } from '../platform/i18n/i18n.ts'
import * as q from './evaluation-queries.ts'
import { importedKind } from './questionnaires.ts'
import { fromXlsForm, MAX_XLSFORM_BYTES, XlsFormError, XlsxLimitError, type ImportedXlsForm } from './xlsform.ts'

/** A row that was not kept: the reader gives a message key and its params (or, before it did, an English message). */
export interface NotKept {
  sheet: string
  row: number
  key?: string
  params?: Params
  message?: string
}

export const notKeptText = (t: T, p: NotKept): string => (p.key ? t(p.key as never, p.params) : (p.message ?? ''))

export type ReadResult = { ok: true; form: ImportedXlsForm; notKept: NotKept[] } | { ok: false; error: string; problems: NotKept[] }

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04
/** An old binary .xls: the reader says "save it as .xlsx" in its own words. */
const isXls = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0

/** Reads an uploaded workbook. Nothing is saved; errors come back in the user's language. */
export async function readUploadedXlsForm(t: T, bytes: Uint8Array, fileName?: string): Promise<ReadResult> {
  // An .xlsx is a zip archive: anything else (an image, a video) is refused unread.
  if (!isZip(bytes) && !isXls(bytes)) return { ok: false, error: t('questionnaire.notXlsx'), problems: [] }
  try {
    const form = await fromXlsForm(bytes, fileName)
    return { ok: true, form, notKept: form.skipped }
  } catch (e) {
    if (e instanceof XlsFormError) return { ok: false, error: t('questionnaire.unusable'), problems: e.problems }
    // Too big, too compressible or too heavy to read: refused before or while parsing.
    if (e instanceof XlsxLimitError) return { ok: false, error: t(e.key, e.params), problems: [] }
    throw e
  }
}

export type ImportTarget = { kind: 'new'; version: 1 } | { kind: 'version'; latest: number; version: number } | { kind: 'shipped' }

/** What Save would do with this key: a new questionnaire, a new version of one, or nothing (a shipped key). */
export async function importTarget(db: Deps['db'], key: string): Promise<ImportTarget> {
  const existing = await q.findQuestionnaireByKey(db, key)
  if (!existing) return { kind: 'new', version: 1 }
  if (existing.origin === 'shipped') return { kind: 'shipped' }
  const latest = (await q.findLatestVersion(db, existing.id))?.version ?? 0
  return { kind: 'version', latest, version: latest + 1 }
}

/**
 * A new version keeps its questionnaire's kind (questionnaires.ts saveImportedQuestionnaire): when the file
 * alone would make it another kind, a line that says so, with the other rows not kept; else none.
 */
export async function kindKeptNote(db: Deps['db'], t: T, key: string, definition: ImportedXlsForm['definition']): Promise<NotKept[]> {
  const existing = await q.findQuestionnaireByKey(db, key)
  if (!existing || existing.origin === 'shipped') return []
  const imported = importedKind(definition)
  if (existing.kind === imported) return []
  return [{ sheet: 'settings', row: 0, key: 'importPreview.kindKept', params: { key, kept: t(`questionnaire.kind.${existing.kind}` as never), imported: t(`questionnaire.kind.${imported}`) } }]
}

/** The file carried from the preview to Save in a hidden field: base64url has no character a form encoding grows. */
export const MAX_CARRIED_CHARS = Math.ceil((MAX_XLSFORM_BYTES * 4) / 3) + 4
export const carryBytes = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url')
export function carriedBytes(text: string | undefined): Uint8Array | undefined {
  if (!text || text.length > MAX_CARRIED_CHARS || !/^[A-Za-z0-9_-]+$/.test(text)) return undefined
  return new Uint8Array(Buffer.from(text, 'base64url'))
}
