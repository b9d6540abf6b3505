import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { pyxformViolations, sheetOf } from '../../test/xlsform-rules.ts'
import { definitionSchema, type Definition } from './questionnaire-schema.ts'
import { fromXlsForm } from './xlsform-read.ts'
import { toXlsForm } from './xlsform-write.ts'

const b = (id: string, en: string) => ({ id, en })
const meta = { key: 'lainnya', title: b('Lainnya', 'Other'), version: 1 }

async function load(bytes: Buffer) {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(bytes as never)
  return book
}

async function workbook(sheets: Record<string, string[][]>): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  for (const [name, rows] of Object.entries(sheets)) book.addWorksheet(name).addRows(rows)
  return Buffer.from(await book.xlsx.writeBuffer())
}

const withOther: Definition = definitionSchema.parse({
  sections: [
    {
      items: [
        { id: 'district', kind: 'single', label: b('Kecamatan', 'District'), options: [{ value: 'amplas', label: b('Amplas', 'Amplas') }, { value: 'johor', label: b('Johor', 'Johor') }] },
        {
          id: 'source',
          kind: 'single',
          other: true,
          required: true,
          label: b('Dari mana Anda tahu?', 'Where did you hear of it?'),
          choiceFilter: 'district=${district}',
          options: [
            { value: 'school', label: b('Sekolah', 'School'), filter: { district: 'amplas' } },
            { value: 'clinic', label: b('Puskesmas', 'Health centre'), filter: { district: 'johor' } },
          ],
        },
        { id: 'apps', kind: 'multiple', other: true, label: b('Aplikasi', 'Apps'), options: [{ value: 'wa', label: b('WhatsApp', 'WhatsApp') }, { value: 'tiktok', label: b('TikTok', 'TikTok') }] },
      ],
    },
  ],
})

describe('XLSForm "Other" without pyxform warnings', () => {
  it('writes Other as an explicit choice and a marked text row instead of or_other, and reads it back as one item', async () => {
    const bytes = await toXlsForm(meta, withOther)
    expect(await pyxformViolations(bytes)).toEqual([])
    const book = await load(bytes)
    const survey = sheetOf(book, 'survey')!
    expect(survey.rows.map((r) => [r.get('type'), r.get('name'), r.get('relevant'), r.get('required'), r.get('jaga_kind')])).toEqual([
      ['select_one district_choices', 'district', '', '', ''],
      ['select_one source_choices', 'source', '', 'yes', ''],
      ['text', 'source_other', "selected(${source}, 'other')", 'yes', 'other_text'],
      ['select_multiple apps_choices', 'apps', '', '', ''],
      ['text', 'apps_other', "selected(${apps}, 'other')", 'yes', 'other_text'],
    ])
    // Another tool filters choices by the expression: Jaga offers Other whatever the filter says.
    expect(survey.rows[1]!.get('choice_filter')).toBe("(district=${district}) or name = 'other'")
    expect(survey.rows[2]!.get('label::Indonesian (id)')).toBe('Tuliskan jawaban lainnya')
    const other = sheetOf(book, 'choices')!.rows.filter((r) => r.get('name') === 'other')
    expect(other.map((r) => [r.get('list_name'), r.get('label::Indonesian (id)'), r.get('label::English (en)')])).toEqual([
      ['source_choices', 'Lainnya (tuliskan)', 'Other (please write)'],
      ['apps_choices', 'Lainnya (tuliskan)', 'Other (please write)'],
    ])
    const back = await fromXlsForm(bytes)
    expect(back.skipped).toEqual([])
    expect(back.definition).toEqual(withOther)
  })

  it('writes a one-language form the same way, with Other in that language, and reads it back equal', async () => {
    const indonesian = definitionSchema.parse({
      language: 'id',
      sections: [{ items: [{ id: 'q', kind: 'single', other: true, label: b('Pilih', 'Pilih'), options: [{ value: 'a', label: b('A', 'A') }, { value: 'b', label: b('B', 'B') }] }] }],
    })
    const bytes = await toXlsForm(meta, indonesian)
    expect(await pyxformViolations(bytes)).toEqual([])
    const book = await load(bytes)
    expect(sheetOf(book, 'survey')!.rows.map((r) => r.get('type'))).toEqual(['select_one q_choices', 'text'])
    expect(sheetOf(book, 'choices')!.rows.at(-1)!.get('label::Indonesian (id)')).toBe('Lainnya (tuliskan)')
    const back = await fromXlsForm(bytes)
    expect(back.skipped).toEqual([])
    expect(back.definition).toEqual(indonesian)
  })

  it('names it when the Other labels were changed in another tool, since the form shows Jaga’s own words', async () => {
    const bytes = await workbook({
      survey: [
        ['type', 'name', 'label::Indonesian (id)', 'label::English (en)', 'relevant', 'required', 'jaga_kind'],
        ['select_one s', 's', 'Sumber', 'Source', '', '', ''],
        ['text', 's_other', 'Sebutkan', 'Specify', "selected( ${s} , 'other' )", 'yes', 'other_text'],
      ],
      choices: [
        ['list_name', 'name', 'label::Indonesian (id)', 'label::English (en)'],
        ['s', 'tv', 'TV', 'TV'],
        ['s', 'radio', 'Radio', 'Radio'],
        ['s', 'other', 'Lainnya (tuliskan)', 'Other (please write)'],
      ],
      settings: [['form_id', 'default_language'], ['s', 'Indonesian (id)']],
    })
    const form = await fromXlsForm(bytes)
    expect(form.definition.sections[0]!.items).toMatchObject([{ id: 's', other: true, options: [{ value: 'tv' }, { value: 'radio' }] }])
    expect(form.skipped.map((p) => [p.sheet, p.row, p.key, p.params['name']])).toEqual([['survey', 3, 'xlsform.other.labels', 's']])
    expect(form.skipped[0]!.message).toContain('Other (please write)')
  })

  it('keeps a marked text row as an ordinary question when it does not follow the shape Jaga writes', async () => {
    const bytes = await workbook({
      survey: [
        ['type', 'name', 'label::Indonesian (id)', 'label::English (en)', 'relevant', 'jaga_kind'],
        ['select_one s', 's', 'Sumber', 'Source', '', ''],
        ['text', 's_other', 'Sebutkan', 'Specify', "${s} = 'tv'", 'other_text'],
      ],
      choices: [
        ['list_name', 'name', 'label::Indonesian (id)', 'label::English (en)'],
        ['s', 'tv', 'TV', 'TV'],
        ['s', 'radio', 'Radio', 'Radio'],
        ['s', 'other', 'Lainnya', 'Other'],
      ],
      settings: [['form_id', 'default_language'], ['s', 'Indonesian (id)']],
    })
    const form = await fromXlsForm(bytes)
    expect(form.skipped).toEqual([])
    expect(form.definition.sections[0]!.items.map((i) => [i.id, i.kind, i.other, i.options?.length, i.relevant])).toEqual([
      ['s', 'single', undefined, 3, undefined],
      ['s_other', 'text', undefined, undefined, "${s} = 'tv'"],
    ])
  })

  it('has a rule that refuses or_other in a form with translations, as pyxform warns of it', async () => {
    const bytes = await workbook({
      survey: [
        ['type', 'name', 'label::Indonesian (id)', 'label::English (en)'],
        ['select_one s or_other', 's', 'Sumber', 'Source'],
      ],
      choices: [
        ['list_name', 'name', 'label::Indonesian (id)', 'label::English (en)'],
        ['s', 'tv', 'TV', 'TV'],
        ['s', 'radio', 'Radio', 'Radio'],
      ],
      settings: [['form_title', 'form_id', 'version', 'default_language'], ['S', 's', '1', 'Indonesian (id)']],
    })
    expect(await pyxformViolations(bytes)).toEqual(['survey row 2: or_other with translations'])
  })
})

describe('XLSForm export of number limits (min/max)', () => {
  const number = (id: string, extra: Record<string, unknown>) => ({ id, kind: 'number', label: b(`Soal ${id}`, `Question ${id}`), ...extra })
  const limits: Definition = definitionSchema.parse({
    sections: [
      {
        items: [
          number('both', { min: 0, max: 24, integer: true }),
          number('low', { min: -5 }),
          number('high', { max: 2.5 }),
          number('tiny', { min: 1e-7, max: 1e21 }),
          number('with_rule', { min: 1, max: 10, constraint: '. != 5', constraintMessage: b('Bukan 5.', 'Not 5.') }),
          number('range_rule', { constraint: '. >= 1 and . <= 20', constraintMessage: b('1 sampai 20.', '1 to 20.') }),
          number('range_and_limits', { min: 0, max: 30, constraint: '. >= 1 and . <= 20' }),
          // As the builder writes limits: a constraint, not min/max.
          number('builder_range', { integer: true, constraint: '. >= 1 and . <= 20' }),
        ],
      },
    ],
  })

  it('writes min/max as a constraint other tools enforce, and reads each item back equal', async () => {
    const bytes = await toXlsForm(meta, limits)
    expect(await pyxformViolations(bytes)).toEqual([])
    const survey = sheetOf(await load(bytes), 'survey')!
    expect(Object.fromEntries(survey.rows.map((r) => [r.get('name'), [r.get('constraint'), r.get('jaga_limits')]]))).toEqual({
      both: ['. >= 0 and . <= 24', '0..24'],
      low: ['. >= -5', '-5..'],
      high: ['. <= 2.5', '..2.5'],
      tiny: ['. >= 0.0000001 and . <= 1000000000000000000000', '0.0000001..1000000000000000000000'],
      with_rule: ['(. != 5) and . >= 1 and . <= 10', '1..10'],
      range_rule: ['. >= 1 and . <= 20', '..'],
      range_and_limits: ['(. >= 1 and . <= 20) and . >= 0 and . <= 30', '0..30'],
      builder_range: ['. >= 1 and . <= 20', '..'],
    })
    const back = await fromXlsForm(bytes)
    expect(back.skipped).toEqual([])
    expect(back.definition).toEqual(limits)
  })

  it('writes no range constraint for limits left on an item that is not a number, which Jaga does not enforce', async () => {
    const text = definitionSchema.parse({ sections: [{ items: [{ id: 't', kind: 'text', label: b('Teks', 'Text'), min: 1, max: 3 }] }] })
    const survey = sheetOf(await load(await toXlsForm(meta, text)), 'survey')!
    expect(survey.rows[0]!.get('constraint')).toBe('')
  })
  it('reads a range written elsewhere, without Jaga’s mark, as min/max as before, and a mark edited out of step with the constraint is not trusted', async () => {
    const bytes = await workbook({
      survey: [
        ['type', 'name', 'label::Indonesian (id)', 'label::English (en)', 'constraint', 'jaga_limits'],
        ['integer', 'age', 'Umur', 'Age', '. >= 0 and . <= 120', ''],
        ['integer', 'kids', 'Anak', 'Children', '. >= 0 and . <= 15', '0..20'],
      ],
      settings: [['form_id', 'default_language'], ['batas', 'Indonesian (id)']],
    })
    const form = await fromXlsForm(bytes)
    expect(form.skipped).toEqual([])
    expect(form.definition.sections[0]!.items.map((i) => [i.id, i.min, i.max, i.constraint])).toEqual([
      ['age', 0, 120, undefined],
      ['kids', 0, 15, undefined],
    ])
  })
})
