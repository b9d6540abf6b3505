import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { useTestApp } from '../../test/harness.ts'
import { newPdf, pdfWarmth, reportWriter, warmPdf } from './pdf.ts'
import { FONT_FILES } from './pdf-fonts.ts'

const jaga = useTestApp()
const require = createRequire(import.meta.url)

/** A small report with both fonts, a table row and bars, dated so that two renderings can be compared byte for byte. */
function draw(doc: PDFKit.PDFDocument): void {
  const w = reportWriter(doc)
  w.banner('Hasil evaluasi', 'Kegiatan di Kelurahan Harjosari I – “kutip”')
  w.line('Pengetahuan orang tua sebelum dan sesudah: 45,3 % → 78,9 % (fi fl ffi …)')
  w.row(['1. Apakah anak boleh membagikan lokasinya?', '3,4 / 4,5'], [0, 330], { bold: true })
  w.bars([{ label: 'Skor 7', values: [0.3, 0.7] }], { format: (v) => String(v), max: 1 })
}
const OPTIONS = { size: 'A4', info: { CreationDate: new Date(Date.UTC(2026, 0, 2)) } } as const
async function rendered(): Promise<Buffer> {
  const { doc, done } = newPdf(OPTIONS)
  draw(doc)
  doc.end()
  return done
}
/** The document id is a hash of the moment it was made: the only bytes that may differ. */
const withoutId = (pdf: Buffer) => pdf.toString('latin1').replace(/\/ID \[[^\]]*\]/, '')

describe('getting the PDF machinery ready', () => {
  it('answers a request made after the warm-up started before the warm-up ends, and a PDF made during it has the same bytes as one made after', async () => {
    expect(pdfWarmth()).toBe('cold')
    const warming = warmPdf()
    expect(pdfWarmth()).toBe('warming')
    const health = await jaga.request('/healthz')
    expect(health.status).toBe(200)
    expect(pdfWarmth()).toBe('warming')
    const during = await rendered()
    await warming
    expect(pdfWarmth()).toBe('warm')
    // A second call starts nothing new.
    expect(warmPdf()).toBe(warming)
    const after = await rendered()
    expect(withoutId(during)).toBe(withoutId(after))
  })

  it('makes the same PDF from the fonts parsed once as pdfkit makes from the font files', async () => {
    const PDFDocument = require('pdfkit') as typeof import('pdfkit')
    const doc = new PDFDocument(OPTIONS)
    doc.registerFont('regular', FONT_FILES.regular)
    doc.registerFont('bold', FONT_FILES.bold)
    const chunks: Buffer[] = []
    doc.on('data', (c: Buffer) => chunks.push(c))
    const fromFiles = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))
    draw(doc)
    doc.end()
    expect(withoutId(await rendered())).toBe(withoutId(await fromFiles))
  })
})
