import { describe, expect, it } from 'vitest'
import { consoleLocale, rootRefusal } from './operations-messages.ts'

describe('the server run as root', () => {
  it('is refused with one line that says why and how to allow it', () => {
    const line = rootRefusal(0, { LANG: 'C' })
    expect(line).toContain('will not run as root')
    expect(line).toContain('JAGA_ALLOW_ROOT=1')
    expect(line).not.toContain('\n')
  })

  it('is refused in Indonesian when the console speaks it', () => {
    expect(rootRefusal(0, { LANG: 'id_ID.UTF-8' })).toContain('tidak mau berjalan sebagai root')
    expect(rootRefusal(0, { JAGA_LANG: 'id', LANG: 'en_GB.UTF-8' })).toContain('JAGA_ALLOW_ROOT=1')
  })

  it('starts when JAGA_ALLOW_ROOT=1 says so, and any other user starts as before', () => {
    expect(rootRefusal(0, { JAGA_ALLOW_ROOT: '1' })).toBeUndefined()
    expect(rootRefusal(0, { JAGA_ALLOW_ROOT: 'yes' })).toBeDefined()
    expect(rootRefusal(1000, {})).toBeUndefined()
    expect(rootRefusal(undefined, {})).toBeUndefined()
  })

  it('speaks the language JAGA_LANG names before the one LANG names', () => {
    expect(consoleLocale({ JAGA_LANG: 'en', LANG: 'id_ID.UTF-8' })).toBe('en')
    expect(consoleLocale({ LANG: 'id_ID.UTF-8' })).toBe('id')
    expect(consoleLocale({})).toBe('en')
  })
})
