import { describe, expect, it } from 'vitest'
import { aUser, sessionAgent, textOf } from '../../test/agent.ts'
import { useTestApp } from '../../test/harness.ts'
import { aProgramme, aSession } from '../../test/outreach-builders.ts'
import { csvCellToAnswer, guessColumn, readCsv } from './csv-import.ts'
import { scoredItems, type Item } from './questionnaire-schema.ts'
import { readShippedQuestionnaires } from './questionnaires.ts'

const jaga = useTestApp()

const apps: Item = { id: 'apps', kind: 'multiple', label: { id: 'Aplikasi', en: 'Apps' }, required: false, options: [{ value: 'wa', label: { id: 'WhatsApp', en: 'WhatsApp' } }, { value: 'tt', label: { id: 'TikTok', en: 'TikTok' } }] }
const tf: Item = { id: 'k1', kind: 'truefalse', label: { id: 'x', en: 'x' }, required: true, answer: 'true' }

describe('reading exported answers', () => {
  it('understands Google Forms labels, KoboToolbox option names and the quick codes', () => {
    expect(csvCellToAnswer(apps, 'WhatsApp, TikTok')).toEqual(['wa', 'tt'])
    expect(csvCellToAnswer(apps, 'wa tt')).toEqual(['wa', 'tt'])
    expect(csvCellToAnswer(tf, 'Benar')).toBe('true')
    expect(csvCellToAnswer(tf, 'FALSE')).toBe('false')
    expect(csvCellToAnswer(tf, '')).toBeUndefined()
    expect(readCsv('\ufeffa;b\r\n1;2\r\n')).toEqual({ header: ['a', 'b'], rows: [['1', '2']] })
    expect(guessColumn(['Timestamp', 'Dua huruf pertama nama depan ibumu', 'Q1'], ['mother', 'Dua huruf pertama nama depan ibumu'])).toBe('Dua huruf pertama nama depan ibumu')
    expect(guessColumn(['Timestamp'], ['mother'])).toBe('')
  })
})

describe('importing a CSV into a session', () => {
  it('proposes a column mapping, stores every good row once, lists refused rows by line, and a second import of the same file adds nothing', async () => {
    const facilitator = await aUser(jaga, 'facilitator')
    const programme = await aProgramme(jaga, { facilitators: [facilitator] })
    const session = await aSession(jaga, programme.id, { audiences: ['parents'], facilitatorIds: [facilitator.id] })
    const agent = (await sessionAgent(jaga, facilitator)).lang('en')
    const form = new URLSearchParams({ _csrf: agent.csrf, groupKind: 'parents' })
    for (const e of ['mother', 'day', 'own']) form.append('codeElements', e)
    await agent.send(`/sessions/${session.id}/evaluation`, { method: 'POST', body: form })
    const pre = await jaga.db.selectFrom('collectionLinks').select('id').where('sessionId', '=', session.id).where('phase', '=', 'pre').executeTakeFirstOrThrow()
    const base = `/sessions/${session.id}/evaluation/links/${pre.id}/import`

    // A Google Forms export: labels as headers, answers as option labels, one bad row.
    const questions = ['Menurut Undang-Undang Perlindungan Anak, anak adalah setiap orang yang belum berusia 18 tahun.', 'Seseorang yang baru dikenal di gim daring memberi anak koin atau diamond gratis, lalu mengajak pindah mengobrol ke WhatsApp. Ini paling mungkin…']
    const header = ['Timestamp', 'Dua huruf pertama nama depan ibumu', 'Tanggal lahirmu, hanya angka tanggalnya (1–31)', 'Huruf terakhir nama depanmu', ...questions]
    const right = ['Benar', 'cara membujuk anak (grooming) untuk mendapatkan kepercayaannya']
    const csv = [header, ['2027/01/10 09:01', 'SI', '7', 'A', ...right], ['2027/01/10 09:02', 'BU', '40', 'N', ...right], ['2027/01/10 09:03', 'DE', '3', 'I', 'Salah', 'kebaikan biasa antar pemain']]
      .map((r) => r.map((c) => `"${c}"`).join(','))
      .join('\n')
    const upload = new FormData()
    upload.set('file', new File([csv], 'google-forms.csv', { type: 'text/csv' }))
    const mappingPage = await agent.post(base, upload)
    expect(mappingPage.status).toBe(200)
    const html = await mappingPage.text()
    expect(textOf(html)).toContain('3 rows, 6 columns.')
    expect(html).toMatch(/<select id="m-code\.mother" name="map\.code\.mother">[\s\S]*?<option value="Dua huruf pertama nama depan ibumu" selected="">/)
    expect(html).toMatch(/<select id="m-a\.k01" name="map\.a\.k01">[\s\S]*?<option value="Menurut Undang-Undang[^"]*" selected="">/)

    // The parents' test asks 15 questions; the export has two, so the others are mapped to nothing and the rows are refused as incomplete…
    const apply = (extra: Record<string, string> = {}) =>
      agent.post(`${base}/apply`, { csv, 'map.code.mother': header[1]!, 'map.code.day': header[2]!, 'map.code.own': header[3]!, 'map.a.k01': header[4]!, 'map.a.k02': header[5]!, ...extra })
    const incomplete = textOf(await (await apply()).text())
    expect(incomplete).toContain('0 answers stored, 0 were already there, 3 rows refused.')
    expect(incomplete).toContain('line 2: question 3 — Please answer this question.')
    // …so for this test the remaining required questions come from a column of constant answers the coordinator added.
    const filled = csv.split('\n').map((line, i) => (i === 0 ? `${line},"rest_tf","rest_choice"` : `${line},"Salah","a"`)).join('\n')
    const items = scoredItems(readShippedQuestionnaires().find((q) => q.key === 'knowledge-parents')!.definition)
    const mapRest: Record<string, string> = {}
    for (const item of items.slice(2)) mapRest[`map.a.${item.id}`] = item.options?.some((o) => o.value === 'true') ? 'rest_tf' : 'rest_choice'
    const done = await agent.post(`${base}/apply`, { csv: filled, 'map.code.mother': header[1]!, 'map.code.day': header[2]!, 'map.code.own': header[3]!, 'map.a.k01': header[4]!, 'map.a.k02': header[5]!, ...mapRest })
    const doneText = textOf(await done.text())
    expect(doneText).toContain('2 answers stored, 0 were already there, 1 row refused.')
    expect(doneText).toMatch(/line 3: The day of the month you were born[^—]*— Write a number from 1 to 31\./)
    const again = textOf(await (await agent.post(`${base}/apply`, { csv: filled, 'map.code.mother': header[1]!, 'map.code.day': header[2]!, 'map.code.own': header[3]!, 'map.a.k01': header[4]!, 'map.a.k02': header[5]!, ...mapRest })).text())
    expect(again).toContain('0 answers stored, 2 were already there, 1 row refused.')
    const rows = await jaga.db.selectFrom('submissions').select(['code', 'source']).where('sessionId', '=', session.id).orderBy('code').execute()
    expect(rows).toEqual([
      { code: 'DE-03-I', source: 'import' },
      { code: 'SI-07-A', source: 'import' },
    ])
    const png = new FormData()
    png.set('file', new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2])], 'x.png'))
    expect(textOf(await (await agent.post(base, png)).text())).toContain('This file is not CSV text (UTF-8).')
  })
})
