// What a questionnaire's logic says about a set of answers: which items are shown, which must be
// answered, which answers break their constraint and which options a filtered choice offers. The
// server (to check a submission) and the phone (to show and hide questions) run this same code.
// Only types come from the schema module, so the phone's script does not carry zod.
import type { Definition, Item } from '../questionnaire-schema.ts'
import { holds, parseExpression, toText, type EvalContext, type Expr, type Value } from './expression.ts'

export type Answers = Record<string, string | string[] | number | undefined>

export interface FormState {
  /** Item ids shown: the section's relevant and the item's both hold. */
  relevant: Set<string>
  /** Shown items that must be answered (required, or requiredIf holds), answered yet or not. */
  required: Set<string>
  /** Shown, answered items whose constraint does not hold, in document order. */
  constraintFailures: string[]
  /** For each choice item with a choiceFilter: the option values it offers. */
  options: Map<string, string[]>
}

const MAX_PASSES = 5
const DECIMAL = /^-?\d+([.,]\d+)?$/

/** The value an expression reads for an answer: '' when unanswered, a multiple choice as space-separated values. */
export function answerValue(item: Item, answer: Answers[string]): Value {
  if (answer === undefined) return ''
  if (Array.isArray(answer)) return answer.join(' ')
  if (item.kind === 'number' || item.kind === 'likert') {
    if (typeof answer === 'number') return answer
    const s = answer.trim()
    // A phone set to Indonesian may send a decimal comma.
    return DECIMAL.test(s) ? Number(s.replace(',', '.')) : s
  }
  return typeof answer === 'number' ? String(answer) : answer
}

// The phone works the state out again on every change; parse each expression once.
const parsed = new Map<string, Expr | null>()
function tree(source: string): Expr | null {
  let expr = parsed.get(source)
  if (expr === undefined) {
    try {
      expr = parseExpression(source)
    } catch {
      // Import and the builder refuse such an expression; one stored before that does not hold.
      expr = null
    }
    if (parsed.size >= 500) parsed.delete(parsed.keys().next().value!)
    parsed.set(source, expr)
  }
  return expr
}

/** Whether the expression holds; one that does not parse or cannot be evaluated does not. */
function check(source: string, ctx: EvalContext): boolean {
  const expr = tree(source)
  if (!expr) return false
  try {
    return holds(expr, ctx)
  } catch {
    return false
  }
}

const isAnswered = (v: Value) => toText(v).trim() !== ''

export function formState(definition: Definition, answers: Answers, today: string): FormState {
  const items = new Map<string, Item>()
  for (const section of definition.sections) for (const item of section.items) items.set(item.id, item)
  const own = (item: Item) => answerValue(item, answers[item.id])
  // Before the first pass every item counts as shown, so a forward reference reads the answer given.
  const shown = new Set(items.keys())
  const value = (name: string): Value => {
    const item = items.get(name)
    if (item) return shown.has(name) ? own(item) : ''
    const base = name.endsWith('_other') ? items.get(name.slice(0, -'_other'.length)) : undefined
    if (base?.other && shown.has(base.id)) return toText(answerValue(base, answers[name]))
    return ''
  }
  const context = (self?: Value, column?: EvalContext['column']): EvalContext => ({ value, today, ...(self === undefined ? {} : { self }), ...(column ? { column } : {}) })

  // Document order, so a hidden item's answer already counts as empty for the items after it; repeated
  // until nothing changes because an item may depend on one further down.
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let changed = false
    for (const section of definition.sections) {
      const sectionShown = !section.relevant || check(section.relevant, context())
      for (const item of section.items) {
        const show = sectionShown && (!item.relevant || check(item.relevant, context(own(item))))
        if (show !== shown.has(item.id)) {
          changed = true
          if (show) shown.add(item.id)
          else shown.delete(item.id)
        }
      }
    }
    if (!changed) break
  }

  const required = new Set<string>()
  const constraintFailures: string[] = []
  const options = new Map<string, string[]>()
  for (const item of items.values()) {
    if (item.choiceFilter && item.options) {
      const filter = item.choiceFilter
      options.set(
        item.id,
        // A bare `name` is the option's own value, as in XLSForm's `name != ${q1}`.
        item.options.filter((o) => check(filter, context(undefined, (c) => o.filter?.[c] ?? (c === 'name' ? o.value : '')))).map((o) => o.value),
      )
    }
    if (!shown.has(item.id) || item.kind === 'note') continue
    const mine = own(item)
    if (item.required || (item.requiredIf && check(item.requiredIf, context(mine)))) required.add(item.id)
    if (item.constraint && isAnswered(mine) && !check(item.constraint, context(mine))) constraintFailures.push(item.id)
  }
  return { relevant: shown, required, constraintFailures, options }
}
