import { defineMessages } from '../platform/i18n/i18n.ts'

/** Step cards for the settings guides and the children's pages' drawings: their titles and text alternatives. */
export const illustrationMessages = defineMessages({
  'stepCard.alt': {
    id: 'Gambar layar ponsel: ketuk {path}, lalu pilih “{value}”.',
    en: 'Drawing of a phone screen: tap {path}, then choose “{value}”.',
  },
  'stepCard.altOn': { id: 'Gambar layar ponsel: ketuk {path}, lalu nyalakan.', en: 'Drawing of a phone screen: tap {path}, then turn it on.' },
  'stepCard.altOff': { id: 'Gambar layar ponsel: ketuk {path}, lalu matikan.', en: 'Drawing of a phone screen: tap {path}, then turn it off.' },
  'stepCard.altPath': { id: 'Gambar layar ponsel: ketuk {path}.', en: 'Drawing of a phone screen: tap {path}.' },
  // The children's pages' drawings (static/illustration-<name>.svg): what each one shows.
  'illustration.block-button': { id: 'Gambar ponsel dengan tombol blokir berwarna merah.', en: 'A phone with a red block button.' },
  'illustration.trusted-adult': { id: 'Gambar orang dewasa yang mendengarkan anak bercerita.', en: 'A grown-up listening to a child who is talking.' },
  'illustration.lock': { id: 'Gambar gembok di atas perisai.', en: 'A padlock on a shield.' },
  'illustration.say-no': { id: 'Gambar balon kata bertuliskan "Tidak!".', en: 'A speech bubble saying "No!".' },
  'illustration.no-forward': { id: 'Gambar ponsel dengan tanda teruskan yang dicoret.', en: 'A phone with a crossed-out forward arrow.' },
})
