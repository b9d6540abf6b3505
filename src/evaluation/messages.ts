import { defineMessages } from '../platform/i18n/i18n.ts'

export const evaluationMessages = defineMessages({
  'analyze.missingColumn': { id: 'kolom "{column}" tidak ada di baris judul', en: 'the header has no "{column}" column' },
  'analyze.noItems': {
    id: 'tidak ada kolom butir soal (semua kolom selain code, phase, group, area, session, gender, age_band, how, pair_id, questionnaire adalah butir)',
    en: 'there are no item columns (every column other than code, phase, group, area, session, gender, age_band, how, pair_id, questionnaire is an item)',
  },
  'analyze.noItemsInTest': { id: 'baris {line}: kuesioner "{test}" tidak mengisi satu kolom butir pun', en: 'line {line}: questionnaire "{test}" fills no item column' },
  'analyze.notInTest': {
    id: 'baris {line}, kolom {column}: terisi, padahal baris pertama kuesioner "{test}" membiarkannya kosong (butir kuesioner lain)',
    en: 'line {line}, column {column}: filled, but the first row of questionnaire "{test}" leaves it empty (another questionnaire’s item)',
  },
  'analyze.severalTests': { id: 'berkas ini memuat beberapa kuesioner ({tests}); masing-masing dianalisis sendiri', en: 'this file holds several questionnaires ({tests}); each is analysed on its own' },
  'analyze.emptyCode': { id: 'baris {line}: kode kosong', en: 'line {line}: the code is empty' },
  'analyze.badPhase': { id: 'baris {line}: fase "{value}" harus pre/pretest atau post/posttest', en: 'line {line}: phase "{value}" must be pre/pretest or post/posttest' },
  'analyze.pairIdTwice': { id: 'baris {line}: pair_id "{value}" sudah punya baris di fase ini', en: 'line {line}: pair_id "{value}" already has a row in this phase' },
  'analyze.badScore': { id: 'baris {line}, kolom {column}: "{value}" bukan angka', en: 'line {line}, column {column}: "{value}" is not a number' },
  'analyze.text.summary': {
    id: '{pairs} pasangan pre/post; tanpa pasangan: {pre} pre, {post} post; kode ganda (tidak dipasangkan): {duplicates}',
    en: '{pairs} pre/post pairs; unmatched: {pre} pre, {post} post; codes written twice (not paired): {duplicates}',
  },
  'analyze.text.dichotomous': { id: '{items} butir bernilai 0/1 (skor maksimum {items})', en: '{items, plural, one {# item} other {# items}} scored 0/1 (maximum score {items})' },
  'analyze.text.scored': { id: '{items} butir (bukan 0/1: tanpa N-gain dan McNemar)', en: '{items, plural, one {# item} other {# items}} (not 0/1: no N-gain or McNemar)' },
  'analyze.text.notShown': {
    id: '{answers} jawaban butir kosong = tidak ditampilkan (logika lompat), tidak dihitung salah; skor total dihitung proporsional atas butir yang ditampilkan',
    en: '{answers, plural, one {# item answer} other {# item answers}} empty = not shown (skip logic), not counted wrong; totals are prorated over the items shown',
  },
  'analyze.text.withoutTotal': {
    id: '{pairs} pasangan tidak masuk skor total: salah satu jawabannya tidak ditampilkan satu butir pun',
    en: '{pairs, plural, one {# pair} other {# pairs}} left out of the total score: one of their answers was shown no item',
  },
  'analyze.text.score': { id: 'Skor total', en: 'Total score' },
  'analyze.text.pairs': { id: 'pasangan', en: 'pairs' },
  'analyze.text.pre': { id: 'rata-rata pre', en: 'mean before' },
  'analyze.text.post': { id: 'rata-rata post', en: 'mean after' },
  'analyze.text.change': { id: 'perubahan', en: 'change' },
  'analyze.text.tTest': { id: 'uji-t berpasangan', en: 'paired t-test' },
  'analyze.text.wilcoxon': { id: 'Wilcoxon', en: 'Wilcoxon' },
  'analyze.text.nGain': { id: 'N-gain', en: 'normalised gain' },
  'analyze.text.ofMeans': { id: 'gain dari rata-rata', en: 'gain of the means' },
  'analyze.text.hake.low': { id: 'rendah', en: 'low' },
  'analyze.text.hake.medium': { id: 'sedang', en: 'medium' },
  'analyze.text.hake.high': { id: 'tinggi', en: 'high' },
  'analyze.text.alpha': { id: 'alfa Cronbach', en: "Cronbach's alpha" },
  'analyze.text.item': { id: 'butir', en: 'item' },
  'analyze.text.group': { id: 'Kelompok', en: 'Group' },
  'analyze.text.test': { id: 'Kuesioner', en: 'Questionnaire' },
  'behaviour.heading': { id: 'Yang dilakukan peserta', en: 'What participants do' },
  'behaviour.intro': {
    id: 'Jumlah orang per jawaban. Persentase dihitung dari mereka yang pertanyaannya berlaku; "tidak berlaku" dihitung terpisah.',
    en: 'People per answer. Percentages are of those to whom the question applies; "does not apply" is counted separately.',
  },
  'behaviour.answer': { id: 'Jawaban', en: 'Answer' },
  'behaviour.notApplicable': { id: 'Tidak berlaku (di luar persentase)', en: 'Does not apply (not in the percentages)' },
  'behaviour.total': { id: 'Jumlah yang menjawab', en: 'Answered' },
  'behaviour.hidden': { id: 'kurang dari 5', en: 'fewer than 5' },
  'behaviour.notAsked': { id: 'tidak ditanyakan', en: 'not asked' },
  'behaviour.threeMonths': { id: 'Tiga bulan kemudian', en: 'Three months later' },
  'problem.session.privateParts': {
    id: 'Fasilitator hanya dapat melihat jawaban per kode, ekspor, dan tautan kuesioner dari kegiatan yang ia fasilitasi.',
    en: 'Facilitators can see the answers per code, the exports and the questionnaire links only of the sessions they facilitate.',
  },
  'programmeEval.asOf': { id: 'Angka per {date}; diperbarui setelah ada paling sedikit 5 pasangan jawaban baru.', en: 'Figures as of {date}; renewed once at least 5 new answer pairs have arrived.' },

  // Participants' written answers, read by a referral person before anyone else sees them.
  'review.waitingOne': { id: '1 komentar menunggu ditinjau', en: '1 comment waiting for review' },
  'review.waiting': { id: '{count} komentar menunggu ditinjau', en: '{count, plural, one {# comment} other {# comments}} waiting for review' },
  'review.link': { id: 'Tinjau komentar', en: 'Review the comments' },
  'review.title': { id: 'Komentar yang menunggu ditinjau · {title}', en: 'Comments waiting for review · {title}' },
  'review.heading': { id: 'Komentar yang menunggu ditinjau', en: 'Comments waiting for review' },
  'review.intro': {
    id: 'Tulisan peserta tidak tampil di hasil, PDF, ekspor, layar proyektor, atau bagi mitra sebelum Anda membacanya. Rilis komentar biasa agar tampil di hasil. Jika sebuah tulisan menceritakan bahaya yang dialami anak atau orang tua, tandai: tulisan itu dipindahkan ke daftar pengungkapan untuk ditindaklanjuti dan dihapus dari data jawaban.',
    en: 'Participants’ writing is not shown in results, PDFs, exports, on the projector or to partners until you have read it. Release an ordinary comment to show it in the results. If a text tells of harm to a child or a parent, flag it: it moves to the disclosures for follow-up and is removed from the answer data.',
  },
  'review.none': { id: 'Tidak ada komentar yang menunggu.', en: 'No comments are waiting.' },
  'review.received': { id: '{phase} · {group} · diterima {when}', en: '{phase} · {group} · received {when}' },
  'review.release': { id: 'Rilis', en: 'Release' },
  'review.flag': { id: 'Ini menceritakan bahaya', en: 'This tells of harm' },
  'review.released': { id: 'Komentar dirilis dan kini tampil di hasil.', en: 'The comment was released and now shows in the results.' },
  'review.flagged': { id: 'Tulisan dipindahkan ke daftar pengungkapan dan dihapus dari data jawaban. Catat rujukan di sana.', en: 'The text was moved to the disclosures and removed from the answer data. Record a referral there.' },
  'review.already': { id: 'Komentar ini sudah ditinjau oleh orang lain.', en: 'Someone else has already reviewed this comment.' },
  'review.back': { id: 'Kembali ke hasil evaluasi', en: 'Back to the evaluation results' },
  'review.disclosuresIntro': {
    id: 'Tulisan peserta yang belum dibaca siapa pun tidak tampil di hasil. Bacalah, lalu rilis atau tandai sebagai bahaya.',
    en: 'Participants’ writing that nobody has read yet is not shown in the results. Read it, then release it or flag it as harm.',
  },
  // CSV imports refused for their size (import-routes.tsx): the limit, and what to do.
  'csvImport.tooLarge': {
    id: 'Berkas CSV ini lebih besar dari batas {limitMb} MB untuk satu kali impor. Bagi menjadi beberapa berkas.',
    en: 'This CSV file is larger than the {limitMb} MB limit for one import. Split it into several files.',
  },
  'csvImport.tooManyRows': {
    id: 'Berkas CSV ini berisi lebih dari {limit} baris jawaban, batas untuk satu kali impor. Bagi menjadi beberapa berkas.',
    en: 'This CSV file has more than {limit, plural, one {# row} other {# rows}} of answers, the limit for one import. Split it into several files.',
  },
  'csvImport.tooManyColumns': {
    id: 'Berkas CSV ini memakai lebih dari {limit} kolom, batas untuk impor. Hapus kolom yang tidak perlu.',
    en: 'This CSV file uses more than {limit, plural, one {# column} other {# columns}}, the limit for an import. Remove the columns you do not need.',
  },
  'csvImport.unreadable': {
    id: 'Berkas ini tidak dapat dibaca sebagai CSV (misalnya ada tanda kutip yang tidak ditutup).',
    en: 'This file cannot be read as CSV (for example, a quotation mark is never closed).',
  },
  'csvImport.tooHeavy': {
    id: 'Membaca berkas ini terlalu berat (waktu atau memori), jadi dihentikan. Bagi menjadi beberapa berkas.',
    en: 'Reading this file was too heavy (time or memory), so it was stopped. Split it into several files.',
  },
})
