// A small XLSForm workbook and the multipart form that uploads it, for the questionnaire import tests.
import ExcelJS from 'exceljs'

/** An XLSForm of yes/no knowledge questions: the survey rows given (type, name, two labels, required, answer), one yes/no list, this form id and title. */
export async function yesNoXlsform(formId: string, title: string, surveyRows: string[][]): Promise<Blob> {
  const book = new ExcelJS.Workbook()
  book.addWorksheet('survey').addRows([['type', 'name', 'label::Indonesian (id)', 'label::English (en)', 'required', 'jaga_answer'], ...surveyRows])
  book.addWorksheet('choices').addRows([
    ['list_name', 'name', 'label::Indonesian (id)', 'label::English (en)'],
    ['yn', 'y', 'Ya', 'Yes'],
    ['yn', 'n', 'Tidak', 'No'],
  ])
  book.addWorksheet('settings').addRows([['form_title', 'form_id'], [title, formId]])
  return new Blob([await book.xlsx.writeBuffer()])
}

/** An XLSForm with two yes/no knowledge questions (q1, q2) and any further survey rows, under this form id and title. */
export const twoQuestionXlsform = (formId: string, title: string, extraRows: string[][] = []): Promise<Blob> =>
  yesNoXlsform(formId, title, [
    ['select_one yn', 'q1', 'Anak adalah yang belum 18 tahun?', 'A child is under 18?', 'yes', 'y'],
    ['select_one yn', 'q2', 'Membayar pemeras menghentikan ancaman?', 'Paying a blackmailer stops the threats?', 'yes', 'n'],
    ...extraRows,
  ])

/** The multipart body that uploads a file as the `file` field. */
export const upload = (blob: Blob, name = 'form.xlsx') => {
  const form = new FormData()
  form.set('file', new File([blob], name))
  return form
}
