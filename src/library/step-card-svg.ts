import type { Step } from './step-cards.ts'

/**
 * Draws a step as a phone outline: each menu level a row (levels already open from the sentence
 * before the list greyed, the one to tap filled and marked with a fingertip), then the option or
 * switch to set. Only presentation attributes (the page's CSP forbids style attributes), system
 * fonts, nothing fetched. Shown at its own width (240 px), the type is 14 px.
 */

export const CARD_WIDTH = 240

const INK = '#1b1f24'
const MUTED = '#4d5661'
const LINE = '#c9ced6'
const SOFT = '#f3f5f8'
const BRAND = '#0b5c4a'
const CHOSEN = '#e3f1ec'
const FINGER = '#ffbf47'

const FONT = 14
const LEADING = 18
const PAD = 10
const GAP = 6
const ROW_X = 22
const ROW_W = 196
/** About how many characters of 14 px system type fit a row beside its marker. */
const ROW_CHARS = 18
const VALUE_CHARS = 16

// Characters XML 1.0 forbids outright: a hostile page could otherwise make the whole card unreadable.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Text from a page, safe inside an SVG element or a quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

/** Breaks text into lines of at most `width` characters, at spaces where it can. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    for (let w = word; w.length > 0; w = w.slice(width)) {
      const part = w.slice(0, width)
      if (line && line.length + 1 + part.length > width) {
        lines.push(line)
        line = part
      } else line = line ? `${line} ${part}` : part
    }
  }
  return line ? [...lines, line] : lines
}

const ON = ['on', 'turn on', 'nyalakan', 'aktifkan']
const OFF = ['off', 'turn off', 'matikan', 'nonaktifkan']
/** A value that is only "on" or "off" is drawn as a switch; anything else as a chosen option. */
export function switchState(value: string): 'on' | 'off' | undefined {
  const v = value.trim().toLowerCase()
  return ON.includes(v) ? 'on' : OFF.includes(v) ? 'off' : undefined
}

function textLines(lines: string[], x: number, top: number, fill: string, bold: boolean): string {
  const weight = bold ? ' font-weight="700"' : ''
  return lines.map((l, i) => `<text x="${x}" y="${top + PAD + FONT + i * LEADING - 2}" fill="${fill}"${weight}>${escapeXml(l)}</text>`).join('')
}

const rowHeight = (lines: number) => PAD * 2 + (lines - 1) * LEADING + FONT

/** The card as an SVG document; `title` is its text alternative (also the img's alt). */
export function drawStepCard(step: Step, title: string): { svg: string; width: number; height: number } {
  const parts: string[] = []
  let y = 44
  step.path.forEach((label, i) => {
    const lines = wrap(label, ROW_CHARS)
    const h = rowHeight(lines.length)
    const tap = i === step.path.length - 1
    const open = i < step.context
    const fill = tap ? BRAND : open ? SOFT : '#fff'
    parts.push(`<rect x="${ROW_X}" y="${y}" width="${ROW_W}" height="${h}" rx="6" fill="${fill}" stroke="${tap ? BRAND : LINE}"/>`)
    parts.push(textLines(lines, ROW_X + 10, y, tap ? '#fff' : open ? MUTED : INK, tap))
    const mid = y + h / 2
    if (tap) parts.push(`<circle cx="${ROW_X + ROW_W - 20}" cy="${mid}" r="9" fill="${FINGER}" stroke="${INK}" stroke-width="2"/>`)
    else parts.push(`<path d="M${ROW_X + ROW_W - 22} ${mid - 5}l5 5-5 5" fill="none" stroke="${MUTED}" stroke-width="2"/>`)
    y += h + GAP
  })
  if (step.value !== undefined) {
    y += GAP
    const lines = wrap(step.value, VALUE_CHARS)
    const h = rowHeight(lines.length)
    const mid = y + PAD + FONT / 2
    parts.push(`<rect x="${ROW_X}" y="${y}" width="${ROW_W}" height="${h}" rx="6" fill="${CHOSEN}" stroke="${BRAND}" stroke-width="2"/>`)
    const state = switchState(step.value)
    if (state) {
      const on = state === 'on'
      parts.push(`<rect x="${ROW_X + 10}" y="${mid - 9}" width="32" height="18" rx="9" fill="${on ? BRAND : '#fff'}" stroke="${on ? BRAND : MUTED}" stroke-width="2"/>`)
      parts.push(`<circle cx="${ROW_X + (on ? 33 : 19)}" cy="${mid}" r="6" fill="${on ? '#fff' : MUTED}"/>`)
    } else {
      parts.push(`<circle cx="${ROW_X + 22}" cy="${mid}" r="9" fill="${BRAND}"/><path d="M${ROW_X + 17} ${mid}l4 4 6-8" fill="none" stroke="#fff" stroke-width="2"/>`)
    }
    parts.push(textLines(lines, ROW_X + 48, y, INK, false))
    y += h
  }
  const height = y + 34
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${height}" viewBox="0 0 ${CARD_WIDTH} ${height}" role="img" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" font-size="${FONT}">` +
    `<title>${escapeXml(title)}</title>` +
    `<rect x="6" y="4" width="${CARD_WIDTH - 12}" height="${height - 8}" rx="26" fill="#fff" stroke="${INK}" stroke-width="3"/>` +
    `<rect x="96" y="16" width="48" height="6" rx="3" fill="${LINE}"/>` +
    parts.join('') +
    `<rect x="90" y="${height - 20}" width="60" height="4" rx="2" fill="${LINE}"/>` +
    '</svg>'
  return { svg, width: CARD_WIDTH, height }
}
