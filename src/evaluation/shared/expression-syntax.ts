// The syntax half of expression.ts: reads an XLSForm / ODK XPath expression into a tree, refusing
// unknown functions, wrong argument counts, over-long or over-deep input and unsafe regex() patterns.
import { checkRegexSafety, regexSubjectLimit } from './regex-safety.ts'

export type ExpressionErrorReason = 'syntax' | 'unknown-function' | 'too-long' | 'unsafe-regex'

export class ExpressionError extends Error {
  constructor(
    readonly reason: ExpressionErrorReason,
    readonly at: number,
    readonly detail: string,
  ) {
    super(`${reason} at ${at}: ${detail}`)
    this.name = 'ExpressionError'
  }
}

export type Value = string | number | boolean
export type BinaryOp = 'or' | 'and' | '=' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | 'div' | 'mod'

export type Expr =
  | { type: 'literal'; value: string | number }
  | { type: 'ref'; name: string }
  | { type: 'self' }
  | { type: 'column'; name: string }
  | { type: 'negate'; operand: Expr }
  | { type: 'binary'; op: BinaryOp; left: Expr; right: Expr }
  | { type: 'call'; name: string; args: Expr[] }

export const MAX_SOURCE_LENGTH = 1000
export const MAX_DEPTH = 50

type Token =
  | { kind: 'ref' | 'name' | 'string' | 'op'; text: string; at: number }
  | { kind: 'number'; value: number; at: number }
  | { kind: 'self' | 'end'; at: number }

const NAME = /[A-Za-z_][A-Za-z0-9_.-]*/y
const NUMBER = /(\d+(\.\d*)?|\.\d+)/y
const OPERATORS = ['!=', '<=', '>=', '=', '<', '>', '+', '-', '*', '(', ')', ',']

function tokenize(source: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  const match = (re: RegExp): string | undefined => {
    re.lastIndex = i
    return re.exec(source)?.[0]
  }
  while (i < source.length) {
    const c = source[i]!
    if (/\s/.test(c)) {
      i++
      continue
    }
    if (c === '$' && source[i + 1] === '{') {
      NAME.lastIndex = i + 2
      const name = NAME.exec(source)?.[0]
      if (!name || source[i + 2 + name.length] !== '}') throw new ExpressionError('syntax', i, 'a reference is written ${name}')
      tokens.push({ kind: 'ref', text: name, at: i })
      i += name.length + 3
      continue
    }
    if (c === "'" || c === '"') {
      const end = source.indexOf(c, i + 1)
      if (end < 0) throw new ExpressionError('syntax', i, 'a text is not closed')
      tokens.push({ kind: 'string', text: source.slice(i + 1, end), at: i })
      i = end + 1
      continue
    }
    const number = match(NUMBER)
    if (number) {
      tokens.push({ kind: 'number', value: Number(number), at: i })
      i += number.length
      continue
    }
    if (c === '.') {
      tokens.push({ kind: 'self', at: i })
      i++
      continue
    }
    const name = match(NAME)
    if (name) {
      tokens.push({ kind: 'name', text: name, at: i })
      i += name.length
      continue
    }
    const op = OPERATORS.find((o) => source.startsWith(o, i))
    if (!op) throw new ExpressionError('syntax', i, `unexpected "${c}"`)
    tokens.push({ kind: 'op', text: op, at: i })
    i += op.length
  }
  tokens.push({ kind: 'end', at: source.length })
  return tokens
}

/** Functions as [fewest, most] arguments (most -1: any number). */
const ARITY: Record<string, [number, number]> = {
  selected: [2, 2],
  'count-selected': [1, 1],
  'string-length': [0, 1],
  regex: [2, 2],
  if: [3, 3],
  coalesce: [2, 2],
  today: [0, 0],
  true: [0, 0],
  false: [0, 0],
  not: [1, 1],
  number: [0, 1],
  string: [0, 1],
  int: [1, 1],
  round: [1, 2],
  concat: [0, -1],
  contains: [2, 2],
  'starts-with': [2, 2],
  boolean: [1, 1],
}

// Lowest binding first; each level is left-associative.
const LEVELS: readonly (readonly BinaryOp[])[] = [['or'], ['and'], ['=', '!='], ['<', '<=', '>', '>='], ['+', '-'], ['*', 'div', 'mod']]
const WORD_OPERATORS = new Set(['or', 'and', 'div', 'mod'])

export function parseExpression(source: string): Expr {
  if (source.length > MAX_SOURCE_LENGTH) throw new ExpressionError('too-long', MAX_SOURCE_LENGTH, `more than ${MAX_SOURCE_LENGTH} characters`)
  const tokens = tokenize(source)
  let pos = 0
  let depth = 0
  const peek = () => tokens[pos]!
  const isOp = (t: Token, text: string) => (t.kind === 'op' || t.kind === 'name') && t.text === text
  const expect = (text: string) => {
    const t = peek()
    if (t.kind !== 'op' || t.text !== text) throw new ExpressionError('syntax', t.at, `"${text}" expected`)
    pos++
  }
  const nested = <T>(at: number, parse: () => T): T => {
    if (++depth > MAX_DEPTH) throw new ExpressionError('too-long', at, `nested more than ${MAX_DEPTH} deep`)
    const result = parse()
    depth--
    return result
  }

  function binary(level: number): Expr {
    if (level === LEVELS.length) return unary()
    let left = binary(level + 1)
    for (;;) {
      const t = peek()
      // `and`, `or`, `div`, `mod` are operators only where an operator can stand (XPath's rule).
      const op = LEVELS[level]!.find((o) => isOp(t, o) && (t.kind === 'op' || WORD_OPERATORS.has(o)))
      if (!op) return left
      pos++
      left = { type: 'binary', op, left, right: binary(level + 1) }
    }
  }

  function unary(): Expr {
    const t = peek()
    if (t.kind === 'op' && t.text === '-') {
      pos++
      return nested(t.at, () => ({ type: 'negate', operand: unary() }))
    }
    return primary()
  }

  function primary(): Expr {
    const t = peek()
    pos++
    switch (t.kind) {
      case 'number':
        return { type: 'literal', value: t.value }
      case 'string':
        return { type: 'literal', value: t.text }
      case 'ref':
        return { type: 'ref', name: t.text }
      case 'self':
        return { type: 'self' }
      case 'name':
        if (isOp(peek(), '(')) return call(t.text, t.at)
        return { type: 'column', name: t.text }
      case 'op':
        if (t.text === '(') {
          const inner = nested(t.at, () => binary(0))
          expect(')')
          return inner
        }
        throw new ExpressionError('syntax', t.at, `unexpected "${t.text}"`)
      case 'end':
        throw new ExpressionError('syntax', t.at, 'the expression ends too early')
    }
  }

  function call(name: string, at: number): Expr {
    const arity = ARITY[name]
    if (!arity) throw new ExpressionError('unknown-function', at, name)
    pos++ // (
    const args: Expr[] = []
    if (!isOp(peek(), ')')) {
      for (;;) {
        args.push(nested(at, () => binary(0)))
        if (!isOp(peek(), ',')) break
        pos++
      }
    }
    expect(')')
    // No destructuring in code the phone runs: esbuild cannot lower it for Safari < 14.1 (browser-bundle.ts targets safari13).
    const fewest = arity[0]
    const most = arity[1]
    if (args.length < fewest || (most >= 0 && args.length > most)) {
      const count = fewest === most ? `${fewest}` : most < 0 ? `at least ${fewest}` : `${fewest} to ${most}`
      throw new ExpressionError('syntax', at, `${name}() takes ${count} argument(s), not ${args.length}`)
    }
    if (name === 'regex') {
      const pattern = args[1]!
      if (pattern.type !== 'literal' || typeof pattern.value !== 'string') throw new ExpressionError('unsafe-regex', at, 'the pattern of regex() must be written as a text')
      const unsafe = checkRegexSafety(pattern.value)
      if (unsafe) throw new ExpressionError('unsafe-regex', at, unsafe)
      try {
        compiled(pattern.value)
      } catch {
        throw new ExpressionError('syntax', at, `the pattern "${pattern.value}" is not a valid regular expression`)
      }
    }
    return { type: 'call', name, args }
  }

  const tree = binary(0)
  const rest = peek()
  if (rest.kind !== 'end') throw new ExpressionError('syntax', rest.at, 'unexpected text after the expression')
  return tree
}

export function referencedNames(expr: Expr): string[] {
  const names = new Set<string>()
  const walk = (e: Expr): void => {
    if (e.type === 'ref') names.add(e.name)
    else if (e.type === 'negate') walk(e.operand)
    else if (e.type === 'binary') (walk(e.left), walk(e.right))
    else if (e.type === 'call') e.args.forEach(walk)
  }
  walk(expr)
  return [...names]
}

interface CompiledPattern {
  re: RegExp
  /** Longer subjects are not tested (regex() is false): polynomial backtracking stays bounded. */
  maxSubject: number
}
const regexCache = new Map<string, CompiledPattern>()
/** The compiled regex() pattern, cached because formState runs on every change of an answer. */
export function compiled(pattern: string): CompiledPattern {
  let entry = regexCache.get(pattern)
  if (!entry) {
    // A tree built without parseExpression may hold an unchecked pattern: it gets a limit of 0.
    entry = { re: new RegExp(pattern, 'u'), maxSubject: regexSubjectLimit(pattern) }
    if (regexCache.size >= 100) regexCache.delete(regexCache.keys().next().value!)
    regexCache.set(pattern, entry)
  }
  return entry
}
