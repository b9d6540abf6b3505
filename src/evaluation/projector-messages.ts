import { defineMessages } from '../platform/i18n/i18n.ts'

/** The projector view of a session's results: shown full screen to a hall. */
export const projectorMessages = defineMessages({
  'projector.heading': { id: 'Hasil langsung', en: 'Live results' },
  'projector.refresh': { id: 'Diperbarui tiap 10 detik', en: 'Updates every 10 seconds' },
  'projector.fullScreen': { id: 'Layar penuh (F)', en: 'Full screen (F)' },
  'projector.leaveFullScreen': { id: 'Keluar layar penuh (F)', en: 'Leave full screen (F)' },
  'projector.back': { id: 'Kembali ke evaluasi sesi', en: "Back to the session's evaluation" },
  'projector.controls': { id: 'Kontrol tampilan', en: 'View controls' },
  'projector.moreItems': { id: '+{count} butir lain ada di halaman evaluasi', en: '{count, plural, one {+# more item} other {+# more items}} on the evaluation page' },
  'projector.moreGroups': { id: '+{count} kelompok lain ada di halaman evaluasi', en: '{count, plural, one {+# more group} other {+# more groups}} on the evaluation page' },
  'projector.noGroups': { id: 'Belum ada kuesioner yang dibuka untuk sesi ini.', en: 'No questionnaire has been opened for this session yet.' },
  'projector.itemValues': { id: 'Sebelum {before}, sesudah {after}', en: 'Before {before}, after {after}' },
  'projector.fewAnswers': {
    id: 'Persentase sebuah putaran baru ditampilkan setelah dijawab {count} orang atau lebih, agar tidak ada yang bisa menebak jawaban seseorang.',
    en: 'A round’s percentages are shown once {count} or more people have answered it, so that nobody can tell whose answers they are.',
  },
})
