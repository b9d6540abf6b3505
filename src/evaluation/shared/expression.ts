// XLSForm / ODK XPath expressions (relevant, constraint, required, choice_filter), parsed into a tree
// and evaluated by walking it: never eval or Function, and no Node APIs, because the same code runs in
// the participant's browser. Only the subset real forms use is accepted; anything else is refused when
// the questionnaire is imported or built, so nothing fails while someone is answering.
import { compiled, ExpressionError, type BinaryOp, type Expr, type Value } from './expression-syntax.ts'

export { ExpressionError, MAX_DEPTH, MAX_SOURCE_LENGTH, parseExpression, referencedNames } from './expression-syntax.ts'
export type { BinaryOp, Expr, ExpressionErrorReason, Value } from './expression-syntax.ts'

export interface EvalContext {
  value(name: string): Value
  self?: Value
  today: string
  column?(name: string): Value
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const XPATH_NUMBER = /^-?(\d+(\.\d*)?|\.\d+)$/

/** XPath number(): an ISO date becomes days since 1970-01-01; '' and other text are NaN. */
export function toNumber(v: Value): number {
  if (typeof v === 'number') return v
  if (typeof v === 'boolean') return v ? 1 : 0
  const s = v.trim()
  const date = ISO_DATE.exec(s)
  if (date) {
    // No destructuring in code the phone runs: esbuild cannot lower it for Safari < 14.1 (browser-bundle.ts targets safari13).
    const y = Number(date[1])
    const m = Number(date[2])
    const d = Number(date[3])
    const ms = Date.UTC(y, m - 1, d)
    const back = new Date(ms)
    // Date.UTC rolls 2025-02-30 over to March: such a day does not exist.
    if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return NaN
    return ms / 86_400_000
  }
  return XPATH_NUMBER.test(s) ? Number(s) : NaN
}

export function toText(v: Value): string {
  if (typeof v === 'string') return v
  if (typeof v === 'boolean') return v ? 'true' : 'false'
  return Object.is(v, -0) ? '0' : String(v)
}

export function toBoolean(v: Value): boolean {
  if (typeof v === 'boolean') return v
  if (typeof v === 'number') return v !== 0 && !Number.isNaN(v)
  return v !== ''
}

function equal(a: Value, b: Value): boolean {
  if (typeof a === 'boolean' || typeof b === 'boolean') return toBoolean(a) === toBoolean(b)
  if (typeof a === 'number' || typeof b === 'number') return toNumber(a) === toNumber(b)
  return a === b
}

const tokensOf = (v: Value): string[] => toText(v).split(/\s+/).filter((t) => t !== '')

function roundTo(x: number, places: number): number {
  if (!Number.isFinite(x) || !Number.isFinite(places)) return Number.isFinite(x) ? NaN : x
  const p = Math.trunc(places)
  // Shift by the decimal exponent, not by multiplying, so round(1.005, 2) is 1.01.
  return Number(`${Math.round(Number(`${x}e${p}`))}e${-p}`)
}

export function evaluate(expr: Expr, ctx: EvalContext): Value {
  switch (expr.type) {
    case 'literal':
      return expr.value
    case 'ref':
      return ctx.value(expr.name)
    case 'self':
      return ctx.self ?? ''
    case 'column':
      return ctx.column?.(expr.name) ?? ''
    case 'negate':
      return -toNumber(evaluate(expr.operand, ctx))
    case 'binary':
      return binaryValue(expr.op, expr.left, expr.right, ctx)
    case 'call':
      return callValue(expr.name, expr.args, ctx)
  }
}

function binaryValue(op: BinaryOp, leftExpr: Expr, rightExpr: Expr, ctx: EvalContext): Value {
  if (op === 'and') return holds(leftExpr, ctx) && holds(rightExpr, ctx)
  if (op === 'or') return holds(leftExpr, ctx) || holds(rightExpr, ctx)
  const left = evaluate(leftExpr, ctx)
  const right = evaluate(rightExpr, ctx)
  if (op === '=') return equal(left, right)
  if (op === '!=') return !equal(left, right)
  const a = toNumber(left)
  const b = toNumber(right)
  switch (op) {
    case '<':
      return a < b
    case '<=':
      return a <= b
    case '>':
      return a > b
    case '>=':
      return a >= b
    case '+':
      return a + b
    case '-':
      return a - b
    case '*':
      return a * b
    case 'div':
      return a / b
    case 'mod':
      return a % b
  }
}

function callValue(name: string, args: Expr[], ctx: EvalContext): Value {
  const arg = (i: number): Value => (args[i] ? evaluate(args[i], ctx) : (ctx.self ?? ''))
  switch (name) {
    case 'selected':
      return tokensOf(arg(0)).includes(toText(arg(1)).trim())
    case 'count-selected':
      return tokensOf(arg(0)).length
    case 'string-length':
      return [...toText(arg(0))].length
    case 'regex': {
      const pattern = compiled(toText(arg(1)))
      const subject = toText(arg(0))
      // An answer too long to test safely fails the constraint (its message shows), never a silent cut.
      return subject.length <= pattern.maxSubject && pattern.re.test(subject)
    }
    case 'if':
      return holds(args[0]!, ctx) ? arg(1) : arg(2)
    case 'coalesce': {
      const first = arg(0)
      return toText(first) !== '' ? first : arg(1)
    }
    case 'today':
      return ctx.today
    case 'true':
      return true
    case 'false':
      return false
    case 'not':
      return !holds(args[0]!, ctx)
    case 'number':
      return toNumber(arg(0))
    case 'string':
      return toText(arg(0))
    case 'int':
      return Math.trunc(toNumber(arg(0)))
    case 'round':
      return roundTo(toNumber(arg(0)), args[1] ? toNumber(arg(1)) : 0)
    case 'concat':
      return args.map((a) => toText(evaluate(a, ctx))).join('')
    case 'contains':
      return toText(arg(0)).includes(toText(arg(1)))
    case 'starts-with':
      return toText(arg(0)).startsWith(toText(arg(1)))
    case 'boolean':
      return toBoolean(arg(0))
  }
  // parseExpression refuses any other name, so a tree built elsewhere is the only way here.
  throw new ExpressionError('unknown-function', 0, name)
}

/** XPath boolean() of the expression's value: whether a relevant, constraint or filter holds. */
export function holds(expr: Expr, ctx: EvalContext): boolean {
  return toBoolean(evaluate(expr, ctx))
}
