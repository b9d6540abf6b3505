import { describe, expect, it } from 'vitest'
import { catalogue } from '../messages.ts'
import { createTranslator } from '../platform/i18n/i18n.ts'
import { conditionFields, conditionFromFields } from './item-logic-input.ts'
import { constraintFields, constraintFromFields } from './item-limit-input.ts'
import { itemFromInput, itemInput } from './questionnaire-editing.ts'
import { placeOf } from './item-logic.ts'
import { itemSchema, type Item } from './questionnaire-schema.ts'

const item = (x: Record<string, unknown>): Item => itemSchema.parse({ label: { id: 'L', en: 'L' }, ...x })
const questions = [
  item({ id: 'has_children', kind: 'single', options: [{ value: 'Yes', label: { id: 'Ya', en: 'Yes' } }, { value: 'no', label: { id: 'Tidak', en: 'No' } }] }),
  item({ id: 'devices', kind: 'multiple', options: [{ value: 'phone', label: { id: 'HP', en: 'Phone' } }, { value: 'tablet', label: { id: 'Tablet', en: 'Tablet' } }], other: true }),
  item({ id: 'children', kind: 'number' }),
  item({ id: 'agree', kind: 'likert' }),
  item({ id: 'knows', kind: 'truefalse', dontKnow: true }),
  item({ id: 'visit', kind: 'date' }),
  item({ id: 'village', kind: 'text' }),
]
const en = createTranslator(catalogue, 'en')
const id = createTranslator(catalogue, 'id')

describe('the show-if picker', () => {
  const cases: [string, string, string, string][] = [
    ['has_children', 'eq', 'Yes', "${has_children} = 'Yes'"],
    ['has_children', 'ne', 'no', "${has_children} != 'no'"],
    ['devices', 'selected', 'tablet', "selected(${devices}, 'tablet')"],
    ['devices', 'selected', 'other', "selected(${devices}, 'other')"],
    ['children', 'gte', '3', '${children} >= 3'],
    ['children', 'lte', '-1.5', '${children} <= -1.5'],
    ['children', 'eq', '0', '${children} = 0'],
    ['agree', 'gte', '4', '${agree} >= 4'],
    ['knows', 'eq', 'dont_know', "${knows} = 'dont_know'"],
    ['visit', 'lte', '2026-01-31', "${visit} <= '2026-01-31'"],
    ['village', 'ne', "Pasar O'ung", `\${village} != "Pasar O'ung"`],
  ]
  it.each(cases)('writes %s %s %s as an XLSForm expression and shows it as the same pick again', (q, op, value, expected) => {
    const made = conditionFromFields({ showQ: q, showOp: op, showValue: value }, 'show', questions)
    expect(made).toEqual({ expr: expected })
    expect(conditionFields(expected, 'show', questions)).toEqual({ showQ: q, showOp: op, showValue: value })
  })

  it('shows an expression the picker did not write, or one naming a later question, in the advanced box as written', () => {
    for (const source of ["${has_children} = 'Yes' and ${children} > 0", "${has_children}='maybe'", "${agree} >= '4'", "${later} = 'x'", 'true()']) {
      expect(conditionFields(source, 'show', questions)).toEqual({ showExpr: source })
    }
    // Spacing is not kept, the meaning is: a compact imported expression still opens as the picker.
    expect(conditionFields("${has_children}='Yes'", 'show', questions)).toEqual({ showQ: 'has_children', showOp: 'eq', showValue: 'Yes' })
  })

  it('refuses an operator or value that does not fit the chosen question, naming its options', () => {
    expect(conditionFromFields({ showQ: 'devices', showOp: 'eq', showValue: 'phone' }, 'show', questions).error?.message).toBe('builder.pick.badOp')
    const bad = conditionFromFields({ showQ: 'has_children', showOp: 'eq', showValue: 'yes' }, 'show', questions).error!
    expect(en(bad.message as never, bad.params as never)).toBe('"yes" is not an option of question "has_children". Its options: Yes, no.')
    expect(conditionFromFields({ showQ: 'children', showOp: 'gte', showValue: 'three' }, 'show', questions).error?.field).toBe('showValue')
    expect(conditionFromFields({ showQ: 'gone', showOp: 'eq', showValue: 'x' }, 'show', questions).error?.field).toBe('showQ')
  })

  it('checks an advanced expression and says what is wrong in both languages, next to its own field', () => {
    const message = (source: string, self?: string) => {
      const error = conditionFromFields({ showExpr: source }, 'show', questions, self).error!
      expect(error.field).toBe('showExpr')
      return [id(error.message as never, error.params as never), en(error.message as never, error.params as never)]
    }
    expect(message('pulldata(${children}, 1)')).toEqual([expect.stringContaining('Fungsi "pulldata()" tidak dikenal Jaga.'), expect.stringContaining('Jaga does not know the function "pulldata()".')])
    expect(message("${nobody} = 'x'")).toEqual(['${nobody} bukan pertanyaan sebelum pertanyaan ini di kuesioner ini.', '${nobody} is not a question before this one in this questionnaire.'])
    expect(message("${children} = 'x", undefined)).toEqual([expect.stringContaining('tidak bisa dibaca mulai karakter ke-15'), expect.stringContaining('cannot be read from character 15')])
    expect(message('${village} != ""', 'village')).toEqual([expect.stringContaining('(${village})'), expect.stringContaining('this question’s own answer (${village})')])
    expect(message("regex(${village}, '(a+)+')")[1]).toContain('This regex() pattern is not accepted')
    expect(message('x'.repeat(1001))[1]).toContain('too long')
    // The written "Other" answer of an earlier question can be named too.
    expect(conditionFromFields({ showExpr: "${devices_other} != ''" }, 'show', questions)).toEqual({ expr: "${devices_other} != ''" })
    expect(conditionFromFields({ showExpr: "${village_other} != ''" }, 'show', questions).error?.message).toBe('builder.expr.unknownName')
    expect(conditionFromFields({ showExpr: '${children} > 0 and not(selected(${devices}, "phone"))' }, 'show', questions)).toEqual({ expr: '${children} > 0 and not(selected(${devices}, "phone"))' })
  })
})

describe('limits on an answer', () => {
  const cases: [string, Record<string, string>, string][] = [
    ['number', { min: '0', max: '20' }, '. >= 0 and . <= 20'],
    ['number', { min: '-3' }, '. >= -3'],
    ['number', { max: '2.5' }, '. <= 2.5'],
    ['date', { notFuture: 'yes' }, '. <= today()'],
    ['text', { minLength: '4', maxLength: '4' }, 'string-length(.) >= 4 and string-length(.) <= 4'],
  ]
  it.each(cases)('a %s question’s limits %j become %s and come back as the same limits', (kind, fields, expected) => {
    expect(constraintFromFields(fields, kind as Item['kind'], [])).toEqual({ expr: expected, errors: [] })
    expect(constraintFields(expected, kind as Item['kind'])).toEqual(fields)
  })

  it('keeps a constraint the limits cannot say whole in the advanced box, and joins limits with an advanced constraint', () => {
    for (const source of ['. > 0', ". >= 0 and regex(., '^[0-9]+$')", '. >= 0 and . >= 1', '. >= ${children}']) expect(constraintFields(source, 'number')).toEqual({ constraintExpr: source })
    expect(constraintFields('string-length(.) <= 4', 'number')).toEqual({ constraintExpr: 'string-length(.) <= 4' })
    expect(constraintFromFields({ min: '1', constraintExpr: '. != 13' }, 'number', [])).toEqual({ expr: '. >= 1 and (. != 13)', errors: [] })
  })

  it('refuses a limit that is not a number, one for another kind of question, and an upper limit below the lower one', () => {
    expect(constraintFromFields({ min: 'nol' }, 'number', []).errors).toEqual([{ field: 'min', message: 'builder.limit.number' }])
    expect(constraintFromFields({ maxLength: '10' }, 'number', []).errors).toEqual([{ field: 'maxLength', message: 'builder.limit.wrongKind' }])
    expect(constraintFromFields({ min: '5', max: '1' }, 'number', []).errors).toEqual([{ field: 'max', message: 'builder.limit.order' }])
    expect(constraintFromFields({ constraintExpr: '. > ${nobody}' }, 'number', ['children']).errors[0]).toMatchObject({ field: 'constraintExpr', message: 'builder.expr.unknownQuestion' })
  })
})

describe('the question form as an item', () => {
  const form = (fields: Record<string, string>) => itemInput.parse({ id: 'q9', kind: 'number', labelId: 'Berapa?', labelEn: 'How many?', ...fields })
  const place = placeOf([{ items: questions }], { section: 0 })

  it('makes an item with hint, show-if, required-if, limits and their message, and whole numbers only', () => {
    const { item: made, errors } = itemFromInput(
      form({ hintId: 'Anak kandung', hintEn: 'Own children', showQ: 'has_children', showOp: 'eq', showValue: 'Yes', required: 'when', reqQ: 'agree', reqOp: 'gte', reqValue: '4', min: '0', max: '20', integer: 'yes', constraintMsgId: 'Antara 0 dan 20.', constraintMsgEn: 'Between 0 and 20.' }),
      place,
    )
    expect(errors).toEqual([])
    expect(made).toMatchObject({
      hint: { id: 'Anak kandung', en: 'Own children' },
      relevant: "${has_children} = 'Yes'",
      requiredIf: '${agree} >= 4',
      required: false,
      constraint: '. >= 0 and . <= 20',
      constraintMessage: { id: 'Antara 0 dan 20.', en: 'Between 0 and 20.' },
      integer: true,
    })
  })

  it('keeps option codes as written, names an unusable one, and adds "Other" and "Don’t know" only where they fit', () => {
    const choice = itemFromInput(form({ kind: 'single', options: 'SD | SD | Primary\nSMP-1 | SMP | Junior high', answer: 'sd', other: 'yes' }), place)
    expect(choice.item).toMatchObject({ options: [{ value: 'SD' }, { value: 'SMP-1' }], answer: 'SD', other: true })
    const bad = itemFromInput(form({ kind: 'single', options: 'ok | Ya | Yes\ntidak ada | Tidak | No' }), place).errors[0]!
    expect(en(bad.message as never, bad.params as never)).toContain('The option code "tidak ada" cannot be used')
    expect(itemFromInput(form({ kind: 'truefalse', dontKnow: 'yes' }), place).item).toMatchObject({ dontKnow: true })
    expect(itemFromInput(form({ kind: 'text', dontKnow: 'yes' }), place).errors).toEqual([{ field: 'dontKnow', message: 'builder.limit.wrongKind' }])
    expect(itemFromInput(form({ kind: 'date', notFuture: 'yes' }), place).item).toMatchObject({ kind: 'date', constraint: '. <= today()' })
  })
})
