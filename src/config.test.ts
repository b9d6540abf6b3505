import { describe, expect, it } from 'vitest'
import { loadConfig } from './config.ts'

describe('configuration', () => {
  it('reads the programme time zone, Asia/Jakarta unless told otherwise', () => {
    expect(loadConfig({}).timeZone).toBe('Asia/Jakarta')
    expect(loadConfig({ JAGA_TIMEZONE: 'Asia/Makassar' }).timeZone).toBe('Asia/Makassar')
  })

  it('refuses a time zone that does not exist, a bad port and an unknown log level, saying what is expected', () => {
    expect(() => loadConfig({ JAGA_TIMEZONE: 'Medan' })).toThrow('JAGA_TIMEZONE must be an IANA time zone such as Asia/Jakarta, got "Medan"')
    expect(() => loadConfig({ PORT: '99999' })).toThrow('PORT must be a whole number from 0 to 65535')
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow('LOG_LEVEL must be debug, info, warn, error or silent')
  })

  it('reads how many reverse proxies stand in front, and refuses anything else', () => {
    expect(loadConfig({}).trustedProxies).toBe(0)
    expect(loadConfig({ JAGA_TRUST_PROXY: '1' })).toMatchObject({ trustProxy: true, trustedProxies: 1 })
    expect(loadConfig({ JAGA_TRUST_PROXY: 'true' }).trustedProxies).toBe(1)
    expect(loadConfig({ JAGA_TRUST_PROXY: '2' }).trustedProxies).toBe(2)
    expect(() => loadConfig({ JAGA_TRUST_PROXY: 'yes' })).toThrow('JAGA_TRUST_PROXY must be the number of reverse proxies in front of Jaga (0–9) or true, got "yes"')
  })

  it('looks for library edits from other servers every 5 seconds unless JAGA_LIBRARY_POLL_SECONDS says otherwise', () => {
    expect(loadConfig({}).libraryPollSeconds).toBe(5)
    expect(loadConfig({ JAGA_LIBRARY_POLL_SECONDS: '1' }).libraryPollSeconds).toBe(1)
    expect(() => loadConfig({ JAGA_LIBRARY_POLL_SECONDS: '0' })).toThrow('JAGA_LIBRARY_POLL_SECONDS must be a whole number of at least 1, got "0"')
  })

  it('keeps raw answers unless JAGA_RETAIN_ANSWERS_MONTHS gives 1 to 240 months, and refuses anything else saying why', () => {
    expect(loadConfig({}).retainAnswersMonths).toBe(undefined)
    expect(loadConfig({ JAGA_RETAIN_ANSWERS_MONTHS: ' ' }).retainAnswersMonths).toBe(undefined)
    expect(loadConfig({ JAGA_RETAIN_ANSWERS_MONTHS: '24' }).retainAnswersMonths).toBe(24)
    for (const bad of ['0', '-3', '1.5', '241', 'two years', '012']) {
      expect(() => loadConfig({ JAGA_RETAIN_ANSWERS_MONTHS: bad })).toThrow(`JAGA_RETAIN_ANSWERS_MONTHS must be a whole number of months from 1 to 240 (or unset to keep raw answers), got "${bad}"`)
    }
  })
})
