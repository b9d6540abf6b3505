import { defineMessages } from '../platform/i18n/i18n.ts'

// Participant codes in staff views: per-session numbers, the fifth code part, and what a code can and cannot tell (staff: 'Anda').
export const codeMessages = defineMessages({
  'code.participant': { id: 'Peserta {n}', en: 'Participant {n}' },
  'code.participantColumn': { id: 'Peserta', en: 'Participant' },
  'code.chooseOne': { id: 'Pilih jawaban peserta {n} ({round})', en: 'Choose the answer of participant {n} ({round})' },
  'code.open': { id: 'Lihat jawaban peserta {n} ({round})', en: 'See the answer of participant {n} ({round})' },
  'code.detailTitle': { id: 'Jawaban {name} · {round}', en: 'Answer of {name} · {round}' },
  'code.codeForReview': { id: 'Kode (hanya untuk memeriksa pasangan)', en: 'Code (only for checking pairs)' },
  'code.numbersNote': {
    id: 'Peserta diberi nomor menurut urutan jawaban pertamanya di kegiatan ini; kode yang sama memakai nomor yang sama sebelum dan sesudah. Kode peserta tidak ditampilkan di daftar: untuk memeriksa sebuah pasangan, cari kodenya dengan filter.',
    en: 'Participants are numbered in the order of their first answer in this session; the same code keeps its number before and after. Codes are not listed: to check a pair, look a code up with the filter.',
  },
  'code.exportNote': {
    id: 'Unduhan CSV dan XLSX memuat kode peserta seperti ditulis, karena analisis memasangkan jawaban dengan kode itu: simpan filenya dengan aman.',
    en: 'The CSV and XLSX downloads hold participants’ codes as written, because the analysis pairs answers by them: keep the files safe.',
  },
  'code.partsHeading': { id: 'Kode peserta', en: 'Participant codes' },
  'code.partsNumber': { id: '{count} bagian', en: '{count, plural, one {# part} other {# parts}}' },
  'code.partsLegend': { id: 'Pertanyaan untuk kode peserta (pilih 3–5)', en: 'Questions for the participant code (choose 3–5)' },
  'code.partsCount': { id: 'Pilih 3 sampai 5 pertanyaan kode yang berbeda.', en: 'Choose 3 to 5 different code questions.' },
  'code.partsHint': {
    id: 'Untuk kelompok {large} orang atau lebih, pilih bagian kelima (huruf pertama nama ayah, atau huruf kedua nama sendiri). Kode hanya terdiri dari beberapa jawaban pendek; dalam kelompok besar, orang yang berbeda sering memberi jawaban yang sama, dan jawaban mereka lalu tidak dapat dipasangkan.',
    en: 'For a group of {large, plural, one {# person} other {# people}} or more, choose a fifth part (the father’s initial, or the second letter of the own name). A code is only a few short answers; in a large group different people often give the same ones, and then their answers cannot be paired.',
  },
  'code.suggestFifth': {
    id: 'Kelompok ini besar ({count} orang). Tambahkan bagian kode kelima sebelum peserta mengisi formulir: dengan lebih banyak bagian, dua orang lebih jarang mendapat kode yang sama.',
    en: 'This group is large ({count, plural, one {# person} other {# people}}). Add a fifth code part before participants fill in the form: with more parts, two people less often end up with the same code.',
  },
  'code.suggestFifthNext': {
    id: 'Kelompok ini besar atau banyak kodenya sama. Bagian kode kegiatan ini tidak dapat diubah lagi; untuk kegiatan berikutnya dengan kelompok seperti ini, pilih bagian kelima (huruf pertama nama ayah, atau huruf kedua nama sendiri) saat membuka kuesioner.',
    en: 'This group is large or many of its codes are shared. The code parts of this session can no longer be changed; for the next session with a group like this, choose a fifth part (the father’s initial, or the second letter of the own name) when opening the questionnaires.',
  },
  'code.locked': {
    id: 'Bagian kode tidak dapat diubah lagi: sudah ada {count} jawaban dengan kode dari bagian-bagian ini, dan kode dari bagian lain tidak akan cocok dengannya.',
    en: 'The code parts can no longer be changed: {count, plural, one {# answer already carries} other {# answers already carry}} codes made of these parts, and codes made of other parts would not match them.',
  },
  'code.change': { id: 'Ubah bagian kode untuk {group}', en: 'Change the code parts for {group}' },
  'code.changeBefore': {
    id: 'Ubah hanya sebelum peserta membuka formulir: ponsel yang sudah menampilkan formulir harus memuatnya lagi.',
    en: 'Change them only before participants open the form: a phone already showing the form must load it again.',
  },
  'code.save': { id: 'Simpan bagian kode', en: 'Save the code parts' },
  'code.changed': { id: 'Bagian kode disimpan.', en: 'The code parts were saved.' },
  'problem.code.partsLocked': {
    id: 'Bagian kode tidak dapat diubah: sudah ada jawaban untuk kelompok ini, dan kode dari bagian lain tidak akan cocok dengan kode yang sudah ditulis. Untuk kegiatan berikutnya, pilih bagian kode saat membuka kuesioner.',
    en: 'The code parts cannot be changed: answers have already come in for this group, and codes made of other parts would not match the codes already written. For the next session, choose the parts when opening the questionnaires.',
  },
  'code.ambiguousCount': { id: '{count} kode sebelum mirip dengan lebih dari satu kode sesudah dan tidak dipasangkan.', en: '{count, plural, one {# code before resembles more than one code after and was not paired} other {# codes before resemble more than one code after and were not paired}}.' },
  'code.duplicatesCount': { id: '{count} kode ditulis oleh lebih dari satu orang dan tidak dipasangkan.', en: '{count, plural, one {# code was written by more than one person and was not paired} other {# codes were written by more than one person and were not paired}}.' },
  'paper.code.own2': { id: 'Huruf 2', en: 'Letter 2' },
  'pair.part.own2': { id: 'huruf kedua nama', en: 'the second letter of the name' },
})
