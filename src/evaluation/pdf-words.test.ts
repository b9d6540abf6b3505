import { execFileSync } from 'node:child_process'
import crypto from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { aUser, sessionAgent } from '../../test/agent.ts'
import { aCode, aSessionWithLinks } from '../../test/evaluation-builders.ts'
import { useTestApp } from '../../test/harness.ts'
import { readPdf } from '../../test/pdf.ts'
import { scoredItems, type Definition } from './questionnaire-schema.ts'

const jaga = useTestApp()

const LONG = { id: 'Perundungan siber melalui pesan berantai di grup WhatsApp sekolah menengah', en: 'Cyberbullying through chain messages in secondary-school WhatsApp groups' }

/** The PDF's lines as pdftotext lays them out, with their words. */
const linesOf = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\n')

/**
 * The label as the PDF prints it: the left column of the line where it starts and of the lines below
 * it, until it is as long as the label, joined with spaces. A word cut at the end of a line comes back
 * as "Perundu ngan", and a shortened label ends early.
 */
function printedLabel(lines: string[], label: string): string {
  const left = (l: string) => l.trim().split(/\s{3,}/)[0]!
  const start = lines.findIndex((l) => left(l).startsWith(label.split(' ').slice(0, 2).join(' ')))
  if (start < 0) return ''
  let printed = left(lines[start]!)
  for (let i = start + 1; printed.length < label.length && i < lines.length; i++) printed += ` ${left(lines[i]!)}`
  return printed
}

describe('words in PDFs', () => {
  it('breaks a long item label between words in the session results PDF, keeps headers whole and doubles no punctuation', async () => {
    const { session, links, pair, send } = await aSessionWithLinks(jaga)
    // The parents' test with its first question given a long label, as an edited questionnaire may have.
    const version = links.find((l) => l.phase === 'pre')!.questionnaireVersionId
    const row = await jaga.db.selectFrom('questionnaireVersions').select('definition').where('id', '=', version).executeTakeFirstOrThrow()
    const definition = JSON.parse(row.definition) as Definition
    scoredItems(definition)[0]!.label = LONG
    await jaga.db.updateTable('questionnaireVersions').set({ definition: JSON.stringify(definition) }).where('id', '=', version).execute()
    for (const [i, mother] of ['SI', 'RI', 'DE', 'NO', 'YA', 'LI'].entries()) await pair(mother, 4 + i, 10 + i)
    // Feedback questions end in "." or "?": "Materi kegiatan ini berguna bagi saya.: rata-rata …" was printed.
    await send('feedback', { id: crypto.randomUUID(), code: aCode('FB'), answers: { useful: '5', clear: '4', want_to_know: 'Cara mengatur TikTok anak' } })

    const coordinator = await sessionAgent(jaga, await aUser(jaga, 'coordinator'))
    for (const locale of ['id', 'en'] as const) {
      const res = await coordinator.lang(locale).get(`/sessions/${session.id}/evaluation/report.pdf`)
      expect(res.status).toBe(200)
      const { file, text } = await readPdf(res)
      const lines = linesOf(file)
      const printed = printedLabel(linesOf(file), `1. ${LONG[locale]}`)
      expect(printed).toBe(`1. ${LONG[locale]}`)
      // The statistics table's headers and the legend, whole.
      expect(text).toContain(locale === 'id' ? 'Batang abu-abu: sebelum · batang hijau: sesudah' : 'Grey bars: before · green bars: after')
      expect(text).toContain(locale === 'id' ? 'Materi kegiatan ini berguna bagi saya: rata-rata 5,0 dari 5' : 'What this activity covered is useful to me: mean 5.0 of 5')
      expect(text).not.toMatch(/\.\.|\.:|\?\.|\. \.|\?:|!\./)
    }
  })
})
