// The choices sheet: lists of options with their own labels, as written. Columns other than the list,
// the value, labels and media are filter columns, read by a question's choice_filter.
import { problem, type XlsFormProblem } from './xlsform-problems.ts'
import { cell, textOf, type Languages, type Table } from './xlsform-sheet.ts'
import type { Bilingual } from './questionnaire-schema.ts'

export interface Choice {
  value: string
  label: Bilingual
  filter?: Record<string, string>
}

const VALUE = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/
const FILTER_NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/
/** Columns of the choices sheet that are not filter columns. */
const OWN = new Set(['list_name', 'name', 'label', 'media', 'order', 'jaga_kind'])

export function readChoices(table: Table | undefined, langs: Languages, problems: XlsFormProblem[]): Map<string, Choice[]> {
  const lists = new Map<string, Choice[]>()
  if (!table) return lists
  const filterColumns = table.columns.filter((c) => c.lang === undefined && !OWN.has(c.base))
  for (const rec of table.records) {
    const list = cell(table, rec, 'list_name')
    const value = cell(table, rec, 'name')
    const say = (key: Parameters<typeof problem>[2], params: Record<string, string> = {}) => problems.push(problem('choices', rec.row, key, { list, value, ...params }))
    if (!list && !value) continue
    if (!list) {
      say('xlsform.choice.noList')
      continue
    }
    if (!VALUE.test(value)) {
      say('xlsform.choice.badValue')
      continue
    }
    const options = lists.get(list) ?? []
    if (options.some((o) => o.value === value)) {
      say('xlsform.choice.duplicate')
      continue
    }
    const { text, empty } = textOf(table, rec, 'label', langs)
    if (!text) {
      say('xlsform.choice.noLabel')
      continue
    }
    for (const column of empty) problems.push(problem('choices', rec.row, 'xlsform.row.translation', { name: `${list}/${value}`, column }))
    for (const c of table.columns.filter((c) => c.base === 'media' && rec.cells[c.index])) problems.push(problem('choices', rec.row, 'xlsform.row.media', { name: `${list}/${value}`, column: c.header }))
    const filter: Record<string, string> = {}
    for (const c of filterColumns) {
      const v = rec.cells[c.index] ?? ''
      if (!v) continue
      // The filter key is the column as written in the sheet, since a choice_filter names it that way.
      const key = c.header.trim()
      if (FILTER_NAME.test(key) && v.length <= 200) filter[key] = v
      else say('xlsform.choice.filterColumn', { column: c.header })
    }
    options.push({ value, label: text, ...(Object.keys(filter).length ? { filter } : {}) })
    lists.set(list, options)
  }
  return lists
}
