// Personal data typed into free text: phone numbers, e-mail addresses, social media handles, a school
// with a class, a street address. Participants' answers are anonymous whatever is written, so these
// are blanked before anything is stored (evaluation), and referral notes refuse them (outreach): here
// in platform because both slices use it. Pure: no Node.js or DOM APIs. Written the way people dodge a
// filter too: full-width digits, 0812_3456_7890, "ig: nama", "dinda (at) gmail (dot) com", "jalan melati 5".

export type PersonalDataKind = 'phone' | 'email' | 'handle' | 'school' | 'address'

export const BLANK = '[…]'

// A run of digits with spaces, dots, dashes (also – and —), slashes, underscores or brackets; counted as a phone number below.
const DIGITS = /(?:\+\s?)?\(?\d[\d\s.()_/\u2013\u2014-]{7,22}\d/g
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu
// "dinda (at) gmail (dot) com", "dinda [at] gmail.com", "dinda at gmail dot com".
const AT = '(?:\\s*[([{]\\s*at\\s*[)\\]}]\\s*|\\s+at\\s+(?=(?:gmail|yahoo|ymail|hotmail|outlook|icloud)\\b))'
const DOT = '(?:\\s*[([{]\\s*(?:dot|titik)\\s*[)\\]}]\\s*|\\s+(?:dot|titik)\\s+|\\.)'
const HIDDEN_EMAIL = new RegExp(`[\\p{L}\\p{N}._%+-]+${AT}[\\p{L}\\p{N}-]+(?:${DOT}[\\p{L}\\p{N}-]+)+`, 'giu')
const HANDLE = /(^|[^\p{L}\p{N}_@])@[A-Za-z0-9_.]{2,30}/gu
// A handle after the platform's name: "ig: dinda.cute", "tiktok dinda_cute22", "fb Dinda Putri". Without a
// colon the name must look like an account (a digit, _ or an inner dot), so "main tiktok setiap hari" stays.
const PLATFORM = /(\b(?:ig|insta|instagram|tiktok|line|fb|facebook|twitter|snapchat|telegram|discord)(?:\s+(?:aku|saya|ku|nya|kami))?(\s*:\s*|\s+))([A-Za-z0-9_.]*[A-Za-z0-9_])/giu
const FB_NAME = /(\b(?:fb|facebook)(?:\s+(?:aku|saya|ku|nya))?\s*:?\s*)([A-Z][\p{L}'-]+(?:\s+[A-Z][\p{L}'-]+){0,2})/gu
const NOT_AN_ACCOUNT = /^(tidak|ada|belum|sudah|punya|ya|yes|no|none|gak|nggak|dikunci|private)$/i
const looksLikeAccount = (name: string) => /[a-z].*[a-z]/i.test(name) && (/[\d_]/.test(name) || /\w\.\w/.test(name))
const LINK = /\b(?:t\.me|wa\.me|line\.me|(?:www\.)?(?:instagram|facebook|fb|tiktok|twitter|x)\.com)\/[@~]?[\w.+-]{2,40}/giu
// SD Negeri 060843, SMPN 12 Medan, SMP Swasta Budi Murni, MTsN 2. Built without the i flag so that a
// school's name is told by its capitals; no lookbehind (older Safari cannot parse it).
const anyCase = (words: string) => words.split(' ').flatMap((w) => [w, w.toUpperCase(), w[0]!.toUpperCase() + w.slice(1)]).join('|')
const SCHOOL_WORD = `${anyCase('sd smp sma smk mi mts ma man slb sdn smpn sman smkn min mtsn')}|MTs|MTsN`
const SCHOOL_TYPE = anyCase('negeri swasta it islam kristen katolik terpadu plus')
const SCHOOL = new RegExp(`\\b(?:${SCHOOL_WORD})\\b(?:(?:\\s+(?:${SCHOOL_TYPE})\\b)?\\s*\\d{1,6}\\b(?:\\s+[A-Z][a-z]+)?|\\s+(?:${SCHOOL_TYPE})\\b(?:\\s+[A-Z][\\w'-]*){1,3})`, 'gu')
const CLASS = /\bkelas\s+(?:\d{1,2}|[IVX]{1,4}\b)(?:\s?[a-z]\b)?(?:\s+(?:IPA|IPS|MIPA|Bahasa|TKJ|AKL|OTKP)(?:\s*\d)?)?/giu
// "sekolah Budi Murni kelas 6": a school named without SD/SMP, told by its capitals and a class right after.
const NAMED_SCHOOL = /\bsekolah(?:ku|nya)?(?:\s+(?:di|saya|aku|kami))?\s+((?!Minggu\b)[A-Z][\p{L}'-]+(?:\s+[A-Z][\p{L}'-]+){0,2})\s+(?=kelas\s+(?:\d|[IVX]{1,4}\b))/gu
// Jl. Garu II no 12, Jalan Sisingamangaraja gg. Mawar no. 5, Gang Mawar, Perumahan X blok B no 3.
const STREET = /\b(jl|jln|jalan|gg|gang|lorong|lr|komplek|kompleks|perumahan|perum)\b\.?((?:\s+(?!(?:no|nomor|dekat|di|dan|yang|untuk|sama|kelas|ke|dari|itu|ini|raya)\b)[\p{L}\p{N}]+\.?){1,3})((?:\s+(?:gg|gang)\.?(?:\s+[\p{L}\p{N}]+){1,2})?(?:\s+(?:blok\s+\w+\s*)?(?:no|nomor)\.?\s*\d+[a-z]?\b)?)/giu
// Street names in lower case are told by their context: a house number ("jalan melati 5"), or where someone lives ("tinggal di gang mawar").
const NOT_A_NAME = 'no|nomor|dekat|di|dan|yang|yg|untuk|sama|bersama|dengan|kelas|ke|dari|itu|ini|raya|kaki|santai|sehat|pagi|sore|malam|bareng|terus|lagi|keluar|masuk|kami|kita|tahun|pukul|jam|juga|tapi|sudah|udah|menuju|lewat|ada|rusak|macet|banyak|baru|utama'
const STREET_WORD = '(?:jalan|jln?|gang|gg|lorong|lr|komplek|kompleks|perumahan|perum)\\b\\.?'
const NAME_WORD = `\\s+(?!(?:${NOT_A_NAME})\\b)\\p{L}+`
const NUMBERED = new RegExp(`\\b${STREET_WORD}(?:${NAME_WORD}){1,2}\\s+\\d{1,4}[a-z]?\\b(?!\\s*(?:menit|jam|km|kilo|meter|m|kali|hari|langkah|orang|x|ribu|rb|desa|kelurahan|lingkungan|rumah|titik|tempat|lokasi|sekolah|anak)\\b)`, 'giu')
const LIVES_AT = new RegExp(`(\\b(?:tinggal|rumah(?:ku|nya)?|alamat(?:ku|nya)?|kos(?:t|an)?|kontrakan)(?:\\s+(?:saya|aku|kami|dia|mereka))?\\s*(?:di|:)?\\s*)(${STREET_WORD}(?:${NAME_WORD}){1,3})`, 'giu')
const HOUSE = /\b(?:rumah(?:nya)?|blok\s+\w+)\s+(?:no|nomor)\.?\s*\d+[a-z]?\b/giu

function isPhone(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '')
  const trimmed = candidate.trim()
  // A date, perhaps with a time: 01-12-2026 10.30.
  if (/^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b/.test(trimmed)) return false
  // A mobile number written without its 0: 812 3456 7890.
  if (/^8[1-9]/.test(digits) && digits.length >= 10 && digits.length <= 13) return true
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

/**
 * The text in NFKC, character by character (full-width ０８１２ and ＠ become 0812 and @), with where each of
 * its units starts and ends in the original, so that blanking leaves the rest of what was written alone.
 */
function normalise(text: string): { text: string; from: number[]; to: number[] } {
  const from: number[] = []
  const to: number[] = []
  // Plain ASCII is already in NFKC.
  if (!/[^\x00-\x7f]/.test(text)) {
    for (let i = 0; i < text.length; i++) from.push(i), to.push(i + 1)
    return { text, from, to }
  }
  let out = ''
  for (let i = 0; i < text.length; ) {
    const ch = String.fromCodePoint(text.codePointAt(i)!)
    const n = ch.normalize('NFKC')
    for (let k = 0; k < n.length; k++) from.push(i), to.push(i + ch.length)
    out += n
    i += ch.length
  }
  return { text: out, from, to }
}

function find(original: string): Found[] {
  const { text, from, to } = normalise(original)
  const found: Found[] = []
  const add = (kind: PersonalDataKind, start: number, end: number) => end > start && found.push({ kind, start: from[start]!, end: to[end - 1]! })
  for (const m of text.matchAll(EMAIL)) add('email', m.index, m.index + m[0].length)
  for (const m of text.matchAll(HIDDEN_EMAIL)) add('email', m.index, m.index + m[0].length)
  for (const m of text.matchAll(HANDLE)) add('handle', m.index + m[1]!.length, m.index + m[0].length)
  for (const m of text.matchAll(PLATFORM)) if ((m[2]!.includes(':') && m[3]!.length > 2 && !NOT_AN_ACCOUNT.test(m[3]!)) || looksLikeAccount(m[3]!)) add('handle', m.index + m[1]!.length, m.index + m[0].length)
  for (const m of text.matchAll(FB_NAME)) add('handle', m.index + m[1]!.length, m.index + m[0].length)
  for (const m of text.matchAll(LINK)) add(/^wa\./i.test(m[0]) ? 'phone' : 'handle', m.index, m.index + m[0].length)
  for (const m of text.matchAll(DIGITS)) if (isPhone(m[0])) add('phone', m.index, m.index + m[0].trimEnd().length)
  const schools = [...text.matchAll(SCHOOL), ...text.matchAll(NAMED_SCHOOL)]
  for (const m of schools) add('school', m.index, m.index + m[0].trimEnd().length)
  // A class alone ("kelas 5") says little; with the school it points at a few children.
  if (schools.length) for (const m of text.matchAll(CLASS)) add('school', m.index, m.index + m[0].length)
  for (const m of text.matchAll(STREET)) if (isStreet(m[0], m[1]!, m[2]!, m[3]!)) add('address', m.index, m.index + m[0].length)
  for (const m of text.matchAll(NUMBERED)) add('address', m.index, m.index + m[0].length)
  for (const m of text.matchAll(LIVES_AT)) add('address', m.index + m[1]!.length, m.index + m[0].length)
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
