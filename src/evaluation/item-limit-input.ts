// The builder's limits (a number's least and most, not a date in the future, a text's length) as one
// XLSForm constraint, `. >= 0 and . <= 20`, and back. A constraint the limits cannot say stays in the
// advanced box whole, so nothing is rewritten behind the user's back.
import type { FieldError } from '../platform/http/problems.ts'
import type { FormValues } from '../platform/http/forms.ts'
import { parseExpression, type Expr } from './shared/expression.ts'
import { checkExpression } from './item-logic-input.ts'
import type { ItemKind } from './questionnaire-schema.ts'

/** The limit fields, in the order they are written into the constraint. */
export const LIMIT_FIELDS = ['min', 'max', 'notFuture', 'minLength', 'maxLength'] as const
type LimitField = (typeof LIMIT_FIELDS)[number]

const NUMBER = /^-?\d+(\.\d+)?$/
const COUNT = /^\d{1,4}$/

const limitKinds: Record<LimitField, ItemKind> = { min: 'number', max: 'number', notFuture: 'date', minLength: 'text', maxLength: 'text' }

/** The constraint from the limit fields and the advanced box (`constraintExpr`), or the errors that stop it. */
export function constraintFromFields(values: FormValues, kind: ItemKind, known: readonly string[]): { expr?: string; errors: FieldError[] } {
  const errors: FieldError[] = []
  const parts: string[] = []
  for (const field of LIMIT_FIELDS) {
    const raw = (values[field] ?? '').trim()
    if (raw === '' || (field === 'notFuture' && raw !== 'yes')) continue
    // A limit left from another kind of question is refused, never kept silently.
    if (limitKinds[field] !== kind) errors.push({ field, message: 'builder.limit.wrongKind' })
    else if (field === 'notFuture') parts.push('. <= today()')
    else if ((field === 'min' || field === 'max') && !NUMBER.test(raw)) errors.push({ field, message: 'builder.limit.number' })
    else if ((field === 'minLength' || field === 'maxLength') && !COUNT.test(raw)) errors.push({ field, message: 'builder.limit.count' })
    else parts.push({ min: `. >= ${raw}`, max: `. <= ${raw}`, minLength: `string-length(.) >= ${raw}`, maxLength: `string-length(.) <= ${raw}` }[field])
  }
  const pair = (low: LimitField, high: LimitField) => {
    const a = Number(values[low])
    const b = Number(values[high])
    if (values[low] && values[high] && !errors.length && a > b) errors.push({ field: high, message: 'builder.limit.order' })
  }
  pair('min', 'max')
  pair('minLength', 'maxLength')
  const advanced = (values['constraintExpr'] ?? '').trim()
  if (advanced) {
    // A constraint may name any question, also a later one (XLSForm allows it).
    const error = checkExpression(advanced, 'constraintExpr', known, undefined, 'builder.expr.unknownQuestion')
    if (error) errors.push(error)
    else parts.push(parts.length ? `(${advanced})` : advanced)
  }
  if (errors.length) return { errors }
  return parts.length ? { expr: parts.join(' and '), errors } : { errors }
}

const numberOf = (e: Expr): string | undefined => {
  if (e.type === 'literal' && typeof e.value === 'number') return String(e.value)
  if (e.type === 'negate' && e.operand.type === 'literal' && typeof e.operand.value === 'number') return `-${e.operand.value}`
  return undefined
}

/** One `and` term as a limit field, when it is one. */
function limitOf(e: Expr): [LimitField, string] | undefined {
  if (e.type !== 'binary' || (e.op !== '>=' && e.op !== '<=')) return undefined
  const low = e.op === '>='
  if (e.left.type === 'self') {
    if (!low && e.right.type === 'call' && e.right.name === 'today' && e.right.args.length === 0) return ['notFuture', 'yes']
    const n = numberOf(e.right)
    return n === undefined ? undefined : [low ? 'min' : 'max', n]
  }
  if (e.left.type === 'call' && e.left.name === 'string-length' && e.left.args.length === 1 && e.left.args[0]!.type === 'self') {
    const n = numberOf(e.right)
    return n !== undefined && COUNT.test(n) ? [low ? 'minLength' : 'maxLength', n] : undefined
  }
  return undefined
}

/** The fields that show a stored constraint again: as limits when every term is one, else whole in the advanced box. */
export function constraintFields(source: string | undefined, kind: ItemKind): FormValues {
  if (!source) return {}
  let tree: Expr
  try {
    tree = parseExpression(source)
  } catch {
    return { constraintExpr: source }
  }
  const terms: Expr[] = []
  const split = (e: Expr): void => (e.type === 'binary' && e.op === 'and' ? (split(e.left), split(e.right)) : void terms.push(e))
  split(tree)
  const fields: FormValues = {}
  for (const term of terms) {
    const limit = limitOf(term)
    if (!limit || fields[limit[0]] !== undefined || limitKinds[limit[0]] !== kind) return { constraintExpr: source }
    fields[limit[0]] = limit[1]
  }
  return fields
}
