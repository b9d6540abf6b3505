import { defineMessages } from '../platform/i18n/i18n.ts'

// The participant's form when it shows and hides questions, hints, dates, other and don't-know.
// Worded without "Anda" or "kamu", so adults and children read the same words.
export const formViewMessages = defineMessages({
  'collect.dontKnow': { id: 'Tidak tahu', en: "Don't know" },
  'collect.other': { id: 'Lainnya (tuliskan)', en: 'Other (please write)' },
  'collect.otherText': { id: 'Tuliskan jawaban lainnya', en: 'Write the other answer' },
  'collect.constraintFailed': { id: 'Jawaban ini tidak sesuai. Periksa lagi.', en: 'This answer does not fit. Please check it.' },
  'collect.wholeNumber': { id: 'Tulis bilangan bulat, tanpa koma.', en: 'Write a whole number, without a decimal point.' },
  'collect.numberOnly': { id: 'Tulis sebuah angka.', en: 'Write a number.' },
  'collect.fixFirst': { id: 'Ada jawaban yang perlu diperbaiki. Lihat pesan di pertanyaan yang ditandai.', en: 'Some answers need correcting. See the message at the marked questions.' },
  'collect.onlyIn.id': { id: 'Kuesioner ini hanya tersedia dalam bahasa Indonesia.', en: 'This questionnaire is only in Bahasa Indonesia.' },
  'collect.onlyIn.en': { id: 'Kuesioner ini hanya tersedia dalam bahasa Inggris.', en: 'This questionnaire is only in English.' },
})
