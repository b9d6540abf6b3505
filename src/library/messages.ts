import { defineMessages } from '../platform/i18n/i18n.ts'

export const libraryMessages = defineMessages({
  'home.title': { id: 'Beranda', en: 'Home' },
  'home.heading': { id: 'Jaga: lindungi anak di dunia daring', en: 'Jaga: keeping children safe online' },
  'home.lead': {
    id: 'Jaga membantu tim masyarakat, sekolah dan lembaga menjalankan program pencegahan eksploitasi dan kekerasan seksual anak di dunia daring: edukasi gratis, kunjungan rutin ke setiap lingkungan, dan pengukuran hasil yang jujur.',
    en: 'Jaga helps community teams, schools and agencies run programmes against online sexual exploitation and abuse of children: free education, regular visits to every neighbourhood, and honest measurement of results.',
  },
  'home.helpTitle': { id: 'Butuh bantuan sekarang?', en: 'Need help now?' },
  'home.help': {
    id: 'Jika anak dalam bahaya, hubungi polisi di 110. Untuk melapor kekerasan terhadap perempuan dan anak, hubungi SAPA 129 (telepon 129 atau WhatsApp 08111-129-129).',
    en: 'If a child is in danger, call the police on 110. To report violence against women and children, contact SAPA 129 (call 129 or WhatsApp 08111-129-129).',
  },
  'home.helpSource': {
    id: 'Sumber: KemenPPPA untuk SAPA 129 (dikutip tribratanews Polri dan Antara, 2023–2025); Polri untuk Call Center 110 (detik Sumut). Terakhir diperiksa: November 2026.',
    en: 'Sources: KemenPPPA for SAPA 129 (as quoted by Polri’s tribratanews and Antara, 2023–2025); Polri for Call Center 110 (detik Sumut). Last checked: November 2026.',
  },
  'home.team': { id: 'Untuk tim program', en: 'For programme teams' },
  'home.teamText': { id: 'Masuk untuk mengelola wilayah, pengguna dan kegiatan.', en: 'Sign in to manage areas, users and activities.' },
})
