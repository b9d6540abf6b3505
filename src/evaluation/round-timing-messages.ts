import { defineMessages } from '../platform/i18n/i18n.ts'

// When a round's link opens and answers that arrive out of order (staff: 'Anda'; participants as in participant-messages.ts:
// a key ending in `.child` is what a child reads, see forRegister in views/round-timing.tsx).
export const roundTimingMessages = defineMessages({
  // The participant's page before the link opens.
  'timing.notYetOpenTitle': { id: 'Formulir ini belum dibuka', en: 'This form is not open yet' },
  'timing.notYetOpenBody': { id: 'Formulir ini dibuka pada {at}. Silakan buka tautan ini lagi pada waktu itu.', en: 'This form opens on {at}. Please open this link again then.' },
  'timing.notYetOpenBody.child': { id: 'Formulir ini dibuka pada {at}. Buka lagi tautan ini pada waktu itu, ya.', en: 'This form opens on {at}. Open this link again then.' },
  'timing.notYetOpenKept': {
    id: 'Bila Anda sudah mengisinya di ponsel ini, jawaban Anda tetap tersimpan di ponsel dan dikirim setelah formulir dibuka.',
    en: 'If you already filled it in on this phone, your answers stay on the phone and are sent once the form opens.',
  },
  'timing.notYetOpenKept.child': {
    id: 'Kalau kamu sudah mengisinya di ponsel ini, jawabanmu tetap tersimpan di ponsel dan dikirim setelah formulir dibuka.',
    en: 'If you already filled it in on this phone, your answers stay on the phone and are sent once the form opens.',
  },
  'problem.collect.notYetOpen': {
    id: 'Kuesioner ini belum dibuka: dibuka pada {at} (UTC). Jawaban yang tersimpan di ponsel dikirim lagi sesudah waktu itu.',
    en: 'This questionnaire is not open yet: it opens at {at} (UTC). Answers kept on the phone are sent again after that.',
  },
  // The session evaluation page: each link's times and the one-click choice.
  'timing.opensAt': { id: 'dibuka {at}', en: 'opens {at}' },
  'timing.closesAt': { id: 'ditutup {at}', en: 'closes {at}' },
  'timing.notYetOpen': { id: 'belum dibuka', en: 'not open yet' },
  'timing.openBefore': { id: 'Buka formulir sebelum kegiatan mulai 1 jam sebelum kegiatan', en: 'Open the before-form from 1 hour before the session' },
  'timing.set': { id: 'Atur waktu buka dan tutup', en: 'Set opening and closing times' },
  'timing.saved': { id: 'Waktu buka dan tutup tautan disimpan.', en: 'The link’s opening and closing times are saved.' },
  // The page to set a link's times.
  'timing.title': { id: 'Waktu buka dan tutup: {round}', en: 'Opening and closing times: {round}' },
  'timing.intro': {
    id: 'Sebelum waktu buka, peserta melihat kapan formulir dibuka dan jawaban dari ponsel belum diterima. Mulai waktu tutup, tautan tertutup seperti bila Anda menutupnya. Kosongkan kolom untuk tanpa batas. Waktu ditulis dalam zona {zone}.',
    en: 'Before the opening time, participants see when the form opens and answers from phones are not yet taken. From the closing time on, the link is closed as if you had closed it. Leave a field empty for no limit. Times are in the {zone} time zone.',
  },
  'timing.opensAtLabel': { id: 'Dibuka pada', en: 'Opens at' },
  'timing.closesAtLabel': { id: 'Ditutup pada', en: 'Closes at' },
  'timing.sessionTime': { id: 'Kegiatan: {from} sampai {to}', en: 'Session: {from} to {to}' },
  'timing.save': { id: 'Simpan waktu', en: 'Save times' },
  'timing.notATime': { id: 'Tulis tanggal dan jam, misalnya 2026-12-01T08:00.', en: 'Enter a date and time, for example 2026-12-01T08:00.' },
  'timing.closesBeforeOpens': { id: 'Waktu tutup harus sesudah waktu buka.', en: 'The closing time must be after the opening time.' },
  // Answers that arrived out of order.
  'timing.flagHeading': { id: 'Jawaban yang datang di luar urutan', en: 'Answers that arrived out of order' },
  'timing.flagIntro': {
    id: 'Jawaban dari ponsel yang datang pada waktu yang tidak biasa: {count}. Mungkin kode QR yang salah dipindai. Jawaban ini tetap dihitung; keluarkan bila tidak termasuk.',
    en: 'Phone answers that arrived at an unexpected time: {count}. Perhaps the wrong QR code was scanned. They still count; leave them out if they do not belong.',
  },
  'timing.flag.post-before-pre': {
    id: 'jawaban sesudah kegiatan yang datang sebelum jawaban sebelum kegiatan yang pertama dari kelompoknya',
    en: 'an after-session answer that arrived before the first before-session answer of its group',
  },
  'timing.flag.pre-after-end': { id: 'jawaban sebelum kegiatan yang datang sesudah kegiatan selesai', en: 'a before-session answer that arrived after the session ended' },
  'timing.flagMore': { id: 'dan {count} lainnya', en: 'and {count} more' },
  'timing.flagShow': { id: 'Lihat semuanya di tabel jawaban', en: 'See them all in the answers table' },
  'timing.flagBadge': { id: 'Di luar urutan', en: 'Out of order' },
  'timing.flagFilter': { id: 'Waktu datang', en: 'Arrival' },
  'timing.flagFilterAll': { id: 'Semua', en: 'All' },
  'timing.flagFilterTiming': { id: 'Hanya yang di luar urutan', en: 'Only those out of order' },
})
