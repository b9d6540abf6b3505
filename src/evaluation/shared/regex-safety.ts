// A regex() pattern comes from whoever wrote the questionnaire and runs on every phone that answers
// it. A pattern that backtracks exponentially ((a+)+, (a|a)*) would freeze the participant's browser
// on a short answer, so such shapes are refused when the questionnaire is imported or built. The check
// is deliberately coarse: it refuses some harmless patterns rather than let one dangerous one through.
// Patterns without nesting still backtrack polynomially: ^\d*\d*\d*\d*\d*x$ on 300 digits blocked the
// server for 88 s. So the variable-length quantifiers (*, +, ?, {n,}, {n,m}) are counted, with one more
// for a pattern not anchored by a leading ^ (the engine retries it at every position, one more factor
// of the subject's length) and one for each group of alternatives that can match the same text; more
// than MAX_VARIABLE_QUANTIFIERS is refused and the subject regex() may test is limited by the count.

export const MAX_PATTERN_LENGTH = 200
export const MAX_VARIABLE_QUANTIFIERS = 3
/** The longest subject regex() tests, by the pattern's count: n³/6 steps at 200 stays well under a second. */
export const MAX_SUBJECT_TWO = 1000
export const MAX_SUBJECT_THREE = 200

interface Frame {
  /** A quantifier that repeats or varies (not an exact {n}) somewhere inside the group. */
  quantified: boolean
  alternatives: string[]
  /** Whether every alternative so far is plain text (no class, escape, dot or quantifier). */
  plain: boolean
  /** Alternatives somewhere inside that could match the same text. */
  ambiguous: boolean
}

const QUANTIFIER = /^(?:[*+?]|\{(\d+)(?:(,)(\d*))?\})/

/** Why the pattern is refused, or undefined when it is accepted. */
export function checkRegexSafety(pattern: string): string | undefined {
  const shape = regexShape(pattern)
  if (typeof shape === 'string') return shape
  if (shape > MAX_VARIABLE_QUANTIFIERS) {
    return `a pattern may have at most ${MAX_VARIABLE_QUANTIFIERS} variable repetitions (*, +, ?, {n,}, {n,m}; a pattern not starting with ^ and alternatives that overlap count as one more each), this one has ${shape}`
  }
  return undefined
}

/** The longest subject regex() may test with this pattern; 0 when the pattern is refused. */
export function regexSubjectLimit(pattern: string): number {
  const shape = regexShape(pattern)
  if (typeof shape === 'string' || shape > MAX_VARIABLE_QUANTIFIERS) return 0
  return shape === MAX_VARIABLE_QUANTIFIERS ? MAX_SUBJECT_THREE : MAX_SUBJECT_TWO
}

/** Why the pattern is refused, or its count of variable repetitions. */
function regexShape(pattern: string): string | number {
  if (pattern.length > MAX_PATTERN_LENGTH) return `the pattern is longer than ${MAX_PATTERN_LENGTH} characters`
  let variable = 0
  const stack: Frame[] = [{ quantified: false, alternatives: [''], plain: true, ambiguous: false }]
  const top = () => stack[stack.length - 1]!
  const append = (text: string | null) => {
    const frame = top()
    if (text === null) frame.plain = false
    else frame.alternatives[frame.alternatives.length - 1] += text
  }
  // Reads a quantifier at i: its length, whether it repeats (more than once) and whether it varies.
  const quantifierAt = (i: number) => {
    const m = QUANTIFIER.exec(pattern.slice(i))
    if (!m) return undefined
    let length = m[0].length
    if (pattern[i + length] === '?') length++ // lazy
    if (m[1] === undefined) return { length, repeats: m[0] !== '?', varies: true }
    const low = Number(m[1])
    const high = m[2] ? (m[3] ? Number(m[3]) : Infinity) : low
    return { length, repeats: high > 1, varies: high !== low }
  }

  let i = 0
  while (i < pattern.length) {
    const c = pattern[i]!
    if (c === '\\') {
      const next = pattern[i + 1] ?? ''
      if (/[1-9]/.test(next) || next === 'k') return 'a pattern may not refer back to a group (\\1, \\k<name>)'
      let end = i + 2
      // \u{…}, \p{…}, \P{…}: skip the braces so they are not read as a quantifier.
      if (/[upP]/.test(next) && pattern[end] === '{') end = pattern.indexOf('}', end) + 1 || pattern.length
      append(/[A-Za-z0-9]/.test(next) ? null : next)
      i = end
    } else if (c === '[') {
      let j = i + 1
      if (pattern[j] === '^') j++
      if (pattern[j] === ']') j++
      while (j < pattern.length && pattern[j] !== ']') j += pattern[j] === '\\' ? 2 : 1
      append(null)
      i = j + 1
    } else if (c === '(') {
      if (pattern.startsWith('(?<=', i) || pattern.startsWith('(?<!', i)) return 'a pattern may not look behind ((?<= or (?<!)'
      const prefix = /^\(\?(?::|=|!|<[A-Za-z_][A-Za-z0-9_]*>)/.exec(pattern.slice(i))
      stack.push({ quantified: false, alternatives: [''], plain: true, ambiguous: false })
      i += prefix ? prefix[0].length : 1
    } else if (c === ')') {
      if (stack.length === 1) return 0 // unbalanced: new RegExp reports it as invalid
      const group = stack.pop()!
      const q = quantifierAt(i + 1)
      const overlapping = group.alternatives.length > 1 && !distinctPlain(group)
      const ambiguous = group.ambiguous || overlapping
      if (overlapping) variable++
      if (q?.varies) variable++
      if (q?.repeats) {
        if (group.quantified) return 'a repeated group may not contain another repetition, as in (a+)+'
        if (ambiguous) return 'a repeated group may not contain alternatives that can match the same text, as in (a|a)*'
      }
      const parent = top()
      parent.quantified ||= group.quantified || (q?.varies ?? false)
      parent.ambiguous ||= ambiguous
      parent.plain = false
      i += 1 + (q?.length ?? 0)
    } else if (c === '|') {
      top().alternatives.push('')
      i++
    } else {
      const q = quantifierAt(i)
      if (q) {
        top().quantified ||= q.varies
        if (q.varies) variable++
        append(null)
        i += q.length
      } else {
        append(c === '.' || c === '^' || c === '$' ? null : c)
        i++
      }
    }
  }
  // A top-level | anchors only its first alternative.
  if (pattern[0] !== '^' || stack[0]!.alternatives.length > 1) variable++
  return variable
}

/** Alternatives of plain text that all start differently can never match the same text twice. */
function distinctPlain(group: Frame): boolean {
  if (!group.plain) return false
  const firsts = group.alternatives.map((a) => a[0])
  return firsts.every((f) => f !== undefined) && new Set(firsts).size === firsts.length
}
