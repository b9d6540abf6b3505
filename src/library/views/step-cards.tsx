import type { T } from '../../messages.ts'
import type { Locale } from '../../platform/i18n/i18n.ts'
import { drawStepCard, switchState } from '../step-card-svg.ts'
import type { Step } from '../step-cards.ts'
import { stepCardUrl } from '../library-urls.ts'

/** The card in words: its img alt and the SVG's own title. */
export function stepCardAlt(t: T, step: Step): string {
  const path = step.path.join(' → ')
  if (step.value === undefined) return t('stepCard.altPath', { path })
  const state = switchState(step.value)
  if (state) return t(state === 'on' ? 'stepCard.altOn' : 'stepCard.altOff', { path })
  return t('stepCard.alt', { path, value: step.value })
}

/** The n-th card of a page (1-based) as an SVG document, or undefined when the page has no such card. */
export function renderStepCard(t: T, steps: Step[], n: number) {
  const step = Number.isInteger(n) && n >= 1 ? steps[n - 1] : undefined
  return step ? drawStepCard(step, stepCardAlt(t, step)) : undefined
}

/**
 * Puts each step's card at the end of its list item in a page's rendered HTML. Steps count list
 * items in document order, as markdown-it writes them; content HTML is never raw (html: false), so
 * every "<li" here is one of its items.
 */
export function withStepCards(t: T, locale: Locale, slug: string, steps: Step[], html: string): string {
  if (steps.length === 0) return html
  const cardAt = new Map(steps.map((s, i) => [s.item, { step: s, n: i + 1 }]))
  const ends = new Map<number, string>()
  const open: { item: number }[] = []
  let item = -1
  for (const m of html.matchAll(/<li[\s>]|<\/li>/g)) {
    if (m[0] !== '</li>') open.push({ item: ++item })
    else {
      const closing = open.pop()
      const card = closing && cardAt.get(closing.item)
      if (!card) continue
      const { width, height } = drawStepCard(card.step, '')
      ends.set(m.index, String(<img class="step-card" src={stepCardUrl(locale, slug, card.n)} loading="lazy" decoding="async" width={width} height={height} alt={stepCardAlt(t, card.step)} />))
    }
  }
  let out = ''
  let from = 0
  for (const [at, img] of [...ends].sort((a, b) => a[0] - b[0])) {
    out += html.slice(from, at) + img
    from = at
  }
  return out + html.slice(from)
}
