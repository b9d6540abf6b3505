import { defineMessages } from './i18n/i18n.ts'

/** Keeping only what is needed: the retention setting for participants' raw answers and free text. */
export const retentionMessages = defineMessages({
  'retention.notSet': {
    id: 'jaga: JAGA_RETAIN_ANSWERS_MONTHS belum diatur, jadi jawaban mentah disimpan selamanya. Atur (1–240 bulan) atau berikan --months N untuk mencoba dengan --dry-run.',
    en: 'jaga: JAGA_RETAIN_ANSWERS_MONTHS is not set, so raw answers are kept. Set it (1–240 months) or give --months N to try one with --dry-run.',
  },
  'retention.usage': { id: 'Pemakaian: jaga retention run [--dry-run] [--months N] [--yes]', en: 'Usage: jaga retention run [--dry-run] [--months N] [--yes]' },
  'retention.monthsDiffer': {
    id: 'jaga: --months {months} berbeda dari pengaturan JAGA_RETAIN_ANSWERS_MONTHS ({setting} bulan), dan penghapusan ini tidak bisa dibatalkan. Coba dulu dengan --dry-run; untuk benar-benar menghapus dengan {months} bulan, tambahkan --yes.',
    en: 'jaga: --months {months} differs from the JAGA_RETAIN_ANSWERS_MONTHS setting ({setting, plural, one {# month} other {# months}}), and removing answers cannot be undone. Try it with --dry-run first; to really remove with {months, plural, one {# month} other {# months}}, add --yes.',
  },
  'retention.monthsNotSetting': {
    id: 'jaga: JAGA_RETAIN_ANSWERS_MONTHS belum diatur, dan penghapusan ini tidak bisa dibatalkan. Coba --months {months} dengan --dry-run; untuk benar-benar menghapus dengan {months} bulan, tambahkan --yes (atau atur JAGA_RETAIN_ANSWERS_MONTHS).',
    en: 'jaga: JAGA_RETAIN_ANSWERS_MONTHS is not set, and removing answers cannot be undone. Try --months {months} with --dry-run; to really remove with {months, plural, one {# month} other {# months}}, add --yes (or set JAGA_RETAIN_ANSWERS_MONTHS).',
  },
  'retention.scope': {
    id: 'Jawaban dari kegiatan sebelum {cutoff} (pengaturan: {months} bulan):',
    en: 'Answers from sessions before {cutoff} (setting: {months, plural, one {# month} other {# months}}):',
  },
  'retention.counts': {
    id: '  {submissions} jawaban dipangkas, {texts} isian tertulis atau lainnya dihapus, {reviews} tinjauan komentar dihapus, kata-kata {disclosures} pengungkapan yang sudah ditangani dihapus.',
    en: '  {submissions, plural, one {# submission} other {# submissions}} trimmed, {texts, plural, one {# written or other answer} other {# written or other answers}} removed, {reviews, plural, one {# comment review} other {# comment reviews}} deleted, the words of {disclosures, plural, one {# handled disclosure} other {# handled disclosures}} removed.',
  },
  'retention.dryRun': { id: 'Uji coba: tidak ada yang diubah. Inilah yang akan dihapus.', en: 'Dry run: nothing was changed. This is what a run would remove.' },
  'retention.done': { id: 'Selesai dan dicatat di log audit.', en: 'Done, and recorded in the audit log.' },
  // The admin's start page.
  'retention.title': { id: 'Retensi jawaban', en: 'Answer retention' },
  'retention.keep': {
    id: 'Jawaban mentah peserta disimpan tanpa batas waktu (JAGA_RETAIN_ANSWERS_MONTHS belum diatur).',
    en: 'Participants’ raw answers are kept with no time limit (JAGA_RETAIN_ANSWERS_MONTHS is not set).',
  },
  'retention.setting': {
    id: 'Komentar tertulis dan jawaban mentah lain dihapus {months} bulan sesudah kegiatan; skor dan pilihan jawaban untuk hasil tetap disimpan.',
    en: 'Written comments and other raw answers are removed {months, plural, one {# month} other {# months}} after the session; the scores and choices results need are kept.',
  },
  'retention.lastRun': {
    id: 'Terakhir dijalankan {when}: {submissions} jawaban dipangkas, {texts} isian dihapus.',
    en: 'Last run {when}: {submissions, plural, one {# submission} other {# submissions}} trimmed, {texts, plural, one {# answer} other {# answers}} removed.',
  },
  'retention.neverRun': { id: 'Belum pernah dijalankan.', en: 'Not run yet.' },
})
