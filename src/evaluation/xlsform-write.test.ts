import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { pyxformViolations, sheetOf } from '../../test/xlsform-rules.ts'
import { definitionSchema, type Definition } from './questionnaire-schema.ts'
import { readShippedQuestionnaires } from './questionnaires.ts'
import { fromXlsForm } from './xlsform.ts'
import { isJagaOwnRow, toXlsForm } from './xlsform-write.ts'

const b = (id: string, en: string) => ({ id, en })

/** A questionnaire with every field the model has. */
export const everyField: Definition = definitionSchema.parse({
  sections: [
    {
      items: [
        { id: 'district', kind: 'single', label: b('Kecamatan', 'District'), list: 'districts', required: true, options: [{ value: 'amplas', label: b('Medan Amplas', 'Medan Amplas') }, { value: 'johor', label: b('Medan Johor', 'Medan Johor') }] },
        {
          id: 'village',
          kind: 'single',
          label: b('Kelurahan', 'Village'),
          list: 'villages',
          choiceFilter: 'district=${district}',
          options: [
            { value: 'harjosari', label: b('Harjosari I', 'Harjosari I'), filter: { district: 'amplas' } },
            { value: 'timbang', label: b('Timbang Deli', 'Timbang Deli'), filter: { district: 'amplas' } },
            { value: 'kwala', label: b('Kwala Bekala', 'Kwala Bekala'), filter: { district: 'johor' } },
          ],
        },
        { id: 'has_children', kind: 'truefalse', dontKnow: true, required: true, label: b('Anda punya anak?', 'Do you have children?'), hint: b('Termasuk anak angkat.', 'Adopted children count.') },
        {
          id: 'children',
          kind: 'number',
          integer: true,
          label: b('Berapa anak?', 'How many children?'),
          relevant: "${has_children} = 'true'",
          requiredIf: "${has_children} = 'true'",
          constraint: '. >= 1 and . <= 20',
          constraintMessage: b('Tulis angka 1 sampai 20.', 'Write a number from 1 to 20.'),
        },
        { id: 'Hours.per-day', kind: 'number', label: b('Jam daring sehari', 'Hours online a day'), default: '1.5' },
        { id: 'visit_date', kind: 'date', label: b('Tanggal kunjungan', 'Date of the visit') },
        { id: 'apps', kind: 'multiple', other: true, list: 'apps', label: b('Aplikasi anak', 'The child’s apps'), options: [{ value: 'wa', label: b('WhatsApp', 'WhatsApp') }, { value: 'tiktok', label: b('TikTok', 'TikTok') }] },
        { id: 'calm', kind: 'likert', required: true, label: b('Saya tenang membicarakannya.', 'I am calm talking about it.') },
        { id: 'law', kind: 'truefalse', required: true, answer: 'true', topic: 'law', label: b('Anak adalah yang belum 18 tahun.', 'A child is under 18.') },
      ],
    },
    {
      title: b('Untuk orang tua', 'For parents'),
      relevant: "${has_children} = 'true'",
      items: [
        { id: 'note_parents', kind: 'note', label: b('Beberapa pertanyaan lagi.', 'A few more questions.') },
        { id: 'comments', kind: 'text', label: b('Komentar', 'Comments'), default: '-' },
      ],
    },
  ],
})

async function load(bytes: Buffer) {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(bytes as never)
  return book
}

const meta = { key: 'uji-lengkap', title: b('Uji lengkap', 'Full test'), version: 4, intro: b('Terima kasih sudah mengisi.', 'Thank you for answering.') }

describe('XLSForm export', () => {
  it('writes every shipped questionnaire so that pyxform’s documented rules hold, and reads each back equal', async () => {
    for (const shipped of readShippedQuestionnaires()) {
      const bytes = await toXlsForm({ key: shipped.key, title: shipped.title, version: 2, intro: shipped.intro }, shipped.definition)
      expect(await pyxformViolations(bytes), shipped.key).toEqual([])
      const back = await fromXlsForm(bytes)
      expect(back.key).toBe(shipped.key)
      expect(back.definition, shipped.key).toEqual(shipped.definition)
    }
  })

  it('writes every field of the model in the columns other tools read, and reads them back equal', async () => {
    const bytes = await toXlsForm(meta, everyField)
    expect(await pyxformViolations(bytes)).toEqual([])
    const book = await load(bytes)
    const survey = sheetOf(book, 'survey')!
    const row = (name: string) => survey.rows.find((r) => r.get('name') === name)!
    expect(survey.rows[0]!.get('type')).toBe('note')
    expect(survey.rows[0]!.get('label::English (en)')).toBe('Thank you for answering.')
    expect(row('village').get('choice_filter')).toBe('district=${district}')
    expect(row('has_children').get('type')).toBe('select_one truefalse_dontknow')
    expect(row('has_children').get('jaga_kind')).toBe('truefalse_dontknow')
    expect(row('has_children').get('hint::Indonesian (id)')).toBe('Termasuk anak angkat.')
    expect(row('children').get('type')).toBe('integer')
    expect(row('children').get('required')).toBe("${has_children} = 'true'")
    expect(row('children').get('constraint_message::English (en)')).toBe('Write a number from 1 to 20.')
    expect(row('Hours.per-day').get('type')).toBe('decimal')
    expect(row('Hours.per-day').get('default')).toBe('1.5')
    expect(row('visit_date').get('type')).toBe('date')
    expect(row('apps').get('type')).toBe('select_multiple apps')
    expect(row('apps_other').get('jaga_kind')).toBe('other_text')
    expect(row('calm').get('jaga_kind')).toBe('likert')
    expect(row('law').get('jaga_answer')).toBe('true')
    expect(row('section_2').get('type')).toBe('begin_group')
    expect(row('section_2').get('relevant')).toBe("${has_children} = 'true'")
    const choices = sheetOf(book, 'choices')!
    expect(choices.header).toContain('district')
    expect(choices.rows.find((r) => r.get('name') === 'kwala')!.get('district')).toBe('johor')
    const settings = sheetOf(book, 'settings')!.rows[0]!
    expect([settings.get('form_title'), settings.get('form_id'), settings.get('version'), settings.get('default_language')]).toEqual(['Uji lengkap', 'uji-lengkap', '4', 'Indonesian (id)'])

    const back = await fromXlsForm(bytes)
    expect(back.skipped).toEqual([])
    expect(back.definition).toEqual(everyField)
  })

  it('writes a questionnaire in one language with that language’s columns only, as its default language', async () => {
    const english = definitionSchema.parse({
      language: 'en',
      sections: [{ items: [{ id: 'age', kind: 'number', integer: true, label: b('Your age', 'Your age'), hint: b('In years', 'In years') }, { id: 'ok', kind: 'single', label: b('Fine?', 'Fine?'), options: [{ value: 'y', label: b('Yes', 'Yes') }, { value: 'n', label: b('No', 'No') }] }] }],
    })
    const bytes = await toXlsForm({ key: 'english-only', title: b('Only English', 'Only English'), version: 1 }, english)
    expect(await pyxformViolations(bytes)).toEqual([])
    const book = await load(bytes)
    expect(sheetOf(book, 'survey')!.header.filter((h) => h.includes('::'))).toEqual(['label::English (en)', 'hint::English (en)'])
    expect(sheetOf(book, 'choices')!.header).toEqual(['list_name', 'name', 'label::English (en)'])
    expect(sheetOf(book, 'settings')!.rows[0]!.get('default_language')).toBe('English (en)')
    expect((await fromXlsForm(bytes)).definition).toEqual(english)
  })

  it('adds a session’s code questions as text questions with constraints Kobo enforces, which a re-import recognises and skips', async () => {
    const bytes = await toXlsForm({ ...meta, codeElements: ['mother', 'day', 'own2'] }, everyField)
    expect(await pyxformViolations(bytes)).toEqual([])
    const survey = sheetOf(await load(bytes), 'survey')!
    const codes = survey.rows.filter((r) => r.get('jaga_kind') === 'code')
    expect(codes.map((r) => [r.get('type'), r.get('name'), r.get('required'), r.get('constraint')])).toEqual([
      ['text', 'jaga_code_mother', 'yes', "regex(., '^[A-Za-z]{2}$')"],
      ['text', 'jaga_code_day', 'yes', "regex(., '^[0-9]{1,2}$') and . >= 1 and . <= 31"],
      ['text', 'jaga_code_own2', 'yes', "regex(., '^[A-Za-z]{1}$')"],
    ])
    expect(codes[1]!.get('constraint_message::Indonesian (id)')).toBe('Tulis angka 1 sampai 31.')
    expect(codes[0]!.get('constraint_message::English (en)')).toBe('Write 2 letters (A–Z).')
    expect(isJagaOwnRow('jaga_code_day', 'code')).toBe(true)
    expect(isJagaOwnRow('mother', 'code')).toBe(false)
    const back = await fromXlsForm(bytes)
    expect(back.skipped).toEqual([])
    expect(back.definition).toEqual(everyField)
  })

  it('keeps two items that share a list name but not its options apart, so each list is written once', async () => {
    const two = definitionSchema.parse({
      sections: [{ items: ['a', 'b'].map((id, i) => ({ id, kind: 'single', list: 'yn', label: b(`Soal ${id}`, `Question ${id}`), options: [{ value: 'y', label: b('Ya', 'Yes') }, { value: i ? 'no' : 'n', label: b('Tidak', 'No') }] })) }],
    })
    const bytes = await toXlsForm({ key: 'dua', title: b('Dua', 'Two'), version: 1 }, two)
    expect(await pyxformViolations(bytes)).toEqual([])
    expect(sheetOf(await load(bytes), 'survey')!.rows.map((r) => r.get('type'))).toEqual(['select_one yn', 'select_one yn_b'])
  })

  it('has a rule check that names each broken pyxform rule, so a passing export means something', async () => {
    const book = new ExcelJS.Workbook()
    book.addWorksheet('survey').addRows([
      ['type', 'name', 'label::Indonesian (id)', 'label::English (en)', 'hint::Indonesian (id)', 'hint::English (en)'],
      ['begin_group', 'g', 'Bagian', 'Part', '', ''],
      ['select_one nolist', 'q 1', 'Soal', 'Question', 'Petunjuk', ''],
      ['text', 'q2', '', 'Question 2', '', ''],
      ['text', 'q2', 'Soal 3', 'Question 3', '', ''],
    ])
    book.addWorksheet('choices').addRows([['list_name', 'name', 'label::Indonesian (id)', 'label::English (en)']])
    book.addWorksheet('settings').addRows([['form_title', 'form_id', 'version', 'default_language'], ['T', 't', 3, 'Indonesian (id)']])
    expect(await pyxformViolations(Buffer.from(await book.xlsx.writeBuffer()))).toEqual([
      'settings: version must be a string cell',
      'survey row 3: name "q 1" is not a valid XML name',
      'survey row 3: hint missing in a language',
      'survey row 3: list "nolist" is not in the choices sheet',
      'survey row 4: no label in the default language',
      'survey row 4: label missing in a language',
      'survey row 5: name "q2" used twice',
      'survey: 1 begin_group without end_group',
    ])
  })
})
