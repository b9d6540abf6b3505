import { createRequire } from 'node:module'
import type PDFKitModule from 'pdfkit'
import { pdfFonts } from './pdf-fonts.ts'

const require = createRequire(import.meta.url)
// Required on the first PDF, not at start: pdfkit and what it loads cost ~25 MB of a server's memory (issue 17).
let PDFDocument: typeof PDFKitModule | undefined

export const PDF_COLOURS = { brand: '#0b5c4a', ink: '#1b1f24', muted: '#4d5661', line: '#c9ced6', alarm: '#7a0c0c' }

/**
 * A new PDF with Jaga's fonts registered as "regular" and "bold", and a promise of its bytes once
 * doc.end() is called.
 */
export function newPdf(options: PDFKit.PDFDocumentOptions): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  PDFDocument ??= require('pdfkit') as typeof PDFKitModule
  const doc = new PDFDocument(options)
  // Unpacked once (pdf-fonts.ts); each document parses its own.
  const fonts = pdfFonts()
  doc.registerFont('regular', fonts.regular)
  doc.registerFont('bold', fonts.bold)
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))
  return { doc, done }
}

let warming: Promise<void> | undefined
let warm = false

/** Whether warmPdf has not started, is under way, or has finished. */
export const pdfWarmth = (): 'cold' | 'warming' | 'warm' => (warm ? 'warm' : warming ? 'warming' : 'cold')

/**
 * Loads pdfkit, parses the fonts and lays out a throw-away page in both fonts, one step per turn of
 * the event loop so that requests arriving meanwhile are answered between steps. Called after a page
 * that offers a PDF is sent (lazy, but before the click): the first PDF of a process otherwise spends
 * ~0.3–0.6 s on this, and a server that never makes a PDF keeps the ~20 MB it costs (issue 17).
 * Idempotent; a failure is left for the real PDF to report.
 */
export function warmPdf(): Promise<void> {
  warming ??= (async () => {
    const turn = () => new Promise((resolve) => setImmediate(resolve))
    await turn()
    pdfFonts()
    await turn()
    // fontkit, the larger half of pdfkit's modules, in a turn of its own.
    createRequire(require.resolve('pdfkit'))('fontkit')
    await turn()
    PDFDocument ??= require('pdfkit') as typeof PDFKitModule
    await turn()
    const { doc, done } = newPdf({ size: 'A4' })
    const sample = 'AaBbCcDdEeFfGgHhIiJjKkLlMmNnOoPpQqRrSsTtUuVvWwXxYyZz 0123456789 .,:;–—…·/%()<>?!"\'’“”'
    for (const font of ['regular', 'bold'] as const) cellText(doc, sample, 48, 48, 200, { font, size: 9 })
    doc.end()
    await done
    warm = true
  })().catch(() => {
    warming = undefined
  })
  return warming
}

/** Below a row's text: the gap, the rule and the space after it. */
const RULE_SPACE = 5

/** The smallest type a cell shrinks to for a word wider than its cell: still readable on paper. */
const FLOOR_SIZE = 6

/**
 * A label joined to what follows with a colon, without doubling a mark the label already ends in:
 * "Berguna bagi saya." becomes "Berguna bagi saya: 4,5", and "Ingin tahu apa?" stays "Ingin tahu apa? 2".
 */
export function labelled(label: string, value: string): string {
  const trimmed = label.trimEnd()
  if (/[?!…:]$/.test(trimmed)) return `${trimmed} ${value}`
  return `${trimmed.replace(/[.;]+$/, '')}: ${value}`
}

/** A cell's text laid out: its lines, the type size they are set in and the height of one line. */
export interface CellLayout {
  lines: string[]
  size: number
  lineHeight: number
}

type CellOptions = { font?: 'regular' | 'bold'; size: number; colour?: string; maxLines?: number }

/**
 * Text in a box `width` wide, broken into lines at spaces only (pdfkit's own wrapping also breaks
 * after hyphens and splits a word too long for the line), in a smaller type, down to FLOOR_SIZE, when
 * one word is wider than the cell. With `maxLines`, the text ends on the last whole word that fits,
 * followed by "…". Measures only (it sets the document's font and size): the caller knows the height
 * before drawing, so a row can move to the next page whole.
 */
export function layoutCell(doc: PDFKit.PDFDocument, text: string, width: number, o: CellOptions): CellLayout {
  const words = text.split(/\s+/).filter(Boolean)
  doc.font(o.font ?? 'regular')
  let size = o.size
  const fits = (s: string) => doc.widthOfString(s) <= width
  doc.fontSize(size)
  while (size > FLOOR_SIZE && !words.every(fits)) doc.fontSize((size = Math.max(FLOOR_SIZE, size - 0.5)))
  // Still too wide at the floor (a link, a made-up word): the word ends in "…" on its own line rather than running on to the next.
  const whole = words.map((w) => (fits(w) ? w : shorten(w, fits)))
  const lines: string[] = []
  for (const word of whole) {
    const last = lines.at(-1)
    if (last !== undefined && fits(`${last} ${word}`)) lines[lines.length - 1] = `${last} ${word}`
    else lines.push(word)
  }
  if (o.maxLines && lines.length > o.maxLines) {
    lines.length = o.maxLines
    const kept = lines[o.maxLines - 1]!.split(' ')
    while (kept.length > 1 && !fits(`${kept.join(' ')}…`)) kept.pop()
    lines[o.maxLines - 1] = fits(`${kept.join(' ')}…`) ? `${kept.join(' ')}…` : kept.join(' ')
  }
  return { lines, size, lineHeight: doc.currentLineHeight(true) }
}

/** Draws a laid-out cell at (x, y); returns the y below its last line. */
export function drawCell(doc: PDFKit.PDFDocument, cell: CellLayout, x: number, y: number, o: Pick<CellOptions, 'font' | 'colour'> = {}): number {
  doc.font(o.font ?? 'regular').fontSize(cell.size).fillColor(o.colour ?? PDF_COLOURS.ink)
  // lineBreak: false draws each line as it is: pdfkit would otherwise wrap it again by its own rules.
  cell.lines.forEach((l, i) => doc.text(l, x, y + i * cell.lineHeight, { lineBreak: false }))
  return y + cell.lines.length * cell.lineHeight
}

/** Lays out and draws text in a cell at (x, y) (layoutCell); returns the y below the last line. No page break: see reportWriter. */
export function cellText(doc: PDFKit.PDFDocument, text: string, x: number, y: number, width: number, o: CellOptions): number {
  return drawCell(doc, layoutCell(doc, text, width, o), x, y, o)
}

/** The longest start of a word that fits, with "…". */
function shorten(word: string, fits: (s: string) => boolean): string {
  const chars = [...word]
  while (chars.length > 1 && !fits(`${chars.join('')}…`)) chars.pop()
  return `${chars.join('')}…`
}

/**
 * The building blocks of Jaga's A4 reports on one document: a banner, headings, lines of text,
 * rows of columns and horizontal bar charts, each starting a new page when the page is full.
 */
export function reportWriter(doc: PDFKit.PDFDocument, margin = 48) {
  const { brand, ink, muted, line: rule } = PDF_COLOURS
  const left = margin
  const width = doc.page.width - 2 * margin
  const roomFor = (height: number) => {
    if (doc.y > doc.page.height - height) doc.addPage()
  }
  // A cell taller than a page could never fit: it ends with "…" after as many lines as a page holds.
  const linesPerPage = (size: number) => Math.max(1, Math.floor((doc.page.height - 2 * margin - 40) / (size * 1.4)))
  return {
    left,
    width,
    /** Starts a new page unless `height` points are left: keeps a title with the lines under it. */
    roomFor,
    banner(title: string, subtitle: string) {
      doc.rect(0, 0, doc.page.width, 84).fill(brand)
      doc.fillColor('#ffffff').font('bold').fontSize(20).text(title, left, 24, { width })
      doc.font('regular').fontSize(11).text(subtitle, left, 52, { width })
      doc.y = 104
    },
    heading(text: string) {
      roomFor(140)
      doc.moveDown(0.8).font('bold').fontSize(13).fillColor(brand).text(text, left, doc.y, { width }).moveDown(0.3)
    },
    line(text: string, o: { bold?: boolean; size?: number; colour?: string } = {}) {
      doc.font(o.bold ? 'bold' : 'regular').fontSize(o.size ?? 10).fillColor(o.colour ?? ink).text(text, left, doc.y, { width })
    },
    /**
     * A row of columns at fixed x offsets, ruled underneath. Every cell is measured first, and the row
     * starts a new page unless all of it fits above the bottom margin: a cell never runs off the page.
     */
    row(cells: string[], xs: number[], o: { bold?: boolean } = {}) {
      const font = o.bold ? 'bold' : 'regular'
      const laid = cells.map((text, i) => layoutCell(doc, text, (xs[i + 1] ?? width) - xs[i]! - 6, { font, size: 8.5, maxLines: linesPerPage(8.5) }))
      roomFor(Math.max(0, ...laid.map((c) => c.lines.length * c.lineHeight)) + RULE_SPACE + margin)
      const y = doc.y
      let bottom = y
      laid.forEach((cell, i) => (bottom = Math.max(bottom, drawCell(doc, cell, left + xs[i]!, y, { font }))))
      doc.y = bottom + 2
      doc.moveTo(left, doc.y).lineTo(left + width, doc.y).lineWidth(0.4).stroke(rule)
      doc.y += 3
    },
    /**
     * Horizontal bars; a null value is hidden (a small count) and shows its label only. Several series
     * draw stacked per item. Each item (its wrapped label and its bars) moves to the next page whole.
     */
    bars(items: { label: string; values: (number | null)[] }[], o: { max?: number; format: (v: number | null) => string; colours?: string[] }) {
      const max = o.max ?? Math.max(1, ...items.flatMap((i) => i.values.map((v) => v ?? 0)))
      const colours = o.colours ?? [brand]
      for (const item of items) {
        const label = layoutCell(doc, item.label, 150, { size: 9, maxLines: linesPerPage(9) })
        const height = Math.max(label.lines.length * label.lineHeight + 4, 4 + 12 * item.values.length)
        roomFor(height + margin)
        const y = doc.y
        drawCell(doc, label, left, y)
        item.values.forEach((value, k) => {
          const by = y + 1 + k * 12
          const w = value === null ? 0 : Math.max(value > 0 ? 2 : 0, ((width - 220) * value) / max)
          if (w > 0) doc.rect(left + 160, by, w, 10).fill(colours[k % colours.length]!)
          doc.font('regular').fontSize(9).fillColor(muted).text(o.format(value), left + 166 + w, by, { width: 60 })
        })
        doc.y = y + height
      }
    },
  }
}
