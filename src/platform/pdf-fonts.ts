// Jaga's PDF fonts, read and unpacked once per process. Given a WOFF file, fontkit inflates its tables
// with a JavaScript inflater (tiny-inflate) for every document: ~240 ms of a server's first PDF and
// tens of ms of every later one (issue 17). Here the WOFF files are unpacked once to the plain TrueType
// bytes they wrap, with node:zlib (~1 ms), and each document parses those. Not one parsed font for
// all documents: fontkit keeps each glyph with the characters it was first met as, and a document
// then carried another's text mapping ("jaga.example.org" came out of pdftotext as "jaga example org").
import fs from 'node:fs'
import { createRequire } from 'node:module'
import { inflateSync } from 'node:zlib'

const require = createRequire(import.meta.url)
// Noto Sans from npm (no system font needed), embedded so every phone and print shop sees the same letters.
export const FONT_FILES = {
  regular: require.resolve('@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff'),
  bold: require.resolve('@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff'),
} as const

const WOFF_SIGNATURE = 0x774f4646 // 'wOFF'
const WOFF_HEADER = 44
const WOFF_ENTRY = 20
/** The fonts above are ~30 KB each; a WOFF claiming more than this is not one of ours. */
const MAX_SFNT_BYTES = 16 * 1024 * 1024

/**
 * A WOFF 1.0 file as the TrueType/OpenType bytes it wraps (https://www.w3.org/TR/WOFF/): the same
 * tables, in the same (tag) order, each inflated when stored compressed and padded to 4 bytes.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.length < WOFF_HEADER || woff.readUInt32BE(0) !== WOFF_SIGNATURE) throw new Error('not a WOFF 1.0 font')
  const flavor = woff.readUInt32BE(4)
  const numTables = woff.readUInt16BE(12)
  if (WOFF_HEADER + numTables * WOFF_ENTRY > woff.length) throw new Error('WOFF table directory runs past the file')
  const tables: { tag: number; checksum: number; data: Buffer }[] = []
  let size = 12 + 16 * numTables
  for (let i = 0; i < numTables; i++) {
    const at = WOFF_HEADER + i * WOFF_ENTRY
    const [tag, offset, compLength, origLength, checksum] = [0, 4, 8, 12, 16].map((k) => woff.readUInt32BE(at + k)) as [number, number, number, number, number]
    if (offset + compLength > woff.length || compLength > origLength) throw new Error('WOFF table runs past the file')
    const stored = woff.subarray(offset, offset + compLength)
    size += (origLength + 3) & ~3
    if (size > MAX_SFNT_BYTES) throw new Error('WOFF font too large')
    const data = compLength < origLength ? inflateSync(stored, { maxOutputLength: origLength }) : stored
    if (data.length !== origLength) throw new Error('WOFF table has the wrong length')
    tables.push({ tag, checksum, data })
  }
  const out = Buffer.alloc(size)
  let entrySelector = 0
  while (2 ** (entrySelector + 1) <= numTables) entrySelector++
  const searchRange = 2 ** entrySelector * 16
  out.writeUInt32BE(flavor, 0)
  out.writeUInt16BE(numTables, 4)
  out.writeUInt16BE(searchRange, 6)
  out.writeUInt16BE(entrySelector, 8)
  out.writeUInt16BE(numTables * 16 - searchRange, 10)
  let offset = 12 + 16 * numTables
  tables.forEach((t, i) => {
    const at = 12 + 16 * i
    out.writeUInt32BE(t.tag, at)
    out.writeUInt32BE(t.checksum, at + 4)
    out.writeUInt32BE(offset, at + 8)
    out.writeUInt32BE(t.data.length, at + 12)
    t.data.copy(out, offset)
    offset += (t.data.length + 3) & ~3
  })
  return out
}

let unpacked: { regular: Buffer; bold: Buffer } | undefined

/** The regular and bold fonts as TrueType bytes, unpacked on the first call and kept (~60 KB). */
export function pdfFonts(): { regular: Buffer; bold: Buffer } {
  unpacked ??= { regular: woffToSfnt(fs.readFileSync(FONT_FILES.regular)), bold: woffToSfnt(fs.readFileSync(FONT_FILES.bold)) }
  return unpacked
}
