import { describe, expect, it } from 'vitest'
import { definitionSchema, type Definition } from '../questionnaire-schema.ts'
import { describeCycle, findLogicCycles } from './logic-cycles.ts'

const l = (x: string) => ({ id: x, en: x })
const text = (id: string, relevant?: string, more: Record<string, unknown> = {}) => ({ id, kind: 'text', label: l(id), ...(relevant ? { relevant } : {}), ...more })
const def = (...sections: { relevant?: string; items: unknown[] }[]): Definition => definitionSchema.parse({ sections })
const described = (d: Definition) => findLogicCycles(d).map((c) => describeCycle(c))

describe('finding circles in the skip logic', () => {
  it('finds none in ordinary logic that only looks back', () => {
    expect(findLogicCycles(def({ items: [text('a'), text('b', "${a} = 'x'"), text('c', "${a} = 'x' and ${b} != ''", { requiredIf: "${b} = 'y'" })] }))).toEqual([])
  })

  it('names two questions that show each other, in the order they are asked', () => {
    expect(described(def({ items: [text('a', "${b} = ''"), text('b', "${a} != ''")] }))).toEqual(['a → b → a'])
  })

  it('names a question shown by its own answer', () => {
    expect(described(def({ items: [text('a', "${a} = ''")] }))).toEqual(['a → a'])
  })

  it('follows a longer circle, the written "Other" answer and a section’s show-if', () => {
    expect(described(def({ items: [text('a', "${c} = 'x'"), text('b', "${a} = 'x'"), text('c', "${b} = 'x'")] }))).toEqual(['a → c → b → a'])
    const other = { kind: 'single', other: true, options: [{ value: 'x', label: l('x') }, { value: 'y', label: l('y') }] }
    expect(described(def({ items: [text('j', "${k} = ''", other), text('k', "${j_other} != ''")] }))).toEqual(['j → k → j'])
    expect(described(def({ items: [text('a')] }, { relevant: "${b} = ''", items: [text('b')] }))).toEqual(['#2 → b → #2'])
  })

  it('does not count required-if or constraints, which nothing reads back', () => {
    expect(findLogicCycles(def({ items: [text('a', undefined, { requiredIf: "${b} != ''" }), text('b', undefined, { requiredIf: "${a} != ''", constraint: ". != ${a}" })] }))).toEqual([])
  })

  it('reports each circle once, and every separate one', () => {
    const d = def({ items: [text('a', "${b} = '' or ${a} = ''"), text('b', "${a} != ''"), text('c', "${d} = ''"), text('d', "${c} = ''")] })
    expect(described(d)).toEqual(['a → b → a', 'a → a', 'c → d → c'])
  })

  it('goes through thousands of questions in a chain without running out of stack', () => {
    const items = Array.from({ length: 5000 }, (_, i) => text(`q${i}`, i ? `\${q${i - 1}} = ''` : "${q4999} = ''"))
    const cycles = findLogicCycles(def({ items }))
    expect(cycles).toHaveLength(1)
    expect(cycles[0]).toHaveLength(5001)
  })
})
