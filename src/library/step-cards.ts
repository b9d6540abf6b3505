import MarkdownIt from 'markdown-it'

/**
 * Reads the menu steps of a settings guide (a page with appSteps: true) so each can be drawn as a
 * phone card. Only three written forms are read; anything else stays text, never guessed:
 *
 *   A. `**Groups** → *My contacts*`           a menu item, an arrow, then the option to choose
 *   B. `**Privacy → Private account**: on`    a menu path, a colon, then what to set
 *   C. `open **Settings → Screen Time** …`    a menu path in bold inside a sentence (no option)
 *
 * Labels are kept exactly as the page writes them: menu names on Indonesian phones were never
 * checked (content review finding 41), so nothing here translates or invents one.
 */

/** A list item drawn as a card. */
export interface Step {
  /** Which list item of the page it belongs beside: 0-based, counting every item in document order. */
  item: number
  /** Menu levels, outermost first; the last one is the one to tap. */
  path: string[]
  /** How many of the first levels come from the sentence that introduces the list (already open). */
  context: number
  /** The option or switch to set, when the step names one. */
  value?: string
  /** The step as a reader would say it: the list item's words. */
  text: string
}

/** A step read from one list item's Markdown, before the introducing sentence is added. */
export interface ParsedStep {
  path: string[]
  value?: string
  /** Form C names the whole path itself, so the introducing sentence is not put in front of it. */
  fullPath: boolean
}

const ARROW = '→'
const MAX_LABEL = 60
const MAX_VALUE = 100
const MAX_LEVELS = 6
/** A list item longer than this is prose, not a step (and keeps parsing cheap on hostile text). */
const MAX_ITEM = 600

const md = new MarkdownIt({ html: false, linkify: false, typographer: false })

type Piece = { kind: 'bold' | 'italic' | 'plain'; text: string }

/** An item's inline Markdown as bold, italic and plain runs (links and code count as plain). */
function pieces(markdown: string): Piece[] {
  const out: Piece[] = []
  let bold = 0
  let italic = 0
  for (const token of md.parseInline(markdown, {})[0]?.children ?? []) {
    if (token.type === 'strong_open') bold++
    else if (token.type === 'strong_close') bold--
    else if (token.type === 'em_open') italic++
    else if (token.type === 'em_close') italic--
    else if (token.type === 'text' || token.type === 'code_inline' || token.type === 'softbreak') {
      const kind = bold ? 'bold' : italic ? 'italic' : 'plain'
      const text = token.type === 'softbreak' ? ' ' : token.content
      const last = out.at(-1)
      if (last && last.kind === kind) last.text += text
      else out.push({ kind, text })
    }
  }
  return out
}

const levels = (text: string) => text.split(ARROW).map((l) => l.trim())
const tidy = (text: string) => text.replace(/\s+/g, ' ').trim()

/** Words up to the end of the first sentence (". " or ";"), across runs; undefined when it holds an arrow. */
function sentence(rest: Piece[]): string | undefined {
  const words = tidy(rest.map((p) => p.text).join(''))
  const end = words.search(/[.;](\s|$)/)
  const value = (end === -1 ? words : words.slice(0, end)).trim()
  return value.includes(ARROW) ? undefined : value
}

function valid(step: ParsedStep): ParsedStep | undefined {
  const labelsOk = step.path.length > 0 && step.path.length <= MAX_LEVELS && step.path.every((l) => l.length > 0 && l.length <= MAX_LABEL)
  const valueOk = step.value === undefined || (step.value.length > 0 && step.value.length <= MAX_VALUE)
  return labelsOk && valueOk ? step : undefined
}

/** One list item's Markdown (its first paragraph) read as a step, or undefined when it is not one of the three forms. */
export function parseStep(markdown: string): ParsedStep | undefined {
  if (markdown.length > MAX_ITEM) return undefined
  const runs = pieces(markdown).filter((p, i) => i > 0 || p.kind !== 'plain' || p.text.trim() !== '')
  const first = runs[0]
  if (first?.kind === 'bold' && !first.text.trim().endsWith(':')) {
    const path = levels(first.text)
    let i = 1
    // Form A: more "→ **level**", then "→ *option*" or "→ words".
    while (runs[i]?.kind === 'plain' && runs[i]!.text.trim() === ARROW && runs[i + 1]?.kind === 'bold') {
      path.push(...levels(runs[i + 1]!.text))
      i += 2
    }
    const next = runs[i]
    const after = next?.kind === 'plain' ? next.text.trimStart() : ''
    if (after.startsWith(ARROW)) {
      const tail = after.slice(1).trim()
      if (tail === '' && runs[i + 1]?.kind === 'italic') return valid({ path, value: tidy(runs[i + 1]!.text), fullPath: false })
      if (tail !== '') return valid({ path, value: sentence([{ kind: 'plain', text: tail }, ...runs.slice(i + 1)]), fullPath: false })
    }
    // Form B: "**path**: value" (the colon outside the bold).
    if (after.startsWith(':') && i === 1) {
      const value = sentence([{ kind: 'plain', text: after.slice(1) }, ...runs.slice(i + 1)])
      if (value) return valid({ path, value, fullPath: false })
    }
  }
  // Form C: the first bold run that holds an arrow is the whole path.
  const named = runs.find((p) => p.kind === 'bold' && p.text.includes(ARROW))
  return named ? valid({ path: levels(named.text), fullPath: true }) : undefined
}

/** The plain words of an item's Markdown, for the text alternative. */
export const stepWords = (markdown: string): string => tidy(pieces(markdown).map((p) => p.text).join(''))

/**
 * Every step of a page's Markdown body that reads as one of the forms. A list introduced by a
 * sentence ending in ":" with a bold menu path in it (`Open WhatsApp → **Settings → Privacy**. Then:`)
 * starts each of its cards with that path.
 */
export function listSteps(markdown: string): Step[] {
  const tokens = md.parse(markdown, {})
  const steps: Step[] = []
  let item = -1
  let lastParagraph = ''
  const contextOf: string[][] = []
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    if (token.type === 'inline' && tokens[i - 1]?.type === 'paragraph_open' && !tokens[i - 1]!.hidden) lastParagraph = token.content
    else if (token.type === 'heading_open') lastParagraph = ''
    if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') {
      const lead = lastParagraph.trim().endsWith(':') ? parseStep(lastParagraph) : undefined
      contextOf.push(lead?.fullPath ? lead.path : [])
      lastParagraph = ''
    } else if (token.type === 'bullet_list_close' || token.type === 'ordered_list_close') {
      contextOf.pop()
    } else if (token.type === 'list_item_open') {
      item++
      const inline = tokens.slice(i + 1).find((t) => t.type === 'inline' || t.type === 'list_item_close')
      const parsed = inline?.type === 'inline' ? parseStep(inline.content) : undefined
      if (!parsed || !inline) continue
      const context = parsed.fullPath ? [] : (contextOf.at(-1) ?? [])
      const path = [...context, ...parsed.path]
      if (path.length > MAX_LEVELS) continue
      steps.push({ item, path, context: context.length, ...(parsed.value ? { value: parsed.value } : {}), text: stepWords(inline.content) })
    }
  }
  return steps
}
