import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { aUser, sessionAgent } from '../../test/agent.ts'
import { useTestApp } from '../../test/harness.ts'

const jaga = useTestApp()

describe('the import preview of a form with skip logic', () => {
  it('shows every question, none hidden by its show-if, because the page loads no form logic', async () => {
    const book = new ExcelJS.Workbook()
    book.addWorksheet('survey').addRows([
      ['type', 'name', 'label::Indonesian (id)', 'label::English (en)', 'relevant'],
      ['select_one yn', 'punya_anak', 'Apakah Anda punya anak?', 'Do you have children?', ''],
      ['integer', 'jumlah_anak', 'Berapa anak Anda?', 'How many children?', "${punya_anak} = 'ya'"],
    ])
    book.addWorksheet('choices').addRows([
      ['list_name', 'name', 'label::Indonesian (id)', 'label::English (en)'],
      ['yn', 'ya', 'Ya', 'Yes'],
      ['yn', 'tidak', 'Tidak', 'No'],
    ])
    book.addWorksheet('settings').addRows([['form_id'], ['pratinjau-logika']])
    const form = new FormData()
    form.set('file', new File([await book.xlsx.writeBuffer()], 'pratinjau.xlsx'))
    const coordinator = await sessionAgent(jaga, await aUser(jaga, 'coordinator'))
    const res = await coordinator.post('/questionnaires/import', form)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toMatch(/id="q-jumlah_anak"/)
    expect(html).not.toContain('form-logic')
  })
})
