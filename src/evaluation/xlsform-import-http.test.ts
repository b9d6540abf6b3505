import { readFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { aUser, sessionAgent, textOf } from '../../test/agent.ts'
import { useTestApp } from '../../test/harness.ts'

const jaga = useTestApp()

/** A corpus form (test/fixtures/xlsforms/) as an upload. */
async function upload(fixture: string, name: string): Promise<FormData> {
  const { sheets } = JSON.parse(readFileSync(new URL(`../../test/fixtures/xlsforms/${fixture}`, import.meta.url), 'utf8')) as { sheets: Record<string, string[][]> }
  const book = new ExcelJS.Workbook()
  for (const [sheet, rows] of Object.entries(sheets)) book.addWorksheet(sheet).addRows(rows)
  const form = new FormData()
  form.set('file', new File([await book.xlsx.writeBuffer()], name))
  return form
}

describe('the import page reads the XLSForm spec', () => {
  it('takes a form with upper-case sheets, names what it left out in the staff member’s language, and keys a form without form_id by its file name', async () => {
    const coordinator = await sessionAgent(jaga, await aUser(jaga, 'coordinator'))
    coordinator.lang('id')
    const repeats = await coordinator.post('/questionnaires/import', await upload('15-repeats.json', 'Ulang.xlsx'))
    expect(repeats.status).toBe(200)
    expect(textOf(await repeats.text())).toContain('Kelompok berulang "anak" (begin repeat) tidak dimasukkan, beserta 3 baris di dalamnya')

    coordinator.lang('en')
    const noFormId = textOf(await (await coordinator.post('/questionnaires/import', await upload('29-no-form-id.json', 'Pra-tes Orang Tua (final).xlsx'))).text())
    expect(noFormId).toContain('pra-tes-orang-tua-final')
    expect(noFormId).not.toContain('"imported"')
    const upper = await coordinator.post('/questionnaires/import', await upload('07-upper-case-sheets-and-headers.json', 'laporan.xlsx'))
    expect(upper.status).toBe(200)
    expect(textOf(await upper.text())).toContain('Ever reported?')
  })
})
