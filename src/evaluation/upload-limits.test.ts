import { createRequire } from 'node:module'
import { crc32, deflateRawSync } from 'node:zlib'
import ExcelJS from 'exceljs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { aUser, sessionAgent, textOf, type Agent } from '../../test/agent.ts'
import { useTestApp } from '../../test/harness.ts'
import { aProgramme, aSession } from '../../test/outreach-builders.ts'
import { part, repetitiveSheetXml, unzip, zip } from '../../test/zip-builder.ts'
import { parseWorkersStarted } from '../platform/parse-worker.ts'

const jaga = useTestApp()

/** A valid XLSForm workbook with `questions` text questions. */
async function xlsform(formId: string, questions: number): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook()
  const survey = book.addWorksheet('survey')
  survey.addRow(['type', 'name', 'label::Indonesian (id)', 'label::English (en)'])
  for (let i = 1; i <= questions; i++) survey.addRow(['text', `q${i}`, `Pertanyaan ${i}`, `Question ${i}`])
  book.addWorksheet('settings').addRows([['form_title', 'form_id'], ['Uji batas', formId]])
  return new Uint8Array(await book.xlsx.writeBuffer())
}

/** The same workbook with its survey sheet swapped for 60 MB of XML that deflates to ~60 KB. */
async function xlsxBomb(o: { lie?: boolean } = {}): Promise<Uint8Array> {
  const sheet = repetitiveSheetXml(60)
  const bomb = { name: 'xl/worksheets/sheet1.xml', stored: deflateRawSync(sheet), size: sheet.length, crc: crc32(sheet), ...(o.lie ? { declaredSize: 5_000 } : {}) }
  return zip(unzip(await xlsform('bom', 2)).map((p) => (p.name === bomb.name ? bomb : part(p.name, p.content))))
}

const upload = (bytes: Uint8Array, name = 'form.xlsx') => {
  const form = new FormData()
  form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], name))
  return form
}

async function coordinator(locale: 'id' | 'en'): Promise<Agent> {
  return (await sessionAgent(jaga, await aUser(jaga, 'coordinator'))).lang(locale)
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('spreadsheet uploads', () => {
  it('refuses a spreadsheet bomb in the user’s language, before any parser sees it, and saves nothing', async () => {
    const bomb = await xlsxBomb()
    expect(bomb.length).toBeLessThan(200_000)
    const before = parseWorkersStarted()
    for (const [locale, text] of [
      ['en', 'Unpacked, one part of this file is larger than the 20 MB limit for an XLSForm import.'],
      ['id', 'Setelah dibuka, satu bagian berkas ini lebih besar dari batas 20 MB untuk impor XLSForm.'],
    ] as const) {
      const res = await (await coordinator(locale)).post('/questionnaires/import', upload(bomb))
      expect(res.status).toBe(422)
      expect(textOf(await res.text())).toContain(text)
    }
    expect(parseWorkersStarted()).toBe(before)
    expect(await jaga.db.selectFrom('questionnaires').select('id').where('key', '=', 'bom').executeTakeFirst()).toBeUndefined()
  })

  it('refuses a workbook that lies about its sizes, without handing it to a parser', async () => {
    const before = parseWorkersStarted()
    const res = await (await coordinator('en')).post('/questionnaires/import', upload(await xlsxBomb({ lie: true })))
    expect(res.status).toBe(422)
    expect(textOf(await res.text())).toContain('The sizes recorded inside this file do not match its contents')
    expect(parseWorkersStarted()).toBe(before)
  })

  it('reads a normal XLSForm in a worker thread: exceljs never loads it on the request thread, and /healthz answers while it is read', async () => {
    // The main thread's exceljs reader, spied on; a worker has its own copy of every module.
    const XLSX = createRequire(import.meta.url)('exceljs/lib/xlsx/xlsx.js') as { prototype: { load: () => Promise<unknown> } }
    const load = vi.spyOn(XLSX.prototype, 'load')
    const bytes = await xlsform('uji-batas', 1_500)
    await new ExcelJS.Workbook().xlsx.load(bytes as never)
    expect(load).toHaveBeenCalledTimes(1) // the spy sees a load on this thread…
    load.mockClear()
    const agent = await coordinator('en')
    const started = parseWorkersStarted()

    let finished = false
    const importing = agent.post('/questionnaires/import', upload(bytes)).then((res) => {
      finished = true
      return res
    })
    const health = await jaga.request('/healthz')
    expect(health.status).toBe(200)
    expect(finished).toBe(false)

    const res = await importing
    expect(res.status).toBe(200)
    expect(textOf(await res.text())).toContain('Save creates a new questionnaire "uji-batas", version 1.')
    expect(parseWorkersStarted()).toBe(started + 1)
    expect(load).not.toHaveBeenCalled() // …and none during the import
  })

  it('names the limit when a sheet has more than 5,000 rows', async () => {
    const res = await (await coordinator('id')).post('/questionnaires/import', upload(await xlsform('panjang', 5_000)))
    expect(res.status).toBe(422)
    expect(textOf(await res.text())).toContain('Lembar "survey" berisi lebih dari 5.000 baris, batas untuk impor XLSForm.')
  })

  it('refuses an upload over 1 MB with a 413 page in the user’s language, unread when its length is declared', async () => {
    const agent = await coordinator('id')
    const big = await agent.post('/questionnaires/import', upload(new Uint8Array(1_200_000).fill(0x50)))
    expect(big.status).toBe(413)
    expect(textOf(await big.text())).toContain('Kiriman ini lebih besar dari batas 1 MB.')
    // Declared larger than the upload's limit (under the app's 2 MB): refused from the header alone.
    const declared = await agent.send('/questionnaires/import', { method: 'POST', body: 'x', headers: { 'Content-Type': 'multipart/form-data; boundary=x', 'Content-Length': String(1_500_000) } })
    expect(declared.status).toBe(413)
    expect(textOf(await declared.text())).toContain('batas 1 MB')
  })
})

describe('CSV uploads and bodies', () => {
  async function importPath() {
    const facilitator = await aUser(jaga, 'facilitator')
    const programme = await aProgramme(jaga, { facilitators: [facilitator] })
    const session = await aSession(jaga, programme.id, { audiences: ['parents'], facilitatorIds: [facilitator.id] })
    const staff = (await sessionAgent(jaga, facilitator)).lang('en')
    const form = new URLSearchParams({ _csrf: staff.csrf, groupKind: 'parents' })
    for (const e of ['mother', 'day', 'own']) form.append('codeElements', e)
    await staff.send(`/sessions/${session.id}/evaluation`, { method: 'POST', body: form })
    const link = await jaga.db.selectFrom('collectionLinks').select('id').where('sessionId', '=', session.id).where('phase', '=', 'pre').executeTakeFirstOrThrow()
    return { staff, path: `/sessions/${session.id}/evaluation/links/${link.id}/import` }
  }
  const csvFile = (text: string) => {
    const form = new FormData()
    form.set('file', new File([text], 'answers.csv', { type: 'text/csv' }))
    return form
  }

  it('refuses a CSV of more than 5,000 rows, naming the limit', async () => {
    const { staff, path } = await importPath()
    const csv = ['mother,day,own', ...Array.from({ length: 5_001 }, (_, i) => `AB,${(i % 28) + 1},C`)].join('\n')
    const res = await staff.post(path, csvFile(csv))
    expect(res.status).toBe(422)
    expect(textOf(await res.text())).toContain('This CSV file has more than 5,000 rows of answers, the limit for one import.')
  })

  it('answers a CSV it cannot parse with a clear message, not a server error', async () => {
    const { staff, path } = await importPath()
    const res = await staff.post(path, csvFile('mother,day\n"AB,3\n'))
    expect(res.status).toBe(422)
    expect(textOf(await res.text())).toContain('This file cannot be read as CSV')
  })

  it('carries a CSV near the 1 MB limit through the mapping form and back, posted as that form says', async () => {
    const { staff, path } = await importPath()
    // Quoted commas: each one triples when a form is urlencoded.
    const rows = Array.from({ length: 300 }, (_, i) => `AB,${(i % 28) + 1},C,"${','.repeat(3_000)}"`)
    const csv = ['mother,day,own,notes', ...rows].join('\n')
    expect(csv.length).toBeGreaterThan(900_000)
    const page = await (await staff.post(path, csvFile(csv))).text()
    const form = page.match(/<form method="post" action="[^"]*\/apply"([^>]*)>/)
    expect(form).not.toBeNull()
    const hidden = page.match(/<input type="hidden" name="csv" value="([^"]*)"/)![1]!
    const text = hidden.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
    expect(text).toBe(csv)
    const fields = { csv: text, 'map.code.mother': 'mother', 'map.code.day': 'day', 'map.code.own': 'own' }
    let body: FormData | Record<string, string> = fields
    if (form![1]!.includes('multipart/form-data')) {
      body = new FormData()
      for (const [k, v] of Object.entries(fields)) body.set(k, v)
    }
    const res = await staff.post(`${path}/apply`, body)
    expect(textOf(await res.text())).toContain('0 answers stored, 0 were already there, 300 rows refused.')
  })

  it('refuses a CSV upload or a JSON body over its limit with 413 in the user’s language', async () => {
    const { staff, path } = await importPath()
    const big = await staff.post(path, csvFile('mother,day,own\n' + 'AB,1,C\n'.repeat(160_000)))
    expect(big.status).toBe(413)
    expect(textOf(await big.text())).toContain('This is larger than the 1 MB limit.')
    const json = await jaga.request('/api/v1/collect/no-such-token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': 'id' },
      body: JSON.stringify({ id: 'x', code: {}, answers: { a: 'x'.repeat(2_200_000) } }),
    })
    expect(json.status).toBe(413)
    expect(await json.json()).toMatchObject({ status: 413, detail: 'Kiriman ini lebih besar dari batas 2 MB. Kirim bagian yang lebih kecil.' })
  })
})
