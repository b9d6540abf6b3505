// The expressions of an imported form (relevant, constraint, required, choice_filter, a group's
// relevant), checked once every kept name is known. One that cannot be read (a function outside the
// subset, a name that is not a kept question, a mistake) is dropped and named, with what a participant
// will see differently: the question shown to everyone and optional, any answer accepted, every
// choice offered. A question is never refused for its expression: it stays answerable.
import { ExpressionError, parseExpression, referencedNames, type Expr } from './shared/expression.ts'
import type { Definition } from './questionnaire-schema.ts'
import type { XlsFormMessageKey } from './xlsform-messages.ts'
import { problem, type XlsFormProblem } from './xlsform-problems.ts'
import type { Group, PendingSection } from './xlsform-survey.ts'

type Column = 'relevant' | 'constraint' | 'required' | 'choiceFilter' | 'group'

/** The bare names of an expression: a choice_filter's columns of the choices sheet. */
function columnNames(expr: Expr): string[] {
  if (expr.type === 'column') return [expr.name]
  if (expr.type === 'negate') return columnNames(expr.operand)
  if (expr.type === 'binary') return [...columnNames(expr.left), ...columnNames(expr.right)]
  if (expr.type === 'call') return expr.args.flatMap(columnNames)
  return []
}

/**
 * undefined when the expression can be kept; otherwise what to tell. A bare name means a column of
 * the choices sheet, so it is kept only in a choice_filter whose list has that column (else no choice
 * would ever be offered) or that names `name`, the choice's own value (`name != ${q1}`: form-logic.ts
 * reads it); anywhere else it is an XPath path or a mistake.
 */
function unreadable(source: string, known: Set<string>, column: Column, filterColumns: Set<string>): { key: XlsFormMessageKey; detail: string } | undefined {
  try {
    const expr = parseExpression(source)
    const missing = referencedNames(expr).find((n) => !known.has(n))
    if (missing !== undefined) return { key: `xlsform.expr.${column}Name`, detail: missing }
    const bare = columnNames(expr).find((n) => column !== 'choiceFilter' || !(filterColumns.has(n) || n === 'name'))
    return bare === undefined ? undefined : { key: `xlsform.expr.${column}Other`, detail: bare }
  } catch (e) {
    if (!(e instanceof ExpressionError)) throw e
    const detail = e.reason === 'unknown-function' || e.reason === 'unsafe-regex' ? e.detail : (unknownFunction(source) ?? (source.length > 80 ? `${source.slice(0, 80)}…` : source))
    return { key: `xlsform.expr.${column}Other`, detail }
  }
}

/** A function the parser does not know, named even when the text around it (`jr:choice-name(`) stops the parse first. */
function unknownFunction(source: string): string | undefined {
  for (const [, name] of source.matchAll(/([A-Za-z_][\w.:-]*)\s*\(/g)) {
    try {
      parseExpression(`${name}()`)
    } catch (e) {
      if (e instanceof ExpressionError && e.reason === 'unknown-function') return name
      if (e instanceof ExpressionError && /:/.test(name!)) return name
    }
  }
  return undefined
}

const N = '(-?\\d+(?:\\.\\d+)?)'
const RANGE = new RegExp(`^(?:\\((.+)\\)\\s+and\\s+)?(?:\\.\\s*>=\\s*${N}(?:\\s+and\\s+\\.\\s*<=\\s*${N})?|\\.\\s*<=\\s*${N})$`)

/** `. >= 0 and . <= 24`, optionally after `(other) and `: the bounds and the rest; undefined for anything else. */
export function rangeOf(constraint: string): { min?: number; max?: number; rest?: string } | undefined {
  const m = RANGE.exec(constraint.trim())
  if (!m) return undefined
  const [, rest, min, maxWithMin, maxAlone] = m
  const max = maxWithMin ?? maxAlone
  if (rest) {
    // "(a) and (b) and . >= 1" must not split inside the brackets: the rest has to stand on its own.
    try {
      parseExpression(rest)
    } catch {
      return undefined
    }
  }
  return { ...(min !== undefined ? { min: Number(min) } : {}), ...(max !== undefined ? { max: Number(max) } : {}), ...(rest ? { rest } : {}) }
}

export function checkLogic(sections: PendingSection[], problems: XlsFormProblem[]): Definition['sections'] {
  const known = new Set(sections.flatMap((s) => s.items.flatMap((p) => (p.item.other ? [p.item.id, `${p.item.id}_other`] : [p.item.id]))))
  const kept = (source: string | undefined, column: Column, row: number, name: string, filterColumns = new Set<string>()): string | undefined => {
    if (!source) return undefined
    const bad = unreadable(source, known, column, filterColumns)
    if (!bad) return source
    problems.push(problem('survey', row, bad.key, { name, detail: bad.detail }))
    return undefined
  }
  // A group's condition is checked once, however many sections it spans.
  const groupRelevant = new Map<Group, string | undefined>()
  const ofGroup = (g: Group) => {
    if (!groupRelevant.has(g)) groupRelevant.set(g, kept(g.relevant, 'group', g.row, g.name))
    return groupRelevant.get(g)
  }
  return sections.map((section) => {
    const conditions = section.groups.map(ofGroup).filter((c): c is string => Boolean(c))
    const groupDropped = section.groups.some((g) => g.relevant && !ofGroup(g))
    const relevant = conditions.length <= 1 ? conditions[0] : conditions.map((c) => `(${c})`).join(' and ')
    const items = section.items.map((p) => {
      const item = { ...p.item }
      const relevantKept = kept(p.relevant, 'relevant', p.row, item.id)
      if (relevantKept) item.relevant = relevantKept
      const shownToAll = (p.relevant && !relevantKept) || groupDropped
      if (shownToAll) item.required = false
      const constraint = kept(p.constraint, 'constraint', p.row, item.id)
      if (p.limits) Object.assign(item, p.limits)
      const range = constraint && item.kind === 'number' && !p.limits ? rangeOf(constraint) : undefined
      // In a form Jaga did not write, a plain range becomes min/max (as Jaga's export writes them) unless its own message would be lost.
      if (range && (range.rest || !p.constraintMessage)) {
        Object.assign(item, range.min !== undefined ? { min: range.min } : {}, range.max !== undefined ? { max: range.max } : {})
        if (range.rest) item.constraint = range.rest
        if (range.rest && p.constraintMessage) item.constraintMessage = p.constraintMessage
      } else if (constraint) {
        item.constraint = constraint
        if (p.constraintMessage) item.constraintMessage = p.constraintMessage
      }
      // Required only when shown: a dropped show-if makes the question optional, never forced on everyone.
      const requiredIf = kept(p.requiredIf, 'required', p.row, item.id)
      if (requiredIf && !shownToAll) item.requiredIf = requiredIf
      const filterColumns = new Set((item.options ?? []).flatMap((o) => Object.keys(o.filter ?? {})))
      const choiceFilter = kept(p.choiceFilter, 'choiceFilter', p.row, item.id, filterColumns)
      if (choiceFilter) item.choiceFilter = choiceFilter
      return item
    })
    return { ...(section.title ? { title: section.title } : {}), ...(relevant ? { relevant } : {}), items }
  })
}
