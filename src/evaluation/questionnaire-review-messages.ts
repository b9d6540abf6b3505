import { defineMessages } from '../platform/i18n/i18n.ts'

/** Questionnaires waiting for review: a draft version is checked by a second person before sessions use it. */
export const questionnaireReviewMessages = defineMessages({
  'questionnaireReview.heading': { id: 'Pemeriksaan', en: 'Check' },
  'questionnaireReview.unchecked': { id: 'Versi {version} belum diperiksa.', en: 'Version {version} has not been checked yet.' },
  'questionnaireReview.uncheckedWhy': {
    id: 'Orang lain selain penyusunnya (koordinator atau admin) perlu membaca pertanyaan dan kunci jawabannya. Tautan tetap bisa dibagikan, tetapi halaman evaluasi kegiatan akan memberi peringatan.',
    en: 'Someone other than its author (a coordinator or admin) should read its questions and answer key. Links can still be handed out, but the session’s evaluation page will show a warning.',
  },
  'questionnaireReview.shipped': { id: 'Versi {version} adalah kuesioner bawaan Jaga dan sudah diperiksa.', en: 'Version {version} ships with Jaga and counts as checked.' },
  'questionnaireReview.checked': { id: 'Versi {version} diperiksa oleh {name} pada {date}.', en: 'Version {version} was checked by {name} on {date}.' },
  'questionnaireReview.note': { id: 'Catatan pemeriksa', en: 'Checker’s note' },
  'questionnaireReview.noteLabel': { id: 'Catatan untuk penyusun', en: 'Note for the author' },
  'questionnaireReview.markChecked': { id: 'Tandai sudah diperiksa', en: 'Mark as checked' },
  'questionnaireReview.ownHint': { id: 'Anda ikut menyusun atau mengubah versi ini, jadi orang lain yang memeriksanya.', en: 'You wrote or changed this version, so someone else checks it.' },
  'questionnaireReview.olderUnchecked': { id: 'Versi {version} masih dipakai tautan dan belum diperiksa.', en: 'Version {version} is still handed out by links and has not been checked.' },
  'questionnaireReview.markVersion': { id: 'Tandai versi {version} sudah diperiksa', en: 'Mark version {version} as checked' },
  'questionnaireReview.done': { id: 'Versi {version} ditandai sudah diperiksa.', en: 'Version {version} is marked as checked.' },
  'questionnaireReview.ownVersion': {
    id: 'Anda tidak dapat memeriksa versi kuesioner yang Anda susun atau ubah sendiri. Minta koordinator atau admin lain.',
    en: 'You cannot check a questionnaire version you wrote or changed yourself. Ask another coordinator or admin.',
  },
  'questionnaireReview.alreadyChecked': { id: 'Versi ini sudah diperiksa.', en: 'This version has already been checked.' },
  'questionnaireReview.changed': {
    id: 'Versi ini sudah diubah sejak Anda membukanya, jadi belum ditandai sudah diperiksa. Buka lagi dan baca perubahannya.',
    en: 'This version has changed since you opened it, so it was not marked as checked. Open it again and look at the changes.',
  },
  'questionnaireReview.sessionWarning': {
    id: 'Tautan kegiatan ini memakai {count} kuesioner yang belum diperiksa.',
    en: '{count, plural, one {A link of this session uses a questionnaire that has} other {Links of this session use # questionnaires that have}} not been checked yet.',
  },
  'questionnaireReview.sessionWarningWhy': {
    id: 'Jawaban tetap diterima. Minta orang lain selain penyusunnya memeriksa pertanyaan dan kunci jawabannya.',
    en: 'Answers are still taken. Ask someone other than its author to check the questions and answer key.',
  },
  'questionnaireReview.versionOf': { id: '{title}, versi {version}', en: '{title}, version {version}' },
  'start.questionnaires': { id: 'Kuesioner yang menunggu pemeriksaan', en: 'Questionnaires waiting for review' },
  'start.noQuestionnaires': { id: 'Tidak ada kuesioner yang menunggu.', en: 'No questionnaire is waiting.' },
  'start.questionnaire': { id: '{title}, versi {version}, oleh {author}', en: '{title}, version {version}, by {author}' },
  'start.questionnaireNoAuthor': { id: '{title}, versi {version}', en: '{title}, version {version}' },
})
