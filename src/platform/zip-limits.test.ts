import crypto from 'node:crypto'
import ExcelJS from 'exceljs'
import { crc32, deflateRawSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { part, repetitiveSheetXml, unzip, zip } from '../../test/zip-builder.ts'
import { findZipRefusal, readZipDirectory, ZIP_LIMITS } from './zip-limits.ts'

async function workbookBytes(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook()
  book.addWorksheet('survey').addRows([['type', 'name', 'label'], ['text', 'q1', 'Apa kabar?']])
  return new Uint8Array(await book.xlsx.writeBuffer())
}

const sheet60mb = repetitiveSheetXml(60)
const sheet60mbDeflated = deflateRawSync(sheet60mb)
const sheet60mbCrc = crc32(sheet60mb)

describe('checking a zip archive before anything unpacks it', () => {
  it('lets an ordinary workbook through, and our own builder round-trips one', async () => {
    const bytes = await workbookBytes()
    expect(await findZipRefusal(bytes)).toBeUndefined()
    const rebuilt = zip(unzip(bytes).map((p) => part(p.name, p.content)))
    expect(await findZipRefusal(rebuilt)).toBeUndefined()
  })

  it('refuses a bomb that declares its 60 MB honestly from the directory alone, whatever its ratio', () => {
    expect(sheet60mbDeflated.length).toBeLessThan(1024 * 1024)
    const bomb = zip([{ name: 'xl/worksheets/sheet1.xml', stored: sheet60mbDeflated, size: sheet60mb.length, crc: sheet60mbCrc }])
    expect(readZipDirectory(bomb)).toMatchObject({ reason: 'entry-size', limitMb: 20 })
    // Spread over several parts, each under the per-entry limit, the total still counts.
    const piece = part('', crypto.randomBytes(4 * 1024 * 1024).toString('hex'))
    const spread = zip([1, 2, 3].map((n) => ({ ...piece, name: `xl/worksheets/sheet${n}.xml` })))
    expect(readZipDirectory(spread)).toMatchObject({ reason: 'total-size', limitMb: 20 })
  })

  it('refuses an entry that expands more than 100 times, the mark of a bomb', () => {
    expect(readZipDirectory(zip([part('xl/worksheets/sheet1.xml', repetitiveSheetXml(5))]))).toMatchObject({ reason: 'ratio', limit: ZIP_LIMITS.maxRatio })
  })

  it('does not trust declared sizes: a part that claims 10 KB but inflates to 60 MB is refused after inflating just past 10 KB', async () => {
    const liar = zip([{ name: 'xl/worksheets/sheet1.xml', stored: sheet60mbDeflated, size: sheet60mb.length, crc: sheet60mbCrc, declaredSize: 10_000 }])
    expect('entries' in readZipDirectory(liar)).toBe(true)
    expect(await findZipRefusal(liar)).toEqual({ reason: 'sizes-lie', name: 'xl/worksheets/sheet1.xml' })
    // Claiming more than it holds is refused too.
    const small = part('a.xml', '<a/>')
    expect(await findZipRefusal(zip([{ ...small, declaredSize: 400 }]))).toEqual({ reason: 'sizes-lie', name: 'a.xml' })
    expect(await findZipRefusal(zip([{ ...small, method: 0, stored: new TextEncoder().encode('<a/>'), declaredSize: 4000 }]))).toEqual({ reason: 'sizes-lie', name: 'a.xml' })
  })

  it('refuses too many parts, encrypted parts, other compressions, and what is not a zip', async () => {
    const many = zip(Array.from({ length: ZIP_LIMITS.maxEntries + 1 }, (_, i) => part(`p${i}.xml`, '<a/>')))
    expect(await findZipRefusal(many)).toEqual({ reason: 'entries', limit: 2000 })
    expect(await findZipRefusal(zip([{ ...part('a.xml', '<a/>'), flags: 1 }]))).toEqual({ reason: 'unsupported', name: 'a.xml' })
    expect(await findZipRefusal(zip([{ ...part('a.xml', '<a/>'), method: 12 as never }]))).toEqual({ reason: 'unsupported', name: 'a.xml' })
    expect(await findZipRefusal(new TextEncoder().encode('code,phase\nAB,pre\n'))).toEqual({ reason: 'not-zip' })
    const truncated = (await workbookBytes()).slice(0, 2000)
    expect(await findZipRefusal(truncated)).toEqual({ reason: 'not-zip' })
  })
})
