import { defineMessages } from '../platform/i18n/i18n.ts'

// The XLSForm import preview and the questionnaire API's import/export words (staff: 'Anda').
export const importPreviewMessages = defineMessages({
  'importPreview.title': { id: 'Pratinjau impor: {title}', en: 'Import preview: {title}' },
  'importPreview.intro': {
    id: 'Belum ada yang disimpan. Periksa kuesioner ini seperti yang akan dilihat peserta, lalu pilih Simpan.',
    en: 'Nothing has been saved yet. Check the questionnaire as participants will see it, then choose Save.',
  },
  'importPreview.willCreate': { id: 'Simpan akan membuat kuesioner baru "{key}", versi 1.', en: 'Save creates a new questionnaire "{key}", version 1.' },
  'importPreview.willVersion': {
    id: 'Kuesioner "{key}" sudah ada (versi terakhir: {latest}). Simpan akan membuat versi {version}; tautan yang sudah dibuka tetap memakai versinya.',
    en: 'The questionnaire "{key}" already exists (latest version: {latest}). Save makes version {version}; links already opened keep their version.',
  },
  'importPreview.shipped': {
    id: 'form_id "{key}" milik kuesioner bawaan Jaga dan tidak dapat ditimpa. Ubah form_id di lembar settings, lalu unggah lagi.',
    en: 'form_id "{key}" belongs to a questionnaire that ships with Jaga and cannot be replaced. Change form_id in the settings sheet and upload again.',
  },
  'importPreview.uploadHint': {
    id: 'Setelah mengunggah, Anda melihat pratinjau formulir dan daftar yang tidak dimasukkan. Belum ada yang disimpan sebelum Anda memilih Simpan.',
    en: 'After uploading you see a preview of the form and a list of what was not kept. Nothing is saved until you choose Save.',
  },
  'importPreview.save': { id: 'Simpan kuesioner', en: 'Save the questionnaire' },
  'importPreview.cancel': { id: 'Batal, kembali ke daftar kuesioner', en: 'Cancel, back to the questionnaires' },
  'importPreview.notKept': { id: 'Yang tidak dimasukkan ({count})', en: 'Not kept ({count})' },
  'importPreview.kindKept': {
    id: 'Kuesioner "{key}" tetap berjenis "{kept}" seperti sebelumnya; berkas ini sendiri akan menjadikannya "{imported}". Impor tidak mengubah jenisnya, agar jawaban dan hasil sebelumnya tetap dihitung dengan cara yang sama.',
    en: 'Questionnaire "{key}" stays of the kind "{kept}", as before; this file alone would make it "{imported}". An import does not change the kind, so earlier answers and results are counted the same way.',
  },
  'importPreview.allKept': { id: 'Semua baris berkas ini dimasukkan.', en: 'Every row of this file was kept.' },
  'importPreview.differences': { id: 'Yang dilihat peserta secara berbeda', en: 'What participants will see differently' },
  'importPreview.surveyRows': {
    id: '{count} baris lembar survey tidak dimasukkan atau diubah (lihat daftar di atas): peserta tidak melihatnya seperti di berkas.',
    en: '{count, plural, one {# row of the survey sheet was not kept or was changed (see the list above): participants do not see it} other {# rows of the survey sheet were not kept or were changed (see the list above): participants do not see them}} as in the file.',
  },
  'importPreview.choiceRows': {
    id: '{count} pilihan jawaban dari lembar choices tidak dimasukkan: peserta tidak melihat pilihan itu.',
    en: '{count, plural, one {# answer option from the choices sheet was not kept: participants do not see that option} other {# answer options from the choices sheet were not kept: participants do not see those options}}.',
  },
  'importPreview.onlyIn.id': {
    id: 'Kuesioner ini hanya dalam Bahasa Indonesia: peserta yang memakai bahasa Inggris melihat teks Bahasa Indonesia dengan pemberitahuan.',
    en: 'This questionnaire is in Bahasa Indonesia only: participants using English see the Indonesian text with a notice.',
  },
  'importPreview.onlyIn.en': {
    id: 'Kuesioner ini hanya dalam bahasa Inggris: peserta yang memakai Bahasa Indonesia melihat teks bahasa Inggris dengan pemberitahuan.',
    en: 'This questionnaire is in English only: participants using Bahasa Indonesia see the English text with a notice.',
  },
  'importPreview.relevant': {
    id: '{count} pertanyaan atau bagian hanya muncul jika syaratnya terpenuhi. Pratinjau ini menampilkan semuanya.',
    en: '{count, plural, one {# question or section shows only when its condition holds} other {# questions or sections show only when their condition holds}}. This preview shows them all.',
  },
  'importPreview.codeQuestions': {
    id: 'Di Jaga, peserta tes sebelum/sesudah lebih dulu menjawab pertanyaan kode rahasia (tidak ada di berkas ini), seperti di bawah.',
    en: 'In Jaga, participants in a before/after test first answer the private-code questions (not in this file), as below.',
  },
  'importPreview.formHeading': { id: 'Formulir seperti yang dilihat peserta', en: 'The form as a participant sees it' },
  'importPreview.readOnly': { id: 'Hanya pratinjau: formulir ini tidak dapat diisi atau dikirim.', en: 'A preview only: this form cannot be filled in or sent.' },
  'importPreview.sampleSession': { id: 'Contoh kegiatan', en: 'Example session' },
  'importPreview.expired': {
    id: 'Data pratinjau rusak atau terlalu besar, jadi tidak ada yang disimpan. Unggah berkas XLSForm lagi.',
    en: 'The preview data is damaged or too large, so nothing was saved. Upload the XLSForm file again.',
  },
  'importPreview.saved': { id: 'Disimpan sebagai "{key}" versi {version} dengan {items} pertanyaan.', en: 'Saved as "{key}" version {version} with {items, plural, one {# question} other {# questions}}.' },
  // A link's XLSForm carries the link's code questions, so Kobo answers can be matched by code.
  'questionnaire.exportForLink': { id: 'Unduh sebagai XLSForm (untuk KoboToolbox/ODK)', en: 'Download as XLSForm (for KoboToolbox/ODK)' },
})
