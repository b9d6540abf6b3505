import { readdirSync, readFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { pyxformViolations } from '../../test/xlsform-rules.ts'
import { fromXlsForm, XlsFormError } from './xlsform-read.ts'
import { toXlsForm } from './xlsform-write.ts'

// X3's corpus (test/fixtures/xlsforms/): every form that imports is written out again, and reads back equal.
const dir = new URL('../../test/fixtures/xlsforms/', import.meta.url)
const corpus = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => ({ file, ...(JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as { fileName?: string; raw?: string; sheets?: Record<string, (string | number)[][]> }) }))
  .filter((f) => f.sheets && !f.raw)

async function bytesOf(sheets: Record<string, (string | number)[][]>): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook()
  for (const [name, rows] of Object.entries(sheets)) book.addWorksheet(name).addRows(rows)
  return new Uint8Array(await book.xlsx.writeBuffer())
}

describe('the XLSForm corpus, exported again', () => {
  it('has forms that import', async () => {
    let imported = 0
    for (const f of corpus) imported += await fromXlsForm(await bytesOf(f.sheets!), f.fileName).then(() => 1, () => 0)
    expect(imported).toBeGreaterThanOrEqual(25)
  }, 120_000) // each form is parsed in a worker thread

  it.each(corpus.map((f) => [f.file, f] as const))('%s: if it imports, its export keeps pyxform’s rules and imports back equal', async (_file, f) => {
    let first
    try {
      first = await fromXlsForm(await bytesOf(f.sheets!), f.fileName)
    } catch (e) {
      if (e instanceof XlsFormError) return // refused forms are X3's corpus tests' business
      throw e
    }
    const bytes = await toXlsForm({ key: first.key, title: first.title, version: 1, ...(first.intro ? { intro: first.intro } : {}) }, first.definition)
    expect(await pyxformViolations(bytes)).toEqual([])
    const back = await fromXlsForm(bytes)
    expect(back.skipped).toEqual([])
    expect(back.key).toBe(first.key)
    expect(back.definition).toEqual(first.definition)
    if (first.intro) expect(back.intro).toEqual(first.intro)
  })
})
