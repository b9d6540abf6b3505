// pyxform's documented rules for an XLSForm that converts without errors or warnings, checked on a
// workbook (pyxform itself cannot be installed here). Each broken rule is one line naming sheet and row.
import ExcelJS from 'exceljs'

const XML_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/
const QUESTION_TYPES = new Set(['text', 'integer', 'decimal', 'date', 'note', 'select_one', 'select_multiple'])

export interface Sheet {
  header: string[]
  rows: { row: number; get: (column: string) => string; cell: (column: string) => ExcelJS.Cell | undefined }[]
}

export function sheetOf(book: ExcelJS.Workbook, name: string): Sheet | undefined {
  const ws = book.getWorksheet(name)
  if (!ws) return undefined
  const header = ((ws.getRow(1).values as unknown[]) ?? []).slice(1).map((v) => String(v ?? ''))
  const rows: Sheet['rows'] = []
  ws.eachRow((r, n) => {
    if (n === 1) return
    const cell = (column: string) => {
      const at = header.indexOf(column)
      return at < 0 ? undefined : r.getCell(at + 1)
    }
    rows.push({ row: n, cell, get: (column) => String(cell(column)?.value ?? '').trim() })
  })
  return { header, rows }
}

/** The languages of `label::Lang (code)` columns. */
const languagesOf = (header: string[]) => header.filter((h) => h.startsWith('label::')).map((h) => h.slice('label::'.length))

export async function pyxformViolations(bytes: Uint8Array | Buffer): Promise<string[]> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(bytes as never)
  const out: string[] = []
  const survey = sheetOf(book, 'survey')
  const choices = sheetOf(book, 'choices')
  const settings = sheetOf(book, 'settings')
  if (!survey || !choices || !settings) return ['a survey, choices and settings sheet are needed']
  const languages = languagesOf(survey.header)
  if (!survey.header.includes('type') || !survey.header.includes('name') || languages.length === 0) out.push('survey: type, name and label columns are needed')
  const defaultLanguage = settings.rows[0]?.get('default_language') ?? ''
  if (!languages.includes(defaultLanguage)) out.push(`settings: default_language "${defaultLanguage}" is not one of the label languages ${languages.join(', ')}`)
  for (const column of ['form_title', 'form_id', 'version']) if (!settings.rows[0]?.get(column)) out.push(`settings: ${column} is empty`)
  if (typeof settings.rows[0]?.cell('version')?.value !== 'string') out.push('settings: version must be a string cell')

  // Choice lists: names with no spaces, unique choice names, a label in every language.
  const lists = new Map<string, string[]>()
  for (const r of choices.rows) {
    const list = r.get('list_name')
    if (!XML_NAME.test(list)) out.push(`choices row ${r.row}: list name "${list}" is not a valid name`)
    const names = lists.get(list) ?? []
    if (names.includes(r.get('name'))) out.push(`choices row ${r.row}: "${r.get('name')}" twice in list ${list}`)
    if (!r.get('name')) out.push(`choices row ${r.row}: no name`)
    names.push(r.get('name'))
    lists.set(list, names)
    for (const l of languagesOf(choices.header)) if (!r.get(`label::${l}`)) out.push(`choices row ${r.row}: no label in ${l}`)
  }
  if (languagesOf(choices.header).join() !== languages.join() && choices.rows.length) out.push('choices: label languages differ from the survey sheet')

  // Survey rows: known types, valid unique names, labels in every language, balanced groups, lists present.
  const names = new Set<string>()
  const depth: string[] = []
  const translated = [...new Set(survey.header.filter((h) => h.includes('::')).map((h) => h.split('::')[0]!))]
  for (const r of survey.rows) {
    const [type = '', list = '', orOther = ''] = r.get('type').split(/\s+/)
    const name = r.get('name')
    if (type === 'end_group') {
      if (!depth.pop()) out.push(`survey row ${r.row}: end_group without begin_group`)
      continue
    }
    if (type === 'begin_group') depth.push(name)
    else if (!QUESTION_TYPES.has(type)) out.push(`survey row ${r.row}: type "${type}" is not a question type`)
    if (!XML_NAME.test(name)) out.push(`survey row ${r.row}: name "${name}" is not a valid XML name`)
    if (names.has(name)) out.push(`survey row ${r.row}: name "${name}" used twice`)
    names.add(name)
    if (type !== 'begin_group' && !r.get(`label::${defaultLanguage}`)) out.push(`survey row ${r.row}: no label in the default language`)
    // A column given in one language must be given in all (pyxform warns of a missing translation).
    for (const column of translated) {
      const given = languages.filter((l) => r.get(`${column}::${l}`))
      if (given.length && given.length !== languages.length) out.push(`survey row ${r.row}: ${column} missing in a language`)
    }
    if (type === 'select_one' || type === 'select_multiple') {
      if (!lists.has(list)) out.push(`survey row ${r.row}: list "${list}" is not in the choices sheet`)
      if (orOther && orOther !== 'or_other') out.push(`survey row ${r.row}: "${orOther}" after the list name`)
      if (orOther && lists.get(list)?.includes('other')) out.push(`survey row ${r.row}: or_other with a list that has "other" already`)
      // pyxform: "Form ... uses or_other and translations, which is not recommended" (its "Other" label is English only).
      if (orOther && languages.length > 1) out.push(`survey row ${r.row}: or_other with translations`)
      const filter = r.get('choice_filter')
      for (const bare of filter.replace(/\$\{[^}]*\}|'[^']*'|"[^"]*"/g, '').match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [])
        if (!['and', 'or', 'not', 'div', 'mod', 'selected'].includes(bare) && !choices.header.includes(bare)) out.push(`survey row ${r.row}: choice_filter column "${bare}" is not in the choices sheet`)
    }
    const required = r.get('required')
    if (required && required !== 'yes' && !required.includes('${')) out.push(`survey row ${r.row}: required "${required}" is neither yes nor an expression`)
    if (r.get('constraint_message::' + defaultLanguage) && !r.get('constraint')) out.push(`survey row ${r.row}: a constraint message without a constraint`)
  }
  if (depth.length) out.push(`survey: ${depth.length} begin_group without end_group`)
  // References: every ${name} is a row of the survey sheet.
  for (const r of survey.rows)
    for (const column of ['relevant', 'constraint', 'required', 'choice_filter', 'default'])
      for (const [, ref] of r.get(column).matchAll(/\$\{([^}]*)\}/g)) if (!names.has(ref!)) out.push(`survey row ${r.row}: ${column} refers to unknown \${${ref}}`)
  return out
}
