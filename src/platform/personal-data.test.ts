import { describe, expect, it } from 'vitest'
import { blankPersonalData, findPersonalData } from './personal-data.ts'

const blank = (text: string) => blankPersonalData(text).text

describe('personal data in free text', () => {
  it.each([
    ['hubungi +62 812 3456 7890 ya', 'hubungi […] ya'],
    ['wa saya 0812-3456-7890', 'wa saya […]'],
    ['nomor 0812.3456.7890 aktif', 'nomor […] aktif'],
    ['62 812 3456 7890', '[…]'],
    ['kantor 021-555-1234 jam kerja', 'kantor […] jam kerja'],
    ['telepon (061) 456 7890', 'telepon […]'],
  ])('blanks the phone number in "%s"', (text, expected) => {
    expect(blankPersonalData(text)).toEqual({ text: expected, blanked: true })
    expect(findPersonalData(text)).toEqual(['phone'])
  })

  it('blanks e-mail addresses and @handles, and only them', () => {
    expect(blank('email saya ibu.rina@gmail.com ya')).toBe('email saya […] ya')
    expect(blank('follow @rina_kece di ig')).toBe('follow […] di ig')
    expect(findPersonalData('dm @budi.medan')).toEqual(['handle'])
    expect(findPersonalData('a@b.co')).toEqual(['email'])
  })

  it.each([
    ['anak saya di SD Negeri 060843 kelas 5B', 'anak saya di […] […]'],
    ['SMPN 12 Medan kelas 8', '[…] […]'],
    ['kelas 7A di SMP Swasta Budi Murni', '[…] di […]'],
    ['dia sekolah di smpn 3', 'dia sekolah di […]'],
  ])('blanks the school and class in "%s"', (text, expected) => {
    expect(blank(text)).toBe(expected)
  })

  it.each([
    ['rumah kami di Jl. Garu II no 12', 'rumah kami di […]'],
    ['Jalan Sisingamangaraja gg. Mawar no. 5', '[…]'],
    ['tinggal di Gang Mawar dekat masjid', 'tinggal di […] dekat masjid'],
    ['jalan garu 2 no 12', '[…]'],
    ['rumahnya no 5 yang cat hijau', '[…] yang cat hijau'],
  ])('blanks the street address in "%s"', (text, expected) => {
    expect(blank(text)).toBe(expected)
    expect(findPersonalData(text)).toEqual(['address'])
  })

  it.each([
    'kelas orang tua sangat bagus',
    'nomor 1 paling sulit',
    'pukul 10 terlalu pagi',
    'acara berjalan lancar, jalan keluarnya jelas',
    'anak saya kelas 5 dan sudah main tiktok',
    'materi perlu untuk anak smp',
    'tanggal 01-12-2026 10.30 terlalu pagi',
    'skor saya 100 dari 100',
    'hotline SAPA 129 perlu dibagikan',
    'the speaker was great, 10/10',
  ])('leaves the ordinary sentence "%s" as it is', (text) => {
    expect(blankPersonalData(text)).toEqual({ text, blanked: false })
    expect(findPersonalData(text)).toEqual([])
  })
})
