// The import graph of src/ and its cycles, for the test that keeps src/ free of import circles
// (src/import-cycles.test.ts). A regex over import/export statements is enough: every relative
// import in src/ names its file with its extension (allowImportingTsExtensions).
import fs from 'node:fs'
import path from 'node:path'

const STATEMENT = /(?:^|[\s;])(import|export)\s+(type\s+)?(?:[\w*{}\s,$]*?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g

/** Relative imports of one file: `import type` and `export type` are erased before run time, so they are marked. */
export function importsOf(text: string): { specifier: string; typeOnly: boolean }[] {
  const found: { specifier: string; typeOnly: boolean }[] = []
  for (const m of text.matchAll(STATEMENT)) {
    if (m[4]) found.push({ specifier: m[4], typeOnly: false })
    else found.push({ specifier: m[3]!, typeOnly: Boolean(m[2]) })
  }
  return found
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
}

/** file (relative to root) → the files it imports; type-only imports are left out unless asked for. */
export function importGraph(root: string, { withTypes = false } = {}): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  for (const file of sourceFiles(root)) {
    const edges = importsOf(fs.readFileSync(file, 'utf8'))
      .filter((i) => withTypes || !i.typeOnly)
      .map((i) => path.relative(root, path.resolve(path.dirname(file), i.specifier)))
    graph.set(path.relative(root, file), [...new Set(edges)])
  }
  return graph
}

/** Every cycle found by a depth-first search, each as the list of files around it (first file repeated at the end). */
export function findCycles(graph: Map<string, string[]>): string[][] {
  const state = new Map<string, 1 | 2>() // absent: not seen; 1: on the current path; 2: done
  const stack: string[] = []
  const cycles: string[][] = []
  const visit = (node: string) => {
    state.set(node, 1)
    stack.push(node)
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 1) cycles.push([...stack.slice(stack.indexOf(next)), next])
      else if (!state.has(next)) visit(next)
    }
    stack.pop()
    state.set(node, 2)
  }
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node)
  return cycles
}
