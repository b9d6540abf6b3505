import { createRequire } from 'node:module'
import PDFDocument from 'pdfkit'

const require = createRequire(import.meta.url)
// Noto Sans from npm (no system font needed), embedded so every phone and print shop sees the same letters.
const FONT_REGULAR = require.resolve('@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff')
const FONT_BOLD = require.resolve('@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff')

export const PDF_COLOURS = { brand: '#0b5c4a', ink: '#1b1f24', muted: '#4d5661', line: '#c9ced6', alarm: '#7a0c0c' }

/**
 * A new PDF with Jaga's fonts registered as "regular" and "bold", and a promise of its bytes once
 * doc.end() is called.
 */
export function newPdf(options: PDFKit.PDFDocumentOptions): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const doc = new PDFDocument(options)
  doc.registerFont('regular', FONT_REGULAR)
  doc.registerFont('bold', FONT_BOLD)
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))
  return { doc, done }
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
  return {
    left,
    width,
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
    /** A row of columns at fixed x offsets, ruled underneath. */
    row(cells: string[], xs: number[], o: { bold?: boolean } = {}) {
      roomFor(70)
      const y = doc.y
      let bottom = y
      cells.forEach((text, i) => {
        const x = left + xs[i]!
        const w = (xs[i + 1] ?? width) - xs[i]! - 6
        doc.font(o.bold ? 'bold' : 'regular').fontSize(8.5).fillColor(ink).text(text, x, y, { width: w })
        bottom = Math.max(bottom, doc.y)
      })
      doc.y = bottom + 2
      doc.moveTo(left, doc.y).lineTo(left + width, doc.y).lineWidth(0.4).stroke(rule)
      doc.y += 3
    },
    /** Horizontal bars; a null value is hidden (a small count) and shows its label only. Several series draw stacked per item. */
    bars(items: { label: string; values: (number | null)[] }[], o: { max?: number; format: (v: number | null) => string; colours?: string[] }) {
      const max = o.max ?? Math.max(1, ...items.flatMap((i) => i.values.map((v) => v ?? 0)))
      const colours = o.colours ?? [brand]
      for (const item of items) {
        roomFor(70)
        const y = doc.y
        doc.font('regular').fontSize(9).fillColor(ink).text(item.label, left, y, { width: 150 })
        const labelBottom = doc.y
        item.values.forEach((value, k) => {
          const by = y + 1 + k * 12
          const w = value === null ? 0 : Math.max(value > 0 ? 2 : 0, ((width - 220) * value) / max)
          if (w > 0) doc.rect(left + 160, by, w, 10).fill(colours[k % colours.length]!)
          doc.font('regular').fontSize(9).fillColor(muted).text(o.format(value), left + 166 + w, by, { width: 60 })
        })
        doc.y = Math.max(labelBottom + 4, y + 4 + 12 * item.values.length)
      }
    },
  }
}
