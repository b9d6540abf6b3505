import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { cellText, labelled, newPdf, reportWriter } from './pdf.ts'

/** A PDF's text in drawing order (each cell's lines in turn), as pdftotext reads it. */
function drawn(pdf: Buffer): string[] {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jaga-pdf-')), 'cells.pdf')
  fs.writeFileSync(file, pdf)
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).split('\n').map((l) => l.trim()).filter(Boolean)
}

/** Every word pdftotext finds, with its page and the bottom of its box (in points from the page's top). */
function placed(pdf: Buffer): { page: number; word: string; yMax: number; pageHeight: number }[] {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jaga-pdf-')), 'placed.pdf')
  fs.writeFileSync(file, pdf)
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' })
  const out: { page: number; word: string; yMax: number; pageHeight: number }[] = []
  html.split('<page ').slice(1).forEach((page, n) => {
    const pageHeight = Number(page.match(/height="([\d.]+)"/)![1])
    for (const m of page.matchAll(/<word [^>]*yMax="([\d.]+)"[^>]*>([^<]*)<\/word>/g)) out.push({ page: n + 1, word: m[2]!, yMax: Number(m[1]), pageHeight })
  })
  return out
}

const sixtyWords = Array.from({ length: 60 }, (_, i) => `kata${i + 1}`)

describe('table cells in PDFs', () => {
  it('moves a row taller than the room left to the next page whole, every word on the page', async () => {
    const { doc, done } = newPdf({ size: 'A4', margins: { top: 48, bottom: 48, left: 48, right: 48 } })
    const w = reportWriter(doc)
    w.line('Awal')
    doc.y = doc.page.height - 75
    w.row([sixtyWords.join(' '), 'nilai'], [0, 250])
    doc.end()
    const words = placed(await done)
    const row = words.filter((x) => x.word.startsWith('kata') || x.word === 'nilai')
    expect(row.map((x) => x.word).sort()).toEqual([...sixtyWords, 'nilai'].sort())
    expect(new Set(row.map((x) => x.page))).toEqual(new Set([2]))
    for (const x of words) expect(x.yMax, x.word).toBeLessThanOrEqual(x.pageHeight)
  })

  it('moves a bar whose wrapped label does not fit to the next page whole, every word on the page', async () => {
    const { doc, done } = newPdf({ size: 'A4', margins: { top: 48, bottom: 48, left: 48, right: 48 } })
    const w = reportWriter(doc)
    w.line('Awal')
    doc.y = doc.page.height - 75
    w.bars([{ label: sixtyWords.slice(0, 30).join(' '), values: [0.4, 0.6] }], { format: (v) => `nilai${v}`, max: 1 })
    doc.end()
    const words = placed(await done)
    const bar = words.filter((x) => x.word.startsWith('kata') || x.word.startsWith('nilai'))
    expect(bar.map((x) => x.word).sort()).toEqual([...sixtyWords.slice(0, 30), 'nilai0.4', 'nilai0.6'].sort())
    expect(new Set(bar.map((x) => x.page))).toEqual(new Set([2]))
    for (const x of words) expect(x.yMax, x.word).toBeLessThanOrEqual(x.pageHeight)
  })


  it('breaks cells between words only, and shrinks a word wider than its cell instead of cutting it', async () => {
    const { doc, done } = newPdf({ size: 'A4', margins: { top: 48, bottom: 48, left: 48, right: 48 } })
    const w = reportWriter(doc)
    // "Pertanggungjawaban" is wider than its 74 pt column at 8.5 pt: pdfkit's own wrapping split it.
    w.row(['Kegiatan terlaksana', 'Pertanggungjawaban', 'Kirim e-mail'], [0, 80, 160, 200], { bold: true })
    w.bars([{ label: 'Perundungan siber melalui pesan berantai di grup WhatsApp sekolah menengah', values: [0.4] }], { format: (v) => String(v), max: 1 })
    doc.end()
    const lines = drawn(await done)
    const words = ['Kegiatan', 'terlaksana', 'Pertanggungjawaban', 'Kirim', 'e-mail', ...'Perundungan siber melalui pesan berantai di grup WhatsApp sekolah menengah'.split(' '), '0.4']
    for (const line of lines) for (const word of line.split(/\s+/)) expect(words, line).toContain(word)
    expect(lines.join(' ')).toContain('Perundungan siber melalui pesan berantai di grup WhatsApp sekolah menengah')
  })

  it('ends a cell cut to a number of lines on a whole word and "…"', async () => {
    const { doc, done } = newPdf({ size: 'A4', margins: { top: 48, bottom: 48, left: 48, right: 48 } })
    const label = 'Perundungan siber melalui pesan berantai di grup WhatsApp sekolah menengah'
    cellText(doc, label, 48, 48, 120, { size: 9, maxLines: 2 })
    doc.end()
    const lines = drawn(await done)
    expect(lines).toHaveLength(2)
    expect(lines[1]).toMatch(/…$/)
    const shown = lines.join(' ').replace(/…$/, '').split(' ')
    expect(shown).toEqual(label.split(' ').slice(0, shown.length))
  })

  it('joins a label to its value with one mark', () => {
    expect(labelled('Sudah dibahas:', '3')).toBe('Sudah dibahas: 3')
    expect(labelled('Materi kegiatan ini berguna bagi saya.', 'rata-rata 4,5 dari 5')).toBe('Materi kegiatan ini berguna bagi saya: rata-rata 4,5 dari 5')
    expect(labelled('Apa yang masih ingin Anda ketahui?', '2 menunggu')).toBe('Apa yang masih ingin Anda ketahui? 2 menunggu')
    expect(labelled('Saran atau komentar lain', 'baik')).toBe('Saran atau komentar lain: baik')
  })
})
