// Skip logic that goes round in a circle (a is shown while b is empty, b once a is answered) has no
// single answer to "which questions were shown": it depends on the order it is worked out in. Such a
// questionnaire is refused where it is made (builder, import), naming the questions on the circle.
// Only show-if (relevant) counts: an answer is empty while its question is hidden, so a question's value
// depends on its own and its section's show-if; nothing reads whether a question is required, so
// required-if and constraints can never close a circle. Pure, no Node APIs.
import type { Definition } from '../questionnaire-schema.ts'
import { parseExpression, referencedNames } from './expression.ts'

/** A question by its id, or a section by its place (0-based). */
export type LogicNode = { item: string } | { section: number }

const SECTION = '\u0000section:'
const names = (source: string | undefined): string[] => {
  if (!source) return []
  try {
    return referencedNames(parseExpression(source))
  } catch {
    return []
  }
}

/**
 * The circles in the show-if logic, each as the path that goes round it (first node repeated at the
 * end, e.g. a → b → a), at most one a circle of nodes and in the questionnaire's order; [] when none.
 */
export function findLogicCycles(definition: Definition): LogicNode[][] {
  // The names an expression may use: an item's id, and `<id>_other` for its written "Other" answer.
  const itemKey = new Map<string, string>()
  for (const section of definition.sections)
    for (const item of section.items) {
      itemKey.set(item.id, item.id)
      if (item.other) itemKey.set(`${item.id}_other`, item.id)
    }
  const refs = (source: string | undefined) => names(source).flatMap((n) => (itemKey.has(n) ? [itemKey.get(n)!] : []))
  // Node key → the keys whose value decides whether it is shown, in the questionnaire's order.
  const edges = new Map<string, string[]>()
  definition.sections.forEach((section, s) => {
    edges.set(SECTION + s, refs(section.relevant))
    for (const item of section.items) edges.set(item.id, [...(section.relevant ? [SECTION + s] : []), ...refs(item.relevant)])
  })
  const order = new Map([...edges.keys()].map((k, i) => [k, i]))

  const cycles: string[][] = []
  const seen = new Set<string>()
  const done = new Set<string>()
  // Iterative depth-first search: a questionnaire may have thousands of questions and the phone a small stack.
  for (const start of edges.keys()) {
    if (done.has(start)) continue
    const path: string[] = [start]
    const onPath = new Map([[start, 0]])
    const next: number[] = [0]
    while (path.length) {
      const key = path[path.length - 1]!
      const to = edges.get(key)!
      const i = next[next.length - 1]!
      if (i >= to.length) {
        done.add(key)
        onPath.delete(key)
        path.pop()
        next.pop()
        continue
      }
      next[next.length - 1] = i + 1
      const target = to[i]!
      const at = onPath.get(target)
      if (at !== undefined) {
        const ring = path.slice(at)
        const id = [...ring].sort().join('\u0001')
        if (!seen.has(id)) {
          seen.add(id)
          // Read from its earliest node, so it names the questions in the order they are asked.
          let first = 0
          ring.forEach((k, j) => {
            if (order.get(k)! < order.get(ring[first]!)!) first = j
          })
          cycles.push([...ring.slice(first), ...ring.slice(0, first), ring[first]!])
        }
      } else if (!done.has(target)) {
        onPath.set(target, path.length)
        path.push(target)
        next.push(0)
      }
    }
  }
  cycles.sort((a, b) => order.get(a[0]!)! - order.get(b[0]!)!)
  return cycles.map((c) => c.map((k): LogicNode => (k.startsWith(SECTION) ? { section: Number(k.slice(SECTION.length)) } : { item: k })))
}

/** A circle as text, each node followed by the one its show-if reads: question ids, a section as #n (n from 1) or as `sectionName` calls it. */
export function describeCycle(cycle: LogicNode[], sectionName: (section: number) => string = (n) => `#${n + 1}`): string {
  return cycle.map((n) => ('item' in n ? n.item : sectionName(n.section))).join(' → ')
}
