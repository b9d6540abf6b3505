import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { findCycles, importGraph, importsOf } from '../test/import-graph.ts'

describe('import circles', () => {
  it('reads value, type-only, re-exported, multi-line and dynamic imports', () => {
    const text = `import { a } from './a.ts'\nimport type { B } from '../b.ts'\nimport {\n  c,\n  type D,\n} from './c.tsx'\nexport { e } from './e.ts'\nconst f = await import('./f.ts')\nimport fs from 'node:fs'`
    expect(importsOf(text)).toEqual([
      { specifier: './a.ts', typeOnly: false },
      { specifier: '../b.ts', typeOnly: true },
      { specifier: './c.tsx', typeOnly: false },
      { specifier: './e.ts', typeOnly: false },
      { specifier: './f.ts', typeOnly: false },
    ])
  })

  it('finds a circle of two files and one through three', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['a.ts']],
      ['c.ts', ['d.ts']],
      ['d.ts', ['e.ts']],
      ['e.ts', ['c.ts']],
      ['f.ts', ['a.ts', 'c.ts']],
    ])
    expect(findCycles(graph)).toEqual([
      ['a.ts', 'b.ts', 'a.ts'],
      ['c.ts', 'd.ts', 'e.ts', 'c.ts'],
    ])
    expect(findCycles(new Map([['a.ts', ['b.ts']], ['b.ts', []]]))).toEqual([])
  })

  // A circle makes the load order decide which module sees the other half-initialised; a type-only
  // one is harmless at run time but is the same knot in the design, so it counts too.
  it('src/ has no import circle, type-only imports included', () => {
    const graph = importGraph(path.resolve(import.meta.dirname), { withTypes: true })
    expect(graph.size).toBeGreaterThan(100)
    expect(findCycles(graph).map((c) => c.join(' → '))).toEqual([])
  })
})
