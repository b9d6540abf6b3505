import { defineMessages } from '../platform/i18n/i18n.ts'

/** The programme report (HTML and PDF): session notes and knowledge charts. */
export const reportPdfMessages = defineMessages({
  'report.knowledge': { id: 'Pengetahuan sebelum dan sesudah', en: 'Knowledge before and after' },
  'report.knowledgeByGroup': { id: 'Pengetahuan menurut kelompok sasaran', en: 'Knowledge by target group' },
  'report.targetGroup': { id: 'Kelompok sasaran', en: 'Target group' },
  'report.groupPairs': { id: '{group} ({pairs} pasangan)', en: '{group} ({pairs, plural, one {# pair} other {# pairs}})' },
  'report.notes': { id: 'Catatan kegiatan', en: 'Session notes' },
  'report.noNotes': { id: 'Belum ada catatan kegiatan.', en: 'No session notes yet.' },
  'report.noteWithheld': {
    id: 'Catatan ini tidak ditampilkan karena mungkin berisi pengungkapan kekerasan. Pengungkapan dicatat sebagai rujukan, bukan dalam laporan.',
    en: 'This note is not shown because it may tell of harm. A disclosure is recorded as a referral, never in a report.',
  },
  'report.notesTeamOnly': {
    id: 'Catatan kegiatan hanya untuk tim program: laporan untuk mitra memuat angka gabungan saja.',
    en: 'Session notes stay with the programme team: a partner’s report holds combined figures only.',
  },
})
