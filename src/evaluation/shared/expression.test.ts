import { describe, expect, it } from 'vitest'
import { evaluate, ExpressionError, holds, parseExpression, referencedNames, toNumber, type EvalContext, type Value } from './expression.ts'

const answers: Record<string, Value> = {
  age: 12,
  name: 'Budi',
  empty: '',
  fruits: 'apple banana',
  dob: '2014-05-01',
  consent: 'yes',
  zero: 0,
  text5: '5',
  yes: true,
}
const ctx = (extra: Partial<EvalContext> = {}): EvalContext => ({
  value: (n) => answers[n] ?? '',
  today: '2026-12-01',
  column: (n) => ({ district: 'amplas', name: 'opt1' })[n] ?? '',
  ...extra,
})
const run = (source: string, extra: Partial<EvalContext> = {}) => evaluate(parseExpression(source), ctx(extra))

// [expression, expected value]
const VALUES: [string, Value][] = [
  ['1', 1],
  ['1.5', 1.5],
  ['.5', 0.5],
  ["'hello'", 'hello'],
  ['"two words"', 'two words'],
  ['${age}', 12],
  ['${missing}', ''],
  ['1 + 2 * 3', 7],
  ['(1 + 2) * 3', 9],
  ['10 - 2 - 3', 5],
  ['7 div 2', 3.5],
  ['7 mod 3', 1],
  ['-7 mod 3', -1],
  ['1 div 0', Infinity],
  ['-1 div 0', -Infinity],
  ['- ${age}', -12],
  ['--3', 3],
  ['${age} + 1', 13],
  ["${text5} + 1", 6],
  ["${name} + 1", NaN],
  ["${empty} + 1", NaN],
  ['${age} = 12', true],
  ["${age} = '12'", true],
  ["${age} = '12.0'", true],
  ["'12' = '12.0'", false],
  ["${name} = 'Budi'", true],
  ["${name} != 'Budi'", false],
  ["${name} = 'budi'", false],
  ['${empty} = 0', false],
  ['${empty} != 0', true],
  ["${yes} = 'anything'", true],
  ["${yes} = ''", false],
  ['${age} > 10 and ${age} < 13', true],
  ['${age} >= 12', true],
  ['${age} <= 11', false],
  ["${name} > 1", false],
  ["${empty} < 1", false],
  ["${empty} >= 1", false],
  ["'2024-01-02' > '2024-01-01'", true],
  ['${dob} <= today()', true],
  ["'2027-01-01' <= today()", false],
  ['today() - ${dob}', 4597],
  ["'2025-02-30' < today()", false],
  ['. <= today()', true],
  ['1 = 1 or 1 div 0', true],
  ['1 = 2 and 1 = 1', false],
  ["selected(${fruits}, 'banana')", true],
  ["selected(${fruits}, 'ban')", false],
  ["selected(${empty}, 'apple')", false],
  ['count-selected(${fruits})', 2],
  ['count-selected(${empty})', 0],
  ["string-length('Anda')", 4],
  ['string-length(${empty})', 0],
  ['string-length(.)', 10],
  ['string-length()', 10],
  ["regex(${name}, '^[A-Z][a-z]+$')", true],
  ["regex('081234', '^08[0-9]{4,11}$')", true],
  ["regex('hello', '^[0-9]+$')", false],
  ["regex('a1', '[0-9]')", true],
  ["regex('x', '^(yes|no)*$')", false],
  ["if(${age} > 10, 'old', 'young')", 'old'],
  ["if(${empty}, 'set', 'unset')", 'unset'],
  ["coalesce(${empty}, 'fallback')", 'fallback'],
  ["coalesce(${name}, 'fallback')", 'Budi'],
  ['today()', '2026-12-01'],
  ['true()', true],
  ['false()', false],
  ['not(${age} = 12)', false],
  ['not(${empty})', true],
  ["number('3.25')", 3.25],
  ["number('1e3')", NaN],
  ["number('')", NaN],
  ['number(true())', 1],
  ['string(12)', '12'],
  ['string(1 div 0)', 'Infinity'],
  ['string(0 div 0)', 'NaN'],
  ['string(true())', 'true'],
  ['string(-0)', '0'],
  ['int(3.7)', 3],
  ['int(-3.7)', -3],
  ['round(2.5)', 3],
  ['round(2.4)', 2],
  ['round(1.005, 2)', 1.01],
  ["concat('a', ${name}, 1)", 'aBudi1'],
  ['concat()', ''],
  ["contains(${name}, 'ud')", true],
  ["contains(${name}, 'x')", false],
  ["starts-with(${name}, 'Bu')", true],
  ["starts-with(${name}, 'ud')", false],
  ['boolean(0)', false],
  ['boolean(0 div 0)', false],
  ["boolean('')", false],
  ["boolean('false')", true],
  ['boolean(${zero})', false],
  ['district', 'amplas'],
  ["district = 'amplas' and name != 'opt2'", true],
  ['nonexistent', ''],
]

describe('evaluating an expression', () => {
  it.each(VALUES)('%s gives %s', (source, expected) => {
    expect(run(source, { self: '2020-03-15' })).toEqual(expected)
  })

  it('reads . as the answer being checked, and as empty when there is none', () => {
    expect(run('. > 5', { self: 7 })).toBe(true)
    expect(run('.', {})).toBe('')
  })

  it('reads a bare name as empty when there are no choice columns', () => {
    expect(run('district', { column: undefined })).toBe('')
  })

  it('does not evaluate the right side of and/or once the left decides', () => {
    const read: string[] = []
    const spy = ctx({ value: (n) => (read.push(n), answers[n] ?? '') })
    expect(holds(parseExpression("${consent} = 'yes' or ${age} > 1"), spy)).toBe(true)
    expect(holds(parseExpression("${consent} = 'no' and ${age} > 1"), spy)).toBe(false)
    expect(read).toEqual(['consent', 'consent'])
  })

  it('evaluates only the branch of if() that is taken', () => {
    const read: string[] = []
    const spy = ctx({ value: (n) => (read.push(n), answers[n] ?? '') })
    expect(evaluate(parseExpression("if(true(), ${name}, ${age})"), spy)).toBe('Budi')
    expect(read).toEqual(['name'])
  })

  it('makes regex() false for a text longer than its pattern allows, never testing a silently cut text', () => {
    // One variable repetition (counting the missing ^): up to 1000 characters.
    expect(run("regex(., 'b')", { self: 'b' + 'a'.repeat(1000) })).toBe(false)
    expect(run("regex(., 'b')", { self: 'b' + 'a'.repeat(999) })).toBe(true)
    // Three: up to 200.
    expect(run("regex(., '^\\d*\\d*\\d*x$')", { self: '1'.repeat(199) + 'x' })).toBe(true)
    expect(run("regex(., '^\\d*\\d*\\d*x$')", { self: '1'.repeat(200) + 'x' })).toBe(false)
  })

  it('tests the worst subject of a three-repetition pattern quickly', () => {
    const started = Date.now()
    expect(run("regex(., '^\\d*\\d*\\d*x$')", { self: '1'.repeat(200) })).toBe(false)
    expect(run("regex(., '\\d*\\d*x')", { self: '1'.repeat(200) })).toBe(false)
    // A safety guard, not a benchmark: the five-repetition pattern took 88 s on 300 digits.
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('turns an ISO date into days since 1970-01-01 and refuses a day that does not exist', () => {
    expect(toNumber('1970-01-02')).toBe(1)
    expect(toNumber('2024-02-29')).toBe(19782)
    expect(toNumber('2023-02-29')).toBeNaN()
  })

  it('lists the names an expression refers to, once each', () => {
    expect(referencedNames(parseExpression("${a} = 1 and selected(${b}, 'x') or -${a} > count-selected(${c}) and district = ${d}"))).toEqual(['a', 'b', 'c', 'd'])
  })

  it('keeps XLSForm names as written: case, - and .', () => {
    expect(referencedNames(parseExpression('${Q1.a-b} = 1'))).toEqual(['Q1.a-b'])
  })
})

// [expression, reason, detail contains]
const ERRORS: [string, ExpressionError['reason'], string][] = [
  ['', 'syntax', 'ends too early'],
  ['1 +', 'syntax', 'ends too early'],
  ['(1 + 2', 'syntax', '")" expected'],
  ['1 2', 'syntax', 'after the expression'],
  ["'unclosed", 'syntax', 'not closed'],
  ['${name', 'syntax', '${name}'],
  ['${}', 'syntax', '${name}'],
  ['${a} == 1', 'syntax', 'unexpected'],
  ['${a} & 1', 'syntax', 'unexpected "&"'],
  ['../a', 'syntax', ''],
  ['now()', 'unknown-function', 'now'],
  ['format-date(today(), "%Y")', 'unknown-function', 'format-date'],
  ['pulldata("x", "y", "z", "w")', 'unknown-function', 'pulldata'],
  ['jr:choice-name(${a}, "${a}")', 'syntax', ''],
  ['selected(${a})', 'syntax', 'selected() takes 2'],
  ['if(1, 2)', 'syntax', 'if() takes 3'],
  ['today(1)', 'syntax', 'today() takes 0'],
  ['x'.repeat(1001), 'too-long', '1000'],
  ['('.repeat(51) + '1' + ')'.repeat(51), 'too-long', 'nested'],
  ['-'.repeat(51) + '1', 'too-long', 'nested'],
  ["regex(., '(a+)+$')", 'unsafe-regex', 'repetition'],
  ["regex(., '(a*)*')", 'unsafe-regex', 'repetition'],
  ["regex(., '^(\\d+)*$')", 'unsafe-regex', 'repetition'],
  ["regex(., '((ab)+)+')", 'unsafe-regex', 'repetition'],
  ["regex(., '(x{1,5}){2,}')", 'unsafe-regex', 'repetition'],
  ["regex(., '(a|a)*')", 'unsafe-regex', 'alternatives'],
  ["regex(., '(a|ab)+')", 'unsafe-regex', 'alternatives'],
  ["regex(., '((a|a))*')", 'unsafe-regex', 'alternatives'],
  ["regex(., '([a-z]|[0-9])+')", 'unsafe-regex', 'alternatives'],
  ["regex(., '(a)\\1')", 'unsafe-regex', 'refer back'],
  ["regex(., '(?<x>a)\\k<x>')", 'unsafe-regex', 'refer back'],
  ["regex(., '(?<=a)b')", 'unsafe-regex', 'look behind'],
  ["regex(., '(?<!a)b')", 'unsafe-regex', 'look behind'],
  [`regex(., '${'a'.repeat(201)}')`, 'unsafe-regex', '200'],
  ['regex(., ${pattern})', 'unsafe-regex', 'written as a text'],
  ["regex(., concat('a', '+'))", 'unsafe-regex', 'written as a text'],
  ["regex(., '^\\d*\\d*\\d*\\d*\\d*x$')", 'unsafe-regex', 'at most 3 variable repetitions'],
  ["regex(., '\\d*\\d*\\d*x')", 'unsafe-regex', 'at most 3'],
  ["regex(., '^a?b+c{2,}d{1,3}$')", 'unsafe-regex', 'this one has 4'],
  ["regex(., '^(?:\\d*x)(?:\\d+y)(?:z?)(?:\\s{0,2})$')", 'unsafe-regex', 'this one has 4'],
  ["regex(., '^(?:[a-z]|[0-9])(?:\\d|x)\\d*\\d*$')", 'unsafe-regex', 'this one has 4'],
  ["regex(., '^a|\\d*\\d*\\d*')", 'unsafe-regex', 'this one has 4'],
  ["regex(., '[a-')", 'syntax', 'not a valid regular expression'],
  ["regex(., 'a{')", 'syntax', 'not a valid regular expression'],
]

describe('refusing an expression', () => {
  it.each(ERRORS)('%s is refused as %s', (source, reason, detail) => {
    let error: unknown
    try {
      parseExpression(source)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ExpressionError)
    expect((error as ExpressionError).reason).toBe(reason)
    expect((error as ExpressionError).detail).toContain(detail)
  })

  it('says where the error is', () => {
    expect(() => parseExpression('${a} = @')).toThrow(expect.objectContaining({ at: 7 }))
    expect(() => parseExpression('1 + nope(2)')).toThrow(expect.objectContaining({ at: 4, detail: 'nope' }))
  })

  it('accepts the safe regex shapes real forms use', () => {
    for (const p of ['^[0-9]{10,13}$', '^(\\+62|0)8[0-9]{8,11}$', '^[A-Z]{2}-[0-9]+$', '^(yes|no)+$', '^(\\d{3}-)+\\d{2}$', '^[^@]+@[^@]+\\.[a-z]+$', '^\\p{L}+$', '^(?:ab|cd){1,3}$', '^\\d*\\d*\\d*x$', '\\d+-\\d+', '^[0-9]{2}(?:yes|no){2}[+*?]$'])
      expect(() => parseExpression(`regex(., '${p}')`), p).not.toThrow()
  })

  it('accepts 50 levels of nesting', () => {
    expect(run('('.repeat(50) + '1' + ')'.repeat(50))).toBe(1)
  })
})
