import { describe, expect, it } from 'vitest'
import { createTranslator, defineMessages, formatDateTime, formatNumber, formatPercent, formatWallTime, keptDateFormat, keptNumberFormat } from './i18n.ts'

const messages = defineMessages({
  sessions: { id: '{count} kegiatan', en: '{count, plural, one {# session} other {# sessions}} held' },
  period: { id: 'Dari {start} sampai {end}', en: 'From {start} to {end}' },
  note: { id: 'Catatan: {text}', en: 'Note: {text}' },
})

describe('filling in messages', () => {
  it('says "1 session" and "2 sessions" in English and one form in Bahasa Indonesia', () => {
    const en = createTranslator(messages, 'en')
    const id = createTranslator(messages, 'id')
    expect(en('sessions', { count: 1 })).toBe('1 session held')
    expect(en('sessions', { count: 2 })).toBe('2 sessions held')
    expect(en('sessions', { count: 1200 })).toBe('1,200 sessions held')
    expect(id('sessions', { count: 1 })).toBe('1 kegiatan')
  })

  it('uses the plural form with a hidden count given as text', () => {
    expect(createTranslator(messages, 'en')('sessions', { count: '<5' })).toBe('<5 sessions held')
  })

  it('shows a date parameter in the one date format of every page', () => {
    expect(createTranslator(messages, 'en')('period', { start: '2026-12-01', end: '2027-01-31' })).toBe('From 1 Dec 2026 to 31 Jan 2027')
    expect(createTranslator(messages, 'id')('period', { start: '2026-12-01', end: '2027-01-31' })).toBe('Dari 1 Des 2026 sampai 31 Jan 2027')
  })

  it('leaves text that only looks like a date as it was written', () => {
    expect(createTranslator(messages, 'en')('note', { text: '2026-02-31' })).toBe('Note: 2026-02-31')
    expect(createTranslator(messages, 'en')('note', { text: 'on 2026-12-01 at noon' })).toBe('Note: on 2026-12-01 at noon')
  })
})

describe('formatters', () => {
  it('makes each formatter once and reuses it for the same locale and style', () => {
    expect(keptDateFormat('id-ID', { dateStyle: 'medium', timeZone: 'UTC' })).toBe(keptDateFormat('id-ID', { dateStyle: 'medium', timeZone: 'UTC' }))
    expect(keptDateFormat('id-ID', { dateStyle: 'medium', timeZone: 'UTC' })).not.toBe(keptDateFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }))
    expect(keptNumberFormat('en', { minimumFractionDigits: 2 })).not.toBe(keptNumberFormat('en', { minimumFractionDigits: 3 }))
  })

  it('writes dates, times and numbers exactly as a new formatter would', () => {
    expect(formatWallTime('id', '2026-11-27T09:00')).toBe(new Intl.DateTimeFormat('id-ID', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date('2026-11-27T09:00:00Z')))
    expect(formatWallTime('en', '2026-11-27T21:05', 'time')).toBe('21:05')
    expect(formatDateTime('en', '2026-11-27T02:00:00Z')).toBe('27 Nov 2026, 09:00')
    expect(formatNumber('id', 1234.5)).toBe('1.234,5')
    expect(formatPercent('en', 0.456)).toBe('46%')
  })
})
