import { readdirSync, readFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { createTranslator } from '../platform/i18n/i18n.ts'
import { xlsformMessages } from './xlsform-messages.ts'
import { fromXlsForm, slug, XlsFormError, type ImportedXlsForm } from './xlsform-read.ts'
import { rangeOf } from './xlsform-logic.ts'
import { guessLanguage, languageOf } from './xlsform-sheet.ts'
import { rowType } from './xlsform-types.ts'

/**
 * A corpus of XLSForms written after the official XLSForm documentation (xlsform.org), stored as sheets
 * of rows. Each imports to the expected definition (in full, or the parts named in `match`) and the
 * expected per-row problems ([sheet, row, key, params?]), or is refused with the expected problems.
 */
interface Fixture {
  about: string
  fileName?: string
  /** Bytes that are not a workbook, as hex (an old .xls, a text file). */
  raw?: string
  sheets?: Record<string, (string | number)[][]>
  expect: {
    key?: string
    title?: { id: string; en: string }
    intro?: { id: string; en: string }
    definition?: unknown
    match?: unknown
    problems?: [string, number, string, Record<string, unknown>?][]
    refused?: [string, number, string, Record<string, unknown>?][]
  }
}

const dir = new URL('../../test/fixtures/xlsforms/', import.meta.url)
const corpus = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => ({ file, ...(JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as Fixture) }))

async function bytesOf(f: Fixture): Promise<Uint8Array> {
  if (f.raw) return new Uint8Array(Buffer.from(f.raw, 'hex'))
  const book = new ExcelJS.Workbook()
  for (const [name, rows] of Object.entries(f.sheets ?? {})) book.addWorksheet(name).addRows(rows)
  return new Uint8Array(await book.xlsx.writeBuffer())
}

const id = createTranslator(xlsformMessages, 'id')
const en = createTranslator(xlsformMessages, 'en')

function expectProblems(actual: ImportedXlsForm['skipped'], expected: NonNullable<Fixture['expect']['problems']>) {
  expect(actual.map((p) => `${p.sheet}:${p.row}:${p.key}`)).toEqual(expected.map(([sheet, row, key]) => `${sheet}:${row}:${key}`))
  expected.forEach(([, , , params], i) => params && expect(actual[i]!.params).toMatchObject(params))
  // Every problem reads in both languages with all its values filled in.
  for (const p of actual) for (const t of [id, en]) expect(t(p.key, p.params)).not.toMatch(/(?<!\$)\{\w+\}/)
}

describe('the XLSForm corpus', () => {
  it('has at least 25 forms', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(25)
  })

  it.each(corpus)('$file: $about', async (f) => {
    const bytes = await bytesOf(f)
    if (f.expect.refused) {
      const error = await fromXlsForm(bytes, f.fileName).then(
        () => undefined,
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(XlsFormError)
      expectProblems((error as XlsFormError).problems, f.expect.refused)
      return
    }
    const form = await fromXlsForm(bytes, f.fileName)
    expectProblems(form.skipped, f.expect.problems ?? [])
    if (f.expect.key) expect(form.key).toBe(f.expect.key)
    if (f.expect.title) expect(form.title).toEqual(f.expect.title)
    if (f.expect.intro) expect(form.intro).toEqual(f.expect.intro)
    if (f.expect.definition) expect(form.definition).toEqual(f.expect.definition)
    if (f.expect.match) expect(form.definition).toMatchObject(f.expect.match as object)
  })
})

describe('reading XLSForm spellings', () => {
  it.each([
    ['English (en)', 'en'],
    ['english', 'en'],
    ['eng', 'en'],
    ['Indonesian (id)', 'id'],
    ['Bahasa Indonesia (id)', 'id'],
    ['Bahasa', 'id'],
    ['ind', 'id'],
    ['Bahasa Indonesia', 'id'],
    ['Français (fr)', undefined],
    ['Javanese (jv)', undefined],
  ])('reads the language "%s" as %s', (text, lang) => {
    expect(languageOf(text)).toBe(lang)
  })

  it.each([
    ['select_one yn', { type: 'select', multiple: false, list: 'yn', orOther: false }],
    ['select one yn', { type: 'select', multiple: false, list: 'yn', orOther: false }],
    ['select one from yn', { type: 'select', multiple: false, list: 'yn', orOther: false }],
    ['Select_Multiple Apps or_other', { type: 'select', multiple: true, list: 'Apps', orOther: true }],
    ['select all that apply apps', { type: 'select', multiple: true, list: 'apps', orOther: false }],
    ['select_one fromage', { type: 'select', multiple: false, list: 'fromage', orOther: false }],
    ['begin group', { type: 'begin-group' }],
    ['BEGIN_GROUP', { type: 'begin-group' }],
    ['end  group', { type: 'end-group' }],
    ['begin repeat', { type: 'begin-repeat' }],
    ['end', { type: 'refused', reason: 'metadata' }],
    ['select_one_from_file places.csv', { type: 'refused', reason: 'fromFile' }],
    ['select one from file places.csv', { type: 'refused', reason: 'fromFile' }],
    ['calculate', { type: 'refused', reason: 'calculate' }],
    ['int', { type: 'integer' }],
  ])('reads the type "%s"', (raw, type) => {
    expect(rowType(raw)).toEqual(type)
  })

  it('guesses the language of unmarked labels from their words', () => {
    expect(guessLanguage(['Berapa umur anak Anda?', 'Apakah Anda punya anak?'])).toBe('id')
    expect(guessLanguage(['How old is your child?', 'Do you have children?'])).toBe('en')
  })

  it('makes a questionnaire key from a form_id or a file name', () => {
    expect(slug('Pra-tes Orang Tua (final)')).toBe('pra-tes-orang-tua-final')
    expect(slug('Survei_Kobo_2027')).toBe('survei-kobo-2027')
    expect(slug('Évaluation')).toBe('evaluation')
    expect(slug('***')).toBe('')
  })
})

describe('reading a number range', () => {
  it.each([
    ['. >= 0 and . <= 24', { min: 0, max: 24 }],
    ['. >= -3.5', { min: -3.5 }],
    ['.<=10', { max: 10 }],
    ['(. != 7) and . >= 1 and . <= 5', { min: 1, max: 5, rest: '. != 7' }],
    ['(${a} > 1) and (${b} < 2) and . >= 1', undefined],
    ['. > 0 and . < 200', undefined],
    ['. <= ${anggota}', undefined],
    ['. >= 1 or . <= 5', undefined],
  ])('reads "%s" as %j', (constraint, range) => {
    expect(rangeOf(constraint)).toEqual(range)
  })
})
