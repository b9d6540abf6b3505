import fs from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { FONT_FILES, pdfFonts, woffToSfnt } from './pdf-fonts.ts'

const require = createRequire(import.meta.url)
type Font = { postscriptName: string; numGlyphs: number; unitsPerEm: number; layout: (s: string) => { advanceWidth: number; glyphs: { id: number; advanceWidth: number; path: { toSVG: () => string } }[] } }
const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create: (b: Buffer) => Font }
const TEXT = 'Pengetahuan orang tua sebelum dan sesudah kegiatan: 45,3 % → 78,9 % “kutip” – fi fl ffi …'

describe('the PDF fonts', () => {
  for (const [name, file] of Object.entries(FONT_FILES)) {
    it(`unpacks the ${name} WOFF font to TrueType with the same glyphs, shapes and widths`, () => {
      const woff = fs.readFileSync(file)
      const fromWoff = fontkit.create(woff)
      const sfnt = woffToSfnt(woff)
      const fromSfnt = fontkit.create(sfnt)
      // A plain TrueType file, not a WOFF read twice.
      expect(sfnt.readUInt32BE(0)).toBe(0x00010000)
      expect([fromSfnt.postscriptName, fromSfnt.numGlyphs, fromSfnt.unitsPerEm]).toEqual([fromWoff.postscriptName, fromWoff.numGlyphs, fromWoff.unitsPerEm])
      const shaped = (f: Font) => f.layout(TEXT).glyphs.map((g) => [g.id, g.advanceWidth, g.path.toSVG()])
      expect(shaped(fromSfnt)).toEqual(shaped(fromWoff))
      expect(fromSfnt.layout(TEXT).advanceWidth).toBe(fromWoff.layout(TEXT).advanceWidth)
    })
  }

  it('refuses a file that is not a WOFF font, and one whose tables run past its end', () => {
    const woff = fs.readFileSync(FONT_FILES.regular)
    expect(() => woffToSfnt(Buffer.from('not a font at all, but long enough to hold a header'))).toThrow(/not a WOFF/)
    expect(() => woffToSfnt(woff.subarray(0, 200))).toThrow(/past the file/)
    const lying = Buffer.from(woff)
    // The first table says it is stored at the very end of the file.
    lying.writeUInt32BE(woff.length - 2, 44 + 4)
    expect(() => woffToSfnt(lying)).toThrow(/past the file/)
  })

  it('unpacks each font once, and every document parses its own copy of it', async () => {
    const first = pdfFonts()
    expect(pdfFonts().regular).toBe(first.regular)
    expect(pdfFonts().bold).toBe(first.bold)
    const { newPdf } = await import('./pdf.ts')
    const fontOf = () => {
      const { doc } = newPdf({ size: 'A4' })
      doc.font('regular')
      return (doc as unknown as { _font: { font: unknown } })._font.font
    }
    // One parsed font for all would let a glyph keep the characters another document met it as.
    expect(fontOf()).not.toBe(fontOf())
  })
})
