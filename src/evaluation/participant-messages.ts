import { defineMessages } from '../platform/i18n/i18n.ts'

/**
 * The participant form's round (also on the QR sheet), progress and next step, and the child register: a key ending in
 * `.child` is what a child (children-* groups) reads instead of the key without it, which speaks to
 * an adult with "Anda" (participant-register.ts picks one).
 */
export const participantMessages = defineMessages({
  'collect.round.pre': { id: 'Sebelum kegiatan', en: 'Before the session' },
  'collect.round.post': { id: 'Sesudah kegiatan', en: 'After the session' },
  'collect.round.feedback': { id: 'Umpan balik', en: 'Feedback' },
  'collect.round.follow-up': { id: 'Tindak lanjut 3 bulan', en: '3-month follow-up' },
  'collect.roundSession': { id: 'Kegiatan: {title}, {date}', en: 'Session: {title}, {date}' },
  'collect.progress': { id: 'Pertanyaan {n} dari {total}', en: 'Question {n} of {total}' },
  'collect.nextHeading': { id: 'Langkah berikutnya', en: 'What comes next' },
  'collect.next.pre': {
    id: 'Simpan kode Anda untuk formulir sesudah kegiatan: nanti Anda menjawab pertanyaan kode dengan cara yang sama seperti tadi, supaya jawaban sebelum dan sesudah bisa dibandingkan.',
    en: 'Keep your code for the after-session form: there you answer the code questions the same way as just now, so your answers before and after can be compared.',
  },
  'collect.next.pre.child': {
    id: 'Ingat kodemu untuk formulir sesudah kegiatan: nanti kamu menjawab pertanyaan kode dengan cara yang sama seperti tadi, supaya jawaban sebelum dan sesudah bisa dibandingkan.',
    en: 'Remember your code for the after-session form: there you answer the code questions the same way as just now, so your answers before and after can be compared.',
  },
  'collect.next.post': {
    id: 'Itu saja untuk kegiatan ini. Jawaban Anda sebelum dan sesudah kegiatan kini dibandingkan tanpa nama. Bila ada formulir umpan balik, fasilitator akan menunjukkannya.',
    en: 'That is all for this session. Your answers before and after are now compared, without any name. If there is a feedback form, the facilitator will show it.',
  },
  'collect.next.post.child': {
    id: 'Itu saja untuk kegiatan ini. Jawabanmu sebelum dan sesudah kegiatan kini dibandingkan tanpa nama. Kalau ada formulir umpan balik, fasilitator akan menunjukkannya.',
    en: 'That is all for this session. Your answers before and after are now compared, without any name. If there is a feedback form, the facilitator will show it.',
  },
  'collect.next.feedback': { id: 'Pendapat Anda dibaca tim untuk memperbaiki kegiatan berikutnya.', en: 'The team reads your views to make the next session better.' },
  'collect.next.feedback.child': { id: 'Pendapatmu dibaca tim untuk memperbaiki kegiatan berikutnya.', en: 'The team reads your views to make the next session better.' },
  'collect.next.follow-up': { id: 'Terima kasih sudah menjawab lagi tiga bulan sesudah kegiatan. Tidak ada formulir lain yang perlu Anda isi.', en: 'Thank you for answering again three months after the session. There is no other form for you to fill in.' },
  'collect.next.follow-up.child': { id: 'Terima kasih sudah menjawab lagi tiga bulan sesudah kegiatan. Tidak ada formulir lain yang perlu kamu isi.', en: 'Thank you for answering again three months after the session. There is no other form for you to fill in.' },
  'eval.qrPerPageNote': { id: 'Setiap putaran dicetak di halamannya sendiri, supaya kode QR sebelum dan sesudah kegiatan tidak tertukar.', en: 'Each round prints on a page of its own, so the before and after QR codes cannot be mixed up.' },
  'eval.qrTogether': { id: 'Cetak semuanya di satu halaman', en: 'Print them all on one page' },
  'eval.qrTogetherNote': { id: 'Semua putaran di satu halaman: potong dan pisahkan sebelum dibagikan.', en: 'All rounds on one page: cut them apart before handing them out.' },
  'eval.qrPerPage': { id: 'Satu putaran per halaman', en: 'One round per page' },
  'collect.libraryLink': { id: 'Baca lagi materinya di perpustakaan Jaga', en: 'Read the material again in the Jaga library' },

  'collect.codeHeading.child': { id: 'Kode rahasiamu', en: 'Your private code' },
  'collect.codeIntro.child': {
    id: 'Jawab pertanyaan berikut untuk membuat kodemu. Jawab dengan cara yang sama sebelum dan sesudah kegiatan, supaya jawabanmu bisa dibandingkan. Kode ini bukan namamu: kode dibuat dari beberapa jawaban pendek yang kamu ingat. Tim melihatnya hanya untuk mencocokkan kedua formulirmu, tidak pernah bersama namamu.',
    en: 'Answer these questions to make your code. Answer them the same way before and after the activity, so your answers can be compared. Your code is not your name: it is made of a few short answers you remember. The team sees it only to match your two forms, never with your name.',
  },
  'collect.thanks.child': { id: 'Jawabanmu sudah diterima.', en: 'Your answers have been received.' },
  'collect.savedOffline.child': {
    id: 'Tidak ada sambungan internet. Jawabanmu disimpan di HP ini dan akan terkirim sendiri begitu tersambung lagi. Biarkan halaman ini terbuka atau buka lagi nanti.',
    en: 'There is no internet connection. Your answers are kept on this phone and will be sent by themselves as soon as it is back. Leave this page open or open it again later.',
  },
  'collect.savedRetry.child': {
    id: 'Server belum bisa menerima jawabanmu saat ini. Jawabanmu disimpan di HP ini dan akan dikirim lagi sendiri. Boleh menutup halaman ini.',
    en: 'The server could not take your answers just now. They are kept on this phone and will be sent again by themselves. You may close this page.',
  },
  'collect.blanked.child': {
    id: 'Data pribadi yang kamu tulis (misalnya nomor HP, alamat, akun media sosial atau nama sekolah dan kelas) sudah dihapus dari jawabanmu sebelum disimpan.',
    en: 'Personal details you wrote (such as a phone number, an address, a social media account or a school and class) were removed from your answers before they were stored.',
  },
  'collect.helpTitle.child': { id: 'Kamu tidak sendiri', en: 'You are not alone' },
  'collect.helpBody.child': {
    id: 'Dari yang kamu tulis, mungkin kamu atau orang yang kamu kenal sedang mengalami hal yang berat. Kamu bisa minta bantuan sekarang juga, gratis dan rahasia:',
    en: 'From what you wrote, you or someone you know may be going through something hard. You can get help right now, free and in confidence:',
  },
  'collect.helpTrusted.child': { id: 'Kamu juga bisa bicara dengan fasilitator kegiatan ini atau orang dewasa yang kamu percaya.', en: 'You can also talk to this activity’s facilitator or an adult you trust.' },
})
