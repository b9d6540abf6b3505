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
    ['wa 0812_3456_7890', 'wa […]'],
    ['wa 0812/3456/7890', 'wa […]'],
    ['wa 0812–3456–7890 atau 0812—3456—7891', 'wa […] atau […]'],
    ['nomorku ０８１２３４５６７８９０ ya', 'nomorku […] ya'],
    ['wa 8123456789', 'wa […]'],
    ['wa 6281234567890', 'wa […]'],
    ['chat wa.me/6281234567890', 'chat […]'],
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
    ['email dinda＠gmail.com', 'email […]'],
    ['dinda (at) gmail (dot) com', '[…]'],
    ['dinda [at] gmail.com ya', '[…] ya'],
    ['dinda at gmail dot com', '[…]'],
  ])('blanks the e-mail written to slip past in "%s"', (text, expected) => {
    expect(blank(text)).toBe(expected)
    expect(findPersonalData(text)).toEqual(['email'])
  })

  it.each([
    ['ig: dinda.cute', 'ig: […]'],
    ['ig aku dinda_cute22', 'ig aku […]'],
    ['tiktok dinda_cute22', 'tiktok […]'],
    ['line: dinda22', 'line: […]'],
    ['fb Dinda Putri', 'fb […]'],
    ['t.me/dinda_22', '[…]'],
  ])('blanks the handle written after its platform in "%s"', (text, expected) => {
    expect(blank(text)).toBe(expected)
    expect(findPersonalData(text)).toEqual(['handle'])
  })

  it.each([
    ['anak saya di SD Negeri 060843 kelas 5B', 'anak saya di […] […]'],
    ['SMPN 12 Medan kelas 8', '[…] […]'],
    ['kelas 7A di SMP Swasta Budi Murni', '[…] di […]'],
    ['dia sekolah di smpn 3', 'dia sekolah di […]'],
    ['kelas 5 di SDN 3', '[…] di […]'],
    ['sekolah Budi Murni kelas 6', '[…] […]'],
    ['SMA Negeri 1 Medan kelas XII IPA 2', '[…] […]'],
  ])('blanks the school and class in "%s"', (text, expected) => {
    expect(blank(text)).toBe(expected)
  })

  it.each([
    ['rumah kami di Jl. Garu II no 12', 'rumah kami di […]'],
    ['Jalan Sisingamangaraja gg. Mawar no. 5', '[…]'],
    ['tinggal di Gang Mawar dekat masjid', 'tinggal di […] dekat masjid'],
    ['jalan garu 2 no 12', '[…]'],
    ['rumahnya no 5 yang cat hijau', '[…] yang cat hijau'],
    ['rumah saya dekat masjid jalan melati 5', 'rumah saya dekat masjid […]'],
    ['tinggal di gang mawar', 'tinggal di […]'],
    ['alamat: Jln. Sei Batang Hari No. 45', 'alamat: […]'],
    ['Jl Garu 2 no 12', '[…]'],
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
    'jalan-jalan ke mall',
    'gang kami bersih',
    'sekolah minggu',
    'Sekolah Minggu kelas 3 seru',
    'jalan kaki 5 menit ke sekolah',
    'jalan menuju 5 desa rusak',
    'tinggal di jalan raya ramai',
    'main tiktok setiap hari',
    'anak saya main ig 2 jam sehari',
    'punya tiktok: tidak',
    'acara tahun 2020–2025, tanggal 01/12/2026, pukul 08.00–10.00',
  ])('leaves the ordinary sentence "%s" as it is', (text) => {
    expect(blankPersonalData(text)).toEqual({ text, blanked: false })
    expect(findPersonalData(text)).toEqual([])
  })
})
