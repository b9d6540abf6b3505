// The builder's logic fields (show-if, required-if, limits) turned into XLSForm expressions and back, so
// the common cases never need an expression written by hand. Everything typed is parsed with the
// expression engine (never evaluated here) and refused per field, naming what is wrong.
import type { FieldError } from '../platform/http/problems.ts'
import type { FormValues } from '../platform/http/forms.ts'
import { ExpressionError, parseExpression, referencedNames, type Expr } from './shared/expression.ts'
import type { Item, ItemKind } from './questionnaire-schema.ts'

export const PICKER_OPS = ['eq', 'ne', 'selected', 'gte', 'lte'] as const
export type PickerOp = (typeof PICKER_OPS)[number]

/** The operators that make sense for a question of this kind (none for a note). */
export function opsFor(kind: ItemKind): PickerOp[] {
  switch (kind) {
    case 'single':
    case 'truefalse':
    case 'text':
      return ['eq', 'ne']
    case 'multiple':
      return ['selected']
    case 'number':
    case 'likert':
    case 'date':
      return ['eq', 'ne', 'gte', 'lte']
    case 'note':
      return []
  }
}

/** The values a picker may compare a question with; undefined when any value of the right form will do. */
export function valuesOf(item: Item): string[] | undefined {
  if (item.kind === 'truefalse') return item.dontKnow ? ['true', 'false', 'dont_know'] : ['true', 'false']
  if (item.kind === 'likert') return ['1', '2', '3', '4', '5']
  if (item.kind === 'single' || item.kind === 'multiple') return [...(item.options ?? []).map((o) => o.value), ...(item.other ? ['other'] : [])]
  return undefined
}

export interface Pick {
  question: string
  op: PickerOp
  value: string
}

const NUMBER = /^-?\d+(\.\d+)?$/
const DATE = /^\d{4}-\d{2}-\d{2}$/

const quote = (value: string): string => (value.includes("'") ? `"${value}"` : `'${value}'`)

/** The expression a pick stands for, or the field error that stops it. */
export function pickExpression(pick: Pick, question: Item, field: string): { expr?: string; error?: FieldError } {
  const fail = (message: string, params: Record<string, string> = {}) => ({ error: { field, message, params: { question: question.id, ...params } } })
  if (!opsFor(question.kind).includes(pick.op)) return fail('builder.pick.badOp')
  const allowed = valuesOf(question)
  const value = pick.value.trim()
  if (value === '') return fail('builder.pick.noValue')
  if (allowed && !allowed.includes(value)) return fail('builder.pick.badValue', { value, values: allowed.join(', ') })
  if (question.kind === 'number' && !NUMBER.test(value)) return fail('builder.pick.number', { value })
  if (question.kind === 'date' && !DATE.test(value)) return fail('builder.pick.date', { value })
  if (value.includes("'") && value.includes('"')) return fail('builder.pick.quotes')
  const literal = question.kind === 'number' || question.kind === 'likert' ? value : quote(value)
  const ref = `\${${question.id}}`
  const expr = { eq: `${ref} = ${literal}`, ne: `${ref} != ${literal}`, selected: `selected(${ref}, ${literal})`, gte: `${ref} >= ${literal}`, lte: `${ref} <= ${literal}` }[pick.op]
  return { expr }
}

const literalText = (e: Expr): string | undefined => {
  if (e.type === 'literal') return String(e.value)
  if (e.type === 'negate' && e.operand.type === 'literal' && typeof e.operand.value === 'number') return `-${e.operand.value}`
  return undefined
}
const same = (a: string, b: string): boolean => JSON.stringify(parseExpression(a)) === JSON.stringify(parseExpression(b))

/** The pick an expression was made from, when it is one the picker can show again (else it stays in the advanced box). */
export function readPick(source: string, questions: Item[]): Pick | undefined {
  let tree: Expr
  try {
    tree = parseExpression(source)
  } catch {
    return undefined
  }
  let pick: Pick | undefined
  const ops: Record<string, PickerOp> = { '=': 'eq', '!=': 'ne', '>=': 'gte', '<=': 'lte' }
  if (tree.type === 'binary' && ops[tree.op] && tree.left.type === 'ref') {
    const value = literalText(tree.right)
    if (value !== undefined) pick = { question: tree.left.name, op: ops[tree.op]!, value }
  } else if (tree.type === 'call' && tree.name === 'selected' && tree.args[0]?.type === 'ref' && tree.args[1]?.type === 'literal') {
    pick = { question: tree.args[0].name, op: 'selected', value: String(tree.args[1].value) }
  }
  const question = pick && questions.find((q) => q.id === pick.question)
  if (!pick || !question) return undefined
  // Only when the picker would write the same expression again, so re-saving the page changes nothing.
  const again = pickExpression(pick, question, '_').expr
  return again !== undefined && same(again, source) ? pick : undefined
}

/** An expression typed by hand, checked: it parses, calls known functions and names only the given questions. */
export function checkExpression(source: string, field: string, known: readonly string[], self?: string, unknown = 'builder.expr.unknownName'): FieldError | undefined {
  let tree: Expr
  try {
    tree = parseExpression(source)
  } catch (e) {
    if (!(e instanceof ExpressionError)) throw e
    if (e.reason === 'unknown-function') return { field, message: 'builder.expr.unknownFunction', params: { name: e.detail } }
    if (e.reason === 'too-long') return { field, message: 'builder.expr.tooLong' }
    if (e.reason === 'unsafe-regex') return { field, message: 'builder.expr.unsafeRegex' }
    return { field, message: 'builder.expr.syntax', params: { at: e.at + 1 } }
  }
  for (const name of referencedNames(tree)) {
    if (name === self) return { field, message: 'builder.expr.self', params: { name } }
    if (!known.includes(name)) return { field, message: unknown, params: { name } }
  }
  return undefined
}

/** The names an expression may use for these questions: their ids, and `<id>_other` for the written "Other" answer. */
export const namesOf = (questions: Item[]): string[] => questions.flatMap((q) => (q.other ? [q.id, `${q.id}_other`] : [q.id]))

/**
 * A condition from its picker fields (`<p>Q`, `<p>Op`, `<p>Value`) or its advanced box (`<p>Expr`, which
 * wins when filled). `questions` are those it may name (earlier ones); undefined expr: no condition.
 */
export function conditionFromFields(values: FormValues, p: string, questions: Item[], self?: string): { expr?: string; error?: FieldError } {
  const advanced = (values[`${p}Expr`] ?? '').trim()
  if (advanced) {
    const error = checkExpression(advanced, `${p}Expr`, namesOf(questions), self)
    return error ? { error } : { expr: advanced }
  }
  const id = (values[`${p}Q`] ?? '').trim()
  if (!id) return {}
  const question = questions.find((q) => q.id === id)
  if (!question) return { error: { field: `${p}Q`, message: 'builder.expr.unknownName', params: { name: id } } }
  const op = (values[`${p}Op`] ?? '') as PickerOp
  return pickExpression({ question: id, op: PICKER_OPS.includes(op) ? op : ('' as PickerOp), value: values[`${p}Value`] ?? '' }, question, `${p}Value`)
}

/** The fields that show a stored condition again: as the picker when it is one, else in the advanced box. */
export function conditionFields(source: string | undefined, p: string, questions: Item[]): FormValues {
  if (!source) return {}
  const pick = readPick(source, questions)
  return pick ? { [`${p}Q`]: pick.question, [`${p}Op`]: pick.op, [`${p}Value`]: pick.value } : { [`${p}Expr`]: source }
}
