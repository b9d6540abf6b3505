import { describe, expect, it } from 'vitest'
import { matches, roots } from './stemming.ts'

describe('search roots', () => {
  it('joins Indonesian words made from one root by prefixes, suffixes and particles', () => {
    const pairs: [string, string][] = [
      ['pemerasan', 'memeras'],
      ['diperas', 'pemerasan'],
      ['penyebaran', 'menyebarkan'],
      ['pengiriman', 'kirim'],
      ['laporan', 'melaporkan'],
      ['pelapor', 'lapor'],
      ['mengancam', 'ancaman'],
      ['terancam', 'diancam'],
      ['membujuk', 'bujukan'],
      ['memperkenalkan', 'kenalan'],
      ['keberhasilan', 'berhasil'],
      ['berbahayalah', 'bahaya'],
      ['melindungi', 'perlindungan'],
      ['menulis', 'tulisan'],
      ['belajar', 'pelajaran'],
      ['kepercayaannya', 'dipercaya'],
    ]
    for (const [word, term] of pairs) expect({ word, term, found: matches(word, term, 'id') }).toEqual({ word, term, found: true })
  })

  it('keeps apart Indonesian words that only look alike', () => {
    const apart: [string, string][] = [
      ['perasaan', 'memeras'],
      ['pemerasan', 'perasaan'],
      ['keras', 'memeras'],
      ['pelajar', 'pelapor'],
      ['makan', 'mengancam'],
    ]
    for (const [word, term] of apart) expect({ word, term, found: matches(word, term, 'id') }).toEqual({ word, term, found: false })
  })

  it('still finds a word from its first letters, as someone types', () => {
    expect(matches('pemerasan', 'pemer', 'id')).toBe(true)
    expect(matches('grooming', 'groo', 'en')).toBe(true)
  })

  it('joins English word forms', () => {
    for (const [word, term] of [
      ['threatened', 'threats'],
      ['reporting', 'reported'],
      ['shared', 'sharing'],
      ['stories', 'story'],
      ['chatting', 'chat'],
    ] as const)
      expect({ word, term, found: matches(word, term, 'en') }).toEqual({ word, term, found: true })
    expect(matches('reporter', 'repeat', 'en')).toBe(false)
  })

  it('leaves out roots shorter than four letters, which would join unrelated words', () => {
    expect(roots('keras', 'id')).toEqual(['keras'])
    expect(roots('gimnya', 'id')).toEqual(['gimnya'])
  })
})
