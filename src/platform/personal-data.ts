// Personal data typed into free text: phone numbers, e-mail addresses, social media handles, a school
// with a class, a street address. Participants' answers are anonymous whatever is written, so these
// are blanked before anything is stored (evaluation), and referral notes refuse them (outreach): here
// in platform because both slices use it. Pure: no Node.js or DOM APIs.

export type PersonalDataKind = 'phone' | 'email' | 'handle' | 'school' | 'address'

export const BLANK = '[…]'

// A run of digits with spaces, dots, dashes or brackets; counted as a phone number below.
const DIGITS = /(?:\+\s?)?\(?\d[\d\s.()-]{7,22}\d/g
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu
const HANDLE = /(^|[^\p{L}\p{N}_@])@[A-Za-z0-9_.]{2,30}/gu
// SD Negeri 060843, SMPN 12 Medan, SMP Swasta Budi Murni, MTsN 2. Built without the i flag so that a
// school's name is told by its capitals; no lookbehind (older Safari cannot parse it).
const anyCase = (words: string) => words.split(' ').flatMap((w) => [w, w.toUpperCase(), w[0]!.toUpperCase() + w.slice(1)]).join('|')
const SCHOOL_WORD = `${anyCase('sd smp sma smk mi mts ma man slb sdn smpn sman smkn min mtsn')}|MTs|MTsN`
const SCHOOL_TYPE = anyCase('negeri swasta it islam kristen katolik terpadu plus')
const SCHOOL = new RegExp(`\\b(?:${SCHOOL_WORD})\\b(?:(?:\\s+(?:${SCHOOL_TYPE})\\b)?\\s*\\d{1,6}\\b(?:\\s+[A-Z][a-z]+)?|\\s+(?:${SCHOOL_TYPE})\\b(?:\\s+[A-Z][\\w'-]*){1,3})`, 'gu')
const CLASS = /\bkelas\s+\d{1,2}(?:\s?[a-z]\b)?/giu
// Jl. Garu II no 12, Jalan Sisingamangaraja gg. Mawar no. 5, Gang Mawar, Perumahan X blok B no 3.
const STREET = /\b(jl|jln|jalan|gg|gang|lorong|lr|komplek|kompleks|perumahan|perum)\b\.?((?:\s+(?!(?:no|nomor|dekat|di|dan|yang|untuk|sama|kelas|ke|dari|itu|ini|raya)\b)[\p{L}\p{N}]+\.?){1,3})((?:\s+(?:gg|gang)\.?(?:\s+[\p{L}\p{N}]+){1,2})?(?:\s+(?:blok\s+\w+\s*)?(?:no|nomor)\.?\s*\d+[a-z]?\b)?)/giu
const HOUSE = /\b(?:rumah(?:nya)?|blok\s+\w+)\s+(?:no|nomor)\.?\s*\d+[a-z]?\b/giu

function isPhone(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '')
  const trimmed = candidate.trim()
  // A date, perhaps with a time: 01-12-2026 10.30.
  if (/^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b/.test(trimmed)) return false
  return digits.length >= 9 && digits.length <= 15 && (trimmed.startsWith('+') || trimmed.startsWith('(0') || digits.startsWith('62') || digits.startsWith('0'))
}

/** A street only when it looks like one: an abbreviation (Jl., Gg.), a capitalised name, or a house number. */
function isStreet(match: string, keyword: string, name: string, rest: string): boolean {
  if (/^(jl|jln|gg|lr|perum)$/i.test(keyword) && /\./.test(match.slice(keyword.length, keyword.length + 1))) return true
  if (/(no|nomor)\.?\s*\d/i.test(rest)) return true
  return /^[A-Z]/.test(name.trim()) && /^[A-Z]/.test(keyword)
}

interface Found {
  kind: PersonalDataKind
  start: number
  end: number
}

function find(text: string): Found[] {
  const found: Found[] = []
  const add = (kind: PersonalDataKind, start: number, end: number) => found.push({ kind, start, end })
  for (const m of text.matchAll(EMAIL)) add('email', m.index, m.index + m[0].length)
  for (const m of text.matchAll(HANDLE)) add('handle', m.index + m[1]!.length, m.index + m[0].length)
  for (const m of text.matchAll(DIGITS)) if (isPhone(m[0])) add('phone', m.index, m.index + m[0].trimEnd().length)
  const schools = [...text.matchAll(SCHOOL)]
  for (const m of schools) add('school', m.index, m.index + m[0].trimEnd().length)
  // A class alone ("kelas 5") says little; with the school it points at a few children.
  if (schools.length) for (const m of text.matchAll(CLASS)) add('school', m.index, m.index + m[0].length)
  for (const m of text.matchAll(STREET)) if (isStreet(m[0], m[1]!, m[2]!, m[3]!)) add('address', m.index, m.index + m[0].length)
  for (const m of text.matchAll(HOUSE)) add('address', m.index, m.index + m[0].length)
  // An e-mail's domain is not a handle, nor its digits a phone: the earliest, longest match wins.
  found.sort((a, b) => a.start - b.start || b.end - a.end)
  const kept: Found[] = []
  for (const f of found) {
    const last = kept[kept.length - 1]
    if (last && f.start < last.end) last.end = Math.max(last.end, f.end)
    else kept.push(f)
  }
  return kept
}

/** The kinds of personal data in a text, each once. */
export function findPersonalData(text: string): PersonalDataKind[] {
  return [...new Set(find(text).map((f) => f.kind))]
}

/** The text with each piece of personal data replaced by […], and whether anything was. */
export function blankPersonalData(text: string): { text: string; blanked: boolean } {
  const found = find(text)
  let out = text
  for (const f of [...found].reverse()) out = out.slice(0, f.start) + BLANK + out.slice(f.end)
  return { text: out, blanked: found.length > 0 }
}
