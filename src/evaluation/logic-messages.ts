import { defineMessages } from '../platform/i18n/i18n.ts'

// Skip logic, constraints and required-if: what a participant is told (adults 'Anda'; children's forms use the .child keys where participant-register.ts picks them).
// Worded without 'Anda' or 'kamu' where they can be, so the same text suits a child's form.
export const logicMessages = defineMessages({
  'logic.constraint': { id: 'Jawaban ini tidak memenuhi syarat pertanyaan. Periksa lagi.', en: 'This answer does not meet the question’s condition. Please check it.' },
  // A questionnaire's own constraint message, written in both languages: each locale shows its own text.
  'logic.constraintOwn': { id: '{id}', en: '{en}' },
  'logic.integer': { id: 'Tulis bilangan bulat, tanpa koma (misalnya 3).', en: 'Write a whole number, without decimals (for example 3).' },
  'logic.date': { id: 'Tulis tanggal yang ada, dalam bentuk TTTT-BB-HH (misalnya 2026-01-31), antara tahun 1900 dan 2100.', en: 'Write a real date as YYYY-MM-DD (for example 2026-01-31), between 1900 and 2100.' },
  'logic.otherText': { id: 'Tuliskan jawaban "Lainnya".', en: 'Write the "Other" answer.' },
  'logic.notOffered': { id: 'Pilihan ini tidak tersedia untuk jawaban sebelumnya. Pilih salah satu yang ditawarkan.', en: 'This choice is not offered for the earlier answers. Choose one of those offered.' },
  'logic.notShown': {
    id: 'Pertanyaan ini dilewati menurut jawaban sebelumnya, jadi tidak boleh diisi. Kosongkan jawabannya; baris ini belum disimpan.',
    en: 'This question is skipped given the earlier answers, so it cannot have an answer. Leave it empty; this row was not saved.',
  },
  // The paper grid: a column for the written "Other" answer, and how to type "don't know".
  'paper.questionOther': { id: 'soal {n}, lainnya', en: 'question {n}, other' },
  'paper.otherColumn': { id: 'Lainnya: tulis jawabannya di kolom {n}+', en: 'Other: write the answer in column {n}+' },
  'paper.dontKnow': { id: '? = Tidak tahu', en: "? = Don't know" },
})
