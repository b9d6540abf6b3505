import { describe, expect, it } from 'vitest'
import { definitionSchema, type Definition, type Item } from '../questionnaire-schema.ts'
import { answerValue, formState, type Answers } from './form-logic.ts'

const TODAY = '2026-12-01'
const label = (text: string) => ({ id: text, en: text })
const yesNo = [
  { value: 'yes', label: label('Ya') },
  { value: 'no', label: label('Tidak') },
]
type ItemInput = Partial<Omit<Item, 'label'>> & { id: string }
const item = ({ id, kind = 'text', ...rest }: ItemInput) => ({ id, kind, label: label(id), ...(kind === 'single' || kind === 'multiple' ? { options: yesNo } : {}), ...rest })
const form = (...sections: (ItemInput[] | { relevant: string; items: ItemInput[] })[]): Definition =>
  definitionSchema.parse({ sections: sections.map((s) => (Array.isArray(s) ? { items: s.map(item) } : { relevant: s.relevant, items: s.items.map(item) })) })
const shown = (d: Definition, answers: Answers) => [...formState(d, answers, TODAY).relevant].sort()

describe('which items are shown', () => {
  const chain = form([
    { id: 'a', kind: 'single' },
    { id: 'b', relevant: "${a} = 'yes'" },
    { id: 'c', relevant: "${b} != ''" },
    { id: 'd' },
  ])

  it('hides an item whose relevant does not hold, and every item that depends on its answer', () => {
    expect(shown(chain, { a: 'yes', b: 'something' })).toEqual(['a', 'b', 'c', 'd'])
    // b still holds an answer, but a hidden item's answer counts as empty, so c hides too.
    expect(shown(chain, { a: 'no', b: 'something', c: 'more' })).toEqual(['a', 'd'])
    expect(shown(chain, {})).toEqual(['a', 'd'])
  })

  it('follows a reference to an item further down, over as many passes as it needs', () => {
    const d = form([
      { id: 'x', relevant: "${y} = '1'" },
      { id: 'y', relevant: "${z} = '1'" },
      { id: 'z' },
    ])
    expect(shown(d, { y: '1', z: '1' })).toEqual(['x', 'y', 'z'])
    // The first pass still reads y as given; the second sees that y is hidden and hides x.
    expect(shown(d, { y: '1', z: '0' })).toEqual(['z'])
  })

  it('applies a section relevant to all of its items, whose answers then count as empty', () => {
    const d = form([{ id: 'consent', kind: 'single' }], { relevant: "${consent} = 'yes'", items: [{ id: 'age', kind: 'number', relevant: 'true()' }, { id: 'school' }] }, [{ id: 'older', relevant: '${age} >= 13' }])
    expect(shown(d, { consent: 'yes', age: '14' })).toEqual(['age', 'consent', 'older', 'school'])
    expect(shown(d, { consent: 'no', age: '14' })).toEqual(['consent'])
  })

  it('reads the written "other" answer only while its choice item is shown', () => {
    const d = form([
      { id: 'gate', kind: 'single' },
      { id: 'job', kind: 'single', other: true, relevant: "${gate} = 'yes'" },
      { id: 'farmer', relevant: "contains(${job_other}, 'tani')" },
    ])
    expect(shown(d, { gate: 'yes', job: 'other', job_other: 'petani' })).toEqual(['farmer', 'gate', 'job'])
    expect(shown(d, { gate: 'no', job: 'other', job_other: 'petani' })).toEqual(['gate'])
  })

  it('hides an item whose relevant does not parse instead of failing', () => {
    // Only a definition stored before the import and builder checks can hold such an expression.
    const d = form([{ id: 'a', relevant: 'now() > 1' }, { id: 'b', relevant: "${a} = 'x' or" }, { id: 'c' }])
    expect(shown(d, { a: 'x' })).toEqual(['c'])
  })
})

describe('which items must be answered', () => {
  const d = form([
    { id: 'age', kind: 'number', integer: true, required: true },
    { id: 'guardian', requiredIf: '${age} < 18' },
    { id: 'school', required: true, relevant: '${age} < 19' },
    { id: 'broken', requiredIf: 'nope()' },
    { id: 'info', kind: 'note', required: true },
  ])

  it('requires an item always, when its requiredIf holds, and never while it is hidden', () => {
    expect([...formState(d, { age: '12' }, TODAY).required].sort()).toEqual(['age', 'guardian', 'school'])
    expect([...formState(d, { age: 30 }, TODAY).required].sort()).toEqual(['age'])
    // Unanswered, the age is not a number, so neither "< 18" nor "< 19" holds.
    expect([...formState(d, {}, TODAY).required].sort()).toEqual(['age'])
  })
})

describe('which answers break their constraint', () => {
  const d = form([
    { id: 'show', kind: 'single' },
    { id: 'age', kind: 'number', constraint: '. >= 5 and . <= 120', relevant: "${show} = 'yes'" },
    { id: 'visit', kind: 'date', constraint: '. <= today()' },
    { id: 'phone', constraint: "regex(., '^08[0-9]{8,11}$')" },
    { id: 'pick', kind: 'multiple', constraint: 'count-selected(.) <= 1' },
    { id: 'broken', constraint: 'string-length(. ' },
  ])

  it('checks each shown, answered item with . as its answer', () => {
    expect(formState(d, { show: 'yes', age: '130', visit: '2027-01-01', phone: '0812', pick: ['yes', 'no'] }, TODAY).constraintFailures).toEqual(['age', 'visit', 'phone', 'pick'])
    expect(formState(d, { show: 'yes', age: '40', visit: '2026-12-01', phone: '081234567890', pick: ['yes'] }, TODAY).constraintFailures).toEqual([])
  })

  it('does not check an unanswered or hidden item', () => {
    expect(formState(d, { show: 'no', age: '130', visit: '', pick: [] }, TODAY).constraintFailures).toEqual([])
  })

  it('counts an answer against a constraint that does not parse as failing, without throwing', () => {
    expect(formState(d, { broken: 'x' }, TODAY).constraintFailures).toEqual(['broken'])
  })
})

describe('which options a filtered choice offers', () => {
  const place = (value: string, filter: Record<string, string>) => ({ value, label: label(value), filter })
  const d = form([
    { id: 'province', kind: 'single', options: [place('sumut', {}), place('aceh', {})] },
    { id: 'district', kind: 'single', choiceFilter: 'province = ${province}', options: [place('medan', { province: 'sumut' }), place('binjai', { province: 'sumut' }), place('banda', { province: 'aceh' })] },
    { id: 'village', kind: 'single', choiceFilter: 'district = ${district}', options: [place('amplas', { district: 'medan' }), place('denai', { district: 'medan' }), place('kota', { district: 'banda' })] },
    { id: 'second', kind: 'single', choiceFilter: 'name != ${village}', options: [place('amplas', {}), place('denai', {}), place('kota', {})] },
  ])

  it('offers the options whose filter columns match the earlier answers, down a cascade', () => {
    const state = formState(d, { province: 'sumut', district: 'medan', village: 'amplas' }, TODAY)
    expect(state.options.get('district')).toEqual(['medan', 'binjai'])
    expect(state.options.get('village')).toEqual(['amplas', 'denai'])
    expect(state.options.get('second')).toEqual(['denai', 'kota'])
    expect(state.options.has('province')).toBe(false)
  })

  it('offers nothing further down while an earlier choice is unanswered', () => {
    const state = formState(d, { province: 'aceh' }, TODAY)
    expect(state.options.get('district')).toEqual(['banda'])
    expect(state.options.get('village')).toEqual([])
  })
})

describe('the value an expression reads for an answer', () => {
  it.each([
    ['number', '12', 12],
    ['number', ' 2,5 ', 2.5],
    ['number', 7, 7],
    ['number', '', ''],
    ['number', 'abc', 'abc'],
    ['likert', '4', 4],
    ['multiple', ['yes', 'no'], 'yes no'],
    ['multiple', [], ''],
    ['text', undefined, ''],
    ['text', '12', '12'],
    ['date', '2026-01-31', '2026-01-31'],
  ] as [Item['kind'], Answers[string], unknown][])('a %s answer %j reads as %j', (kind, answer, expected) => {
    expect(answerValue(item({ id: 'q', kind }) as Item, answer)).toEqual(expected)
  })
})
