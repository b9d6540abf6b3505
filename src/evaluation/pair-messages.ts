import { defineMessages } from '../platform/i18n/i18n.ts'

// Checking and undoing the pairing of before and after answers (staff only: "Anda").
export const pairMessages = defineMessages({
  'problem.pair.notOffered': {
    id: 'Kedua jawaban ini tidak ditawarkan untuk dipasangkan: pasangkan hanya kode mirip yang tercantum di halaman evaluasi.',
    en: 'These two answers are not offered for pairing: pair only the look-alike codes listed on the evaluation page.',
  },
  'problem.pair.notTolerant': { id: 'Ini bukan pasangan yang dibuat dengan toleransi (atau sudah dibatalkan).', en: 'This is not a pair made with tolerance (or it was already undone).' },
  'pair.tolerantIntro': {
    id: 'Dipasangkan walaupun satu bagian kode berbeda: masing-masing satu-satunya jawaban yang berbeda satu bagian, di kedua sisi. Batalkan bila bukan orang yang sama, misalnya peserta yang datang terlambat dan peserta lain yang pulang lebih awal.',
    en: 'Paired although one part of the code differs: each was the only answer one part away, on both sides. Undo a pair when it is not the same person, for example someone who came late and someone else who left early.',
  },
  'pair.tolerant': { id: '{pre} dengan {post}: {part} berbeda', en: '{pre} with {post}: {part} differs' },
  'pair.reject': { id: 'Bukan orang yang sama: batalkan', en: 'Not the same person: undo' },
  'pair.rejectLabel': { id: 'Bukan orang yang sama: batalkan {pre} dengan {post}', en: 'Not the same person: undo {pre} with {post}' },
  'pair.rejectedIntro': { id: 'Dipisahkan oleh petugas (tidak dipasangkan):', en: 'Kept apart by staff (not paired):' },
  'pair.restore': { id: 'Pasangkan lagi: {pre} dengan {post}', en: 'Pair again: {pre} with {post}' },
  'pair.part.mother': { id: 'huruf nama ibu', en: 'the letters of the mother’s name' },
  'pair.part.day': { id: 'tanggal lahir', en: 'the day of birth' },
  'pair.part.own': { id: 'huruf terakhir nama', en: 'the last letter of the name' },
  'pair.part.siblings': { id: 'jumlah kakak', en: 'the number of older siblings' },
  'pair.part.father': { id: 'huruf nama ayah', en: 'the father’s initial' },
  'pair.part.other': { id: 'bagian {n}', en: 'part {n}' },
  'pair.alikeWarning': {
    id: 'Banyak kode di kelompok ini mirip: {count} dari {pre} jawaban sebelum memakai kode yang sama dengan orang lain atau mirip dengan lebih dari satu jawaban sesudah. Jaga tidak memasangkan jawaban seperti itu sendiri, jadi hasilnya menghitung lebih sedikit orang. Kode hanya terdiri dari beberapa jawaban pendek (huruf nama, tanggal, angka); dalam kelompok besar, orang yang berbeda sering memberi jawaban yang sama. Periksa daftar di bawah. Lain kali, tambahkan bagian kode kelima (misalnya huruf pertama nama ayah) saat membuka kuesioner, minta peserta menulis kodenya dengan teliti, atau bagi kelompok besar menjadi beberapa kegiatan yang lebih kecil.',
    en: 'Many codes in this group look alike: {count} of {pre, plural, one {# answer} other {# answers}} before share their code with someone else or resemble more than one answer after. Jaga pairs none of these on its own, so the results count fewer people. A code is only a few short answers (letters of a name, a day, a number); in a large group different people often give the same ones. Check the list below. Next time, add a fifth code part (such as the father’s initial) when opening the questionnaires, ask participants to write their code carefully, or split a large group into smaller sessions.',
  },
})
