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
