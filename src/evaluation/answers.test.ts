import crypto from 'node:crypto'
import { describe, expect, it, vi } from 'vitest'
import { logicDefinition } from '../../test/logic-questionnaire.ts'
import { checkSubmission, isIsoDate, type CheckOptions } from './answers.ts'
import { csvCellToAnswer } from './csv-import.ts'
import { cellToAnswer } from './paper-entry.ts'
import { itemsOf } from './questionnaire-schema.ts'

const base = { has_children: 'yes', children: '2', visit: '2026-11-30', job: 'farmer', district: 'amplas', village: 'harjosari', k1: 'true', k2: 'true', k3: 'false', k4: 'true' }
const check = (answers: Record<string, string | string[]>, options: CheckOptions = {}) =>
  checkSubmission(logicDefinition, [], { id: crypto.randomUUID(), code: {}, answers }, ['dipaksa'], { today: '2026-12-01', ...options })
const fieldsOf = (r: ReturnType<typeof check>) => Object.fromEntries(r.errors.map((e) => [e.field, e.message]))

describe('checking answers against skip logic', () => {
  it('drops the answers to questions that were not shown, without checking them, and does not count a hidden scored question', () => {
    const r = check({ ...base, has_children: 'no', why_none: 'ingin tahu', children: '2.5' })
    expect(r.errors).toEqual([])
    expect(r.value!.answers).not.toHaveProperty('children')
    expect(r.value!.answers).not.toHaveProperty('k2')
    expect(r.value!.dropped.sort()).toEqual(['children', 'k2'])
    expect([r.value!.score, r.value!.maxScore]).toEqual([3, 3])
    expect([check(base).value!.score, check(base).value!.maxScore]).toEqual([4, 4])
  })

  it('requires a shown question that is required, and one whose required-if holds, but not a hidden one', () => {
    expect(fieldsOf(check({ ...base, children: '' }))).toEqual({ 'a.children': 'collect.required' })
    expect(fieldsOf(check({ ...base, has_children: 'no' }))).toEqual({ 'a.why_none': 'collect.required' })
    expect(check({ ...base, why_none: '' }).errors).toEqual([])
  })

  it('refuses an answer to a hidden question by name when staff typed it', () => {
    expect(check({ ...base, has_children: 'no', why_none: 'x' }, { hiddenAnswers: 'refuse' }).errors).toEqual([
      { field: 'a.children', message: 'logic.notShown' },
      { field: 'a.k2', message: 'logic.notShown' },
    ])
  })
})

describe('checking one answer', () => {
  it('takes the server’s day in Jakarta without making a date formatter for each answer', () => {
    const made = vi.spyOn(Intl, 'DateTimeFormat')
    try {
      for (let i = 0; i < 3; i++) expect(checkSubmission(logicDefinition, [], { id: crypto.randomUUID(), code: {}, answers: base }, [], {}).errors).toEqual([])
      expect(made).not.toHaveBeenCalled()
    } finally {
      made.mockRestore()
    }
  })

  it('refuses a failed constraint with the questionnaire’s own message in both languages, or a general one', () => {
    expect(check({ ...base, children: '-3' }).errors).toEqual([{ field: 'a.children', message: 'logic.constraintOwn', params: { id: 'Jumlah anak antara 1 dan 20.', en: 'The number of children is between 1 and 20.' } }])
    expect(check({ ...base, visit: '2019-12-31' }).errors).toEqual([{ field: 'a.visit', message: 'logic.constraint' }])
  })

  it('refuses 2.5 for a whole-number question', () => {
    expect(fieldsOf(check({ ...base, children: '2.5' }))).toEqual({ 'a.children': 'logic.integer' })
    expect(fieldsOf(check({ ...base, children: '2,5' }))).toEqual({ 'a.children': 'logic.integer' })
    expect(check({ ...base, children: '3' }).value!.answers['children']).toBe(3)
  })

  it('takes a real calendar date between 1900 and 2100 written YYYY-MM-DD', () => {
    for (const bad of ['2026-02-30', '30/11/2026', '1899-12-31', '2101-01-01', '2026-1-5']) expect(fieldsOf(check({ ...base, visit: bad })), bad).toEqual({ 'a.visit': 'logic.date' })
    expect(check({ ...base, visit: '2024-02-29' }).value!.answers['visit']).toBe('2024-02-29')
    expect([isIsoDate('2100-12-31'), isIsoDate('1900-01-01'), isIsoDate('2023-02-29')]).toEqual([true, true, false])
  })

  it('needs the written answer of "Other", kept as its own key, blanked and checked for disclosure like any text', () => {
    expect(fieldsOf(check({ ...base, job: 'other' }))).toEqual({ 'a.job_other': 'logic.otherText' })
    expect(fieldsOf(check({ ...base, job: 'other', job_other: 'x'.repeat(1001) }))).toEqual({ 'a.job_other': 'collect.tooLong' })
    const kept = check({ ...base, job: 'other', job_other: 'ojek, hubungi 0812 3456 7890' }).value!
    expect(kept.answers['job']).toBe('other')
    expect(kept.answers['job_other']).not.toContain('3456')
    expect(kept.blanked).toBe(true)
    const told = check({ ...base, job: 'other', job_other: 'saya dipaksa bekerja' }).value!
    expect(told.answers).not.toHaveProperty('job_other')
    expect(told.disclosures).toEqual([{ itemId: 'job_other', text: 'saya dipaksa bekerja' }])
    expect(check({ ...base, job: 'trader', job_other: 'ignored' }).value!.answers).not.toHaveProperty('job_other')
  })

  it('takes "don’t know" for a true/false item that offers it and scores it wrong, and refuses it elsewhere', () => {
    const r = check({ ...base, k1: 'dont_know' }).value!
    expect(r.answers['k1']).toBe('dont_know')
    expect([r.score, r.maxScore]).toEqual([3, 4])
    expect(fieldsOf(check({ ...base, k3: 'dont_know' }))).toEqual({ 'a.k3': 'collect.choose' })
  })

  it('refuses a choice that the choice filter does not offer under the current answers', () => {
    expect(fieldsOf(check({ ...base, village: 'kedai_durian' }))).toEqual({ 'a.village': 'logic.notOffered' })
    expect(check({ ...base, district: 'johor', village: 'kedai_durian' }).errors).toEqual([])
  })
})

describe('paper and CSV cells for the new kinds', () => {
  const item = (id: string) => itemsOf(logicDefinition).find((i) => i.id === id)!
  it('reads dates as written in Indonesia and "don’t know" codes', () => {
    expect(cellToAnswer(item('visit'), '5/1/2026')).toBe('2026-01-05')
    expect(cellToAnswer(item('visit'), '2026-01-05')).toBe('2026-01-05')
    expect(csvCellToAnswer(item('visit'), '31-12-2025')).toBe('2025-12-31')
    expect(cellToAnswer(item('k1'), '?')).toBe('dont_know')
    expect(cellToAnswer(item('k3'), '?')).toBe('?')
    expect(csvCellToAnswer(item('k1'), 'Tidak tahu')).toBe('dont_know')
    expect(csvCellToAnswer(item('k1'), 'dont_know')).toBe('dont_know')
  })
})
