// The survey sheet, row by row, into sections of items. Groups become sections (nested groups are
// flattened, their show-if conditions joined with `and`); a repeat is refused with every row inside
// it. Expressions are checked afterwards (xlsform-logic.ts), once every kept name is known.
import { TOPICS } from '../library/content-schema.ts'
import { DONT_KNOW, OTHER, type Bilingual, type Item } from './questionnaire-schema.ts'
import type { Choice } from './xlsform-choices.ts'
import { problem, type XlsFormProblem } from './xlsform-problems.ts'
import { cell, textOf, type Languages, type Rec, type Table } from './xlsform-sheet.ts'
import { rowType } from './xlsform-types.ts'
import { readLimits, LIMITS_COLUMN, type Limits } from './xlsform-limits.ts'
import { filterWithoutOther, isOtherRelevant, OTHER_LABEL, OTHER_TEXT_KIND, OTHER_TEXT_LABEL, otherTextName } from './xlsform-other.ts'
import type { XlsFormMessageKey } from './xlsform-messages.ts'

export const NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/

/** An item whose expressions (as written) are still to be checked. */
export interface Pending {
  item: Item
  row: number
  relevant?: string
  constraint?: string
  constraintMessage?: Bilingual
  requiredIf?: string
  choiceFilter?: string
  /** min/max as Jaga's export marked them (xlsform-limits.ts); the constraint is then the item's own. */
  limits?: Limits
}
export interface Group {
  name: string
  row: number
  relevant?: string
}
export interface PendingSection {
  title?: Bilingual
  /** The open groups, outermost first: the section is shown when all their conditions hold. */
  groups: Group[]
  items: Pending[]
}

const ALWAYS = /^(yes|true|true\(\)|1)$/i
const NEVER = /^(no|false|false\(\)|0|)$/i
const REFUSAL_KEYS: Record<string, XlsFormMessageKey> = {
  media: 'xlsform.type.media',
  location: 'xlsform.type.location',
  metadata: 'xlsform.type.metadata',
  calculate: 'xlsform.type.calculate',
  acknowledge: 'xlsform.type.acknowledge',
  fromFile: 'xlsform.type.fromFile',
  unsupported: 'xlsform.type.unsupported',
}
const LIKERT_VALUES = '1,2,3,4,5'

/**
 * The survey's sections. Rows Jaga's own export adds that are not questions (jaga_kind `intro`, `code`:
 * the introduction and a session's code questions) are not items: the intro is handed back in `found`.
 */
export function readSurvey(table: Table, lists: Map<string, Choice[]>, langs: Languages, problems: XlsFormProblem[], found: { intro?: Bilingual } = {}): PendingSection[] {
  const sections: PendingSection[] = [{ groups: [], items: [] }]
  const stack: Group[] = []
  const seen = new Set<string>()
  const kept = new Map<string, Pending>()
  let repeat: { name: string; row: number; depth: number; count: number } | undefined
  const say = (row: number, key: XlsFormMessageKey, params: Record<string, string | number> = {}) => problems.push(problem('survey', row, key, params))

  for (const rec of table.records) {
    const raw = cell(table, rec, 'type')
    const name = cell(table, rec, 'name').trim()
    if (!raw) {
      if (name || rec.cells.some(Boolean)) say(rec.row, 'xlsform.row.noType', { name })
      continue
    }
    const type = rowType(raw)
    const own = cell(table, rec, 'jaga_kind').trim().toLowerCase()
    if (!repeat && (own === 'code' || own === 'intro')) {
      if (own === 'intro') found.intro = textOf(table, rec, 'label', langs).text
      continue
    }
    if (repeat) {
      // Everything up to the repeat's own end is refused with it.
      if (type.type === 'begin-group' || type.type === 'begin-repeat') repeat.depth++
      if (type.type === 'end-group' || type.type === 'end-repeat') {
        if (repeat.depth-- === 0) {
          say(repeat.row, 'xlsform.type.repeat', { name: repeat.name, count: repeat.count })
          repeat = undefined
        }
        continue
      }
      repeat.count++
      say(rec.row, 'xlsform.type.inRepeat', { name: name || raw, repeat: repeat.name })
      continue
    }
    if (type.type === 'begin-repeat') {
      repeat = { name: name || raw, row: rec.row, depth: 0, count: 0 }
      continue
    }
    if (type.type === 'begin-group') {
      const relevant = cell(table, rec, 'relevant').trim()
      stack.push({ name: name || raw, row: rec.row, ...(relevant ? { relevant } : {}) })
      sections.push({ ...titled(textOf(table, rec, 'label', langs).text), groups: [...stack], items: [] })
      continue
    }
    if (type.type === 'end-group' || type.type === 'end-repeat') {
      if (!stack.pop()) say(rec.row, 'xlsform.group.extraEnd')
      sections.push({ groups: [...stack], items: [] })
      continue
    }
    if (type.type === 'refused') {
      say(rec.row, REFUSAL_KEYS[type.reason]!, { name: name || '—', type: raw })
      continue
    }
    if (!name) {
      say(rec.row, 'xlsform.row.noName')
      continue
    }
    if (!NAME.test(name)) {
      say(rec.row, 'xlsform.row.badName', { name })
      continue
    }
    if (own === OTHER_TEXT_KIND && type.type === 'text' && foldOther(table, rec, name, kept, langs, say)) {
      seen.add(name)
      continue
    }
    if (seen.has(name) || (type.type === 'select' && type.orOther && seen.has(`${name}_other`))) {
      say(rec.row, 'xlsform.row.duplicate', { name })
      continue
    }
    const label = textOf(table, rec, 'label', langs)
    if (!label.text) {
      say(rec.row, 'xlsform.row.noLabel', { name })
      continue
    }
    const pending = itemOf(table, rec, name, label.text, type, lists, langs, (key, params = {}) => say(rec.row, key, { name, ...params }))
    if (!pending) continue
    for (const column of label.empty) say(rec.row, 'xlsform.row.translation', { name, column })
    seen.add(name)
    if (pending.item.other) seen.add(`${name}_other`)
    kept.set(name, pending)
    sections[sections.length - 1]!.items.push(pending)
  }
  if (repeat) say(repeat.row, 'xlsform.type.repeat', { name: repeat.name, count: repeat.count })
  for (const open of stack) say(open.row, 'xlsform.group.unclosed', { name: open.name })
  return sections
}

/**
 * Whether a text row is the "Other" answer Jaga's export writes after a choice item (xlsform-other.ts);
 * if so that item gets `other: true` back and loses the explicit `other` choice. Labels changed in
 * another tool are named: the form shows Jaga's own words for "Other".
 */
function foldOther(table: Table, rec: Rec, name: string, kept: Map<string, Pending>, langs: Languages, say: (row: number, key: XlsFormMessageKey, params?: Record<string, string | number>) => void): boolean {
  const base = kept.get(name.slice(0, -'_other'.length))
  const item = base?.item
  if (!base || !item || name !== otherTextName(item.id) || (item.kind !== 'single' && item.kind !== 'multiple') || item.other) return false
  const options = item.options ?? []
  const other = options.find((o) => o.value === OTHER)
  if (!other || options.length < 3 || !isOtherRelevant(cell(table, rec, 'relevant'), item.id)) return false
  item.options = options.filter((o) => o !== other)
  item.other = true
  const unwrapped = base.choiceFilter && filterWithoutOther(base.choiceFilter)
  if (unwrapped) base.choiceFilter = unwrapped
  const shown: ('id' | 'en')[] = langs.one ? [langs.one] : ['id', 'en']
  const same = (a: Bilingual | undefined, b: Bilingual) => shown.every((l) => a?.[l] === b[l])
  if (!same(other.label, OTHER_LABEL) || !same(textOf(table, rec, 'label', langs).text, OTHER_TEXT_LABEL))
    say(rec.row, 'xlsform.other.labels', { name: item.id, other: shown.map((l) => OTHER_LABEL[l]).join(' / '), text: shown.map((l) => OTHER_TEXT_LABEL[l]).join(' / ') })
  return true
}

const titled = (title: Bilingual | undefined) => (title ? { title } : {})

type Say = (key: XlsFormMessageKey, params?: Record<string, string | number>) => void

/** One question row as an item, or undefined when it is refused (said through `say`). */
function itemOf(table: Table, rec: Rec, name: string, label: Bilingual, type: ReturnType<typeof rowType>, lists: Map<string, Choice[]>, langs: Languages, say: Say): Pending | undefined {
  const get = (column: string) => cell(table, rec, column).trim()
  const requiredCell = get('required')
  const required = ALWAYS.test(requiredCell)
  const requiredIf = required || NEVER.test(requiredCell) ? undefined : requiredCell
  let item: Item
  if (type.type === 'select') {
    const found = lists.get(type.list)
    if (!found) return void say('xlsform.list.missing', { list: type.list })
    if (found.length < 2) return void say('xlsform.list.tooFew', { list: type.list })
    if (type.orOther && found.some((o) => o.value === OTHER)) return void say('xlsform.choice.other', { list: type.list })
    item = { ...choiceItem(name, label, type.multiple, type.list, found, get('jaga_kind').toLowerCase(), say), required }
    if (type.orOther && (item.kind === 'single' || item.kind === 'multiple')) item.other = true
  } else if (type.type === 'integer' || type.type === 'decimal') item = { id: name, kind: 'number', label, required, ...(type.type === 'integer' ? { integer: true } : {}) }
  else if (type.type === 'text' || type.type === 'date' || type.type === 'note') item = { id: name, kind: type.type, label, required: type.type !== 'note' && required }
  else return undefined
  if (item.kind === 'note' && (required || requiredIf)) say('xlsform.row.noteRequired')
  if (!appearanceKept(get('appearance'), item, say)) return undefined

  const hint = textOf(table, rec, 'hint', langs)
  if (hint.text) item.hint = hint.text
  for (const column of hint.empty) say('xlsform.row.translation', { column })
  const answer = get('jaga_answer')
  if (answer) {
    const choices = item.kind === 'truefalse' ? ['true', 'false'] : item.kind === 'single' || item.kind === 'multiple' ? item.options!.map((o) => o.value) : []
    const values = item.kind === 'multiple' ? answer.split(/\s+/) : [answer]
    if (values.every((v) => choices.includes(v))) item.answer = item.kind === 'multiple' ? values : answer
    else say('xlsform.answer.invalid', { answer })
  }
  const topic = get('jaga_topic')
  if (topic) {
    if ((TOPICS as readonly string[]).includes(topic)) item.topic = topic as Item['topic']
    else say('xlsform.topic.unknown', { topic })
  }
  const fallback = get('default')
  if (fallback) {
    if (defaultFits(fallback, item)) item.default = fallback
    else say('xlsform.default.dropped', { value: fallback })
  }
  if (ALWAYS.test(get('read_only'))) say('xlsform.row.readOnly')
  if (textOf(table, rec, 'required_message', langs).text) say('xlsform.row.requiredMessage')
  if (get('parameters')) say('xlsform.row.parameters', { value: get('parameters') })
  for (const c of table.columns.filter((c) => c.base === 'media' && rec.cells[c.index])) say('xlsform.row.media', { column: c.header })

  const { text: message, empty } = textOf(table, rec, 'constraint_message', langs)
  if (message && get('constraint')) for (const column of empty) say('xlsform.row.translation', { column })
  const marked = item.kind === 'number' && get(LIMITS_COLUMN) ? readLimits(get(LIMITS_COLUMN), get('constraint')) : undefined
  const expressions = { relevant: get('relevant'), constraint: marked ? (marked.constraint ?? '') : get('constraint'), requiredIf: item.kind === 'note' ? '' : requiredIf, choiceFilter: type.type === 'select' ? get('choice_filter') : '' }
  return {
    item,
    row: rec.row,
    ...Object.fromEntries(Object.entries(expressions).filter(([, v]) => v)),
    ...(message && expressions.constraint ? { constraintMessage: message } : {}),
    ...(marked ? { limits: marked.limits } : {}),
  }
}

const STANDARD_LIKERT: Bilingual[] = [
  { id: 'Sangat tidak setuju', en: 'Strongly disagree' },
  { id: 'Sangat setuju', en: 'Strongly agree' },
]

/** A choice list stays a choice question with its own labels unless jaga_kind says it is one of Jaga's kinds. */
function choiceItem(name: string, label: Bilingual, multiple: boolean, list: string, options: Choice[], jagaKind: string, say: Say): Item {
  const values = options.map((o) => o.value).sort().join(',')
  const fits = { likert: values === LIKERT_VALUES, truefalse: values === 'false,true', truefalse_dontknow: values === `${DONT_KNOW},false,true` }
  if (jagaKind && !(jagaKind in fits)) say('xlsform.kind.unknown', { kind: jagaKind })
  else if (jagaKind && (multiple || !fits[jagaKind as keyof typeof fits])) say('xlsform.kind.mismatch', { kind: jagaKind, list })
  else if (jagaKind === 'likert') {
    const ends = [options.find((o) => o.value === '1')!.label, options.find((o) => o.value === '5')!.label] as [Bilingual, Bilingual]
    const standard = ends.every((e, i) => e.id === STANDARD_LIKERT[i]!.id && e.en === STANDARD_LIKERT[i]!.en)
    return { id: name, kind: 'likert', label, required: false, ...(standard ? {} : { anchors: ends }) }
  } else if (jagaKind) return { id: name, kind: 'truefalse', label, required: false, ...(jagaKind === 'truefalse_dontknow' ? { dontKnow: true } : {}) }
  // Jaga's own export names a list `<id>_choices`; any other name is kept so an export writes it back.
  return { id: name, kind: multiple ? 'multiple' : 'single', label, required: false, options, ...(list === `${name}_choices` ? {} : { list }) }
}

/** A default is kept only as a literal answer the question accepts; a formula (today(), ${x}) is not. */
function defaultFits(value: string, item: Item): boolean {
  if (value.length > 200 || value.includes('${') || /^[A-Za-z-]+\(.*\)$/.test(value)) return false
  const offered = (v: string) => item.options?.some((o) => o.value === v) || (item.other && v === OTHER)
  switch (item.kind) {
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(value) && (!item.integer || /^-?\d+$/.test(value))
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))
    case 'single':
      return Boolean(offered(value))
    case 'multiple':
      return value.split(/\s+/).every((v) => offered(v))
    case 'truefalse':
      return value === 'true' || value === 'false' || (Boolean(item.dontKnow) && value === DONT_KNOW)
    case 'likert':
      return /^[1-5]$/.test(value)
    case 'text':
      return true
    default:
      return false
  }
}

// Appearances that only change how a question is laid out; anything else is named when dropped.
const LAYOUT = /^(minimal|compact|horizontal|horizontal-compact|quick|quickcompact|autocomplete|field-list|multiline|likert|no-calendar|numbers|thousands-sep|columns|columns-pack|columns-flex|columns-\d+|list|list-nolabel|label|table-list|w\d+)$/

/** Whether the row is kept at all under its appearance; a dropped appearance is said by name. */
function appearanceKept(appearance: string, item: Item, say: Say): boolean {
  if (!appearance) return true
  if (/search\(|pulldata\(/i.test(appearance)) {
    say('xlsform.appearance.search', { appearance })
    return false
  }
  const dropped = appearance.toLowerCase().split(/\s+/).filter((a) => !LAYOUT.test(a))
  if (!dropped.length) return true
  if (item.kind === 'date' && dropped.some((a) => a === 'month-year' || a === 'year')) say('xlsform.appearance.dateParts', { appearance })
  else say('xlsform.appearance.dropped', { appearance: dropped.join(' ') })
  return true
}
