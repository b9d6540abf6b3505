// Words as people type them on a phone, brought to one spelling and to their roots, so that
// "sy di ancam", "diancem", "ngancam" and "threatening" are all seen as the same few words.
// Shared by the server and the phone's bundle: pure, no Node.js or DOM APIs, no lookbehind.
import { roots } from '../../library/shared/stemming.ts'

export interface Token {
  /** The word in its usual spelling (sy → saya, gk → tidak). */
  word: string
  /** The word and every root it may come from, Indonesian and English (diancam → ancam, touches → touch). */
  forms: Set<string>
  /** Sentences split at . ! ? and line ends: a topic word only colours its own sentence. */
  sentence: number
}

// Chat spellings in Medan and elsewhere, and English shorthand. A value with a space becomes two words.
const SPELLING: Record<string, string> = {
  sy: 'saya', sya: 'saya', aq: 'aku', ak: 'aku', gw: 'aku', gue: 'aku', gua: 'aku', ane: 'aku',
  gk: 'tidak', ga: 'tidak', gak: 'tidak', nggak: 'tidak', ngga: 'tidak', enggak: 'tidak', engga: 'tidak', g: 'tidak', tdk: 'tidak', tak: 'tidak',
  gatau: 'tidak tahu', gtau: 'tidak tahu', gatahu: 'tidak tahu', tau: 'tahu',
  dgn: 'dengan', yg: 'yang', org: 'orang', sm: 'sama', udh: 'sudah', udah: 'sudah', sdh: 'sudah', dah: 'sudah',
  tolongin: 'tolong', tlg: 'tolong', tulung: 'tolong', tolonglah: 'tolong', tolongg: 'tolong',
  pls: 'please', plz: 'please', plis: 'please', pliss: 'please', pleasee: 'please',
  bgt: 'banget', krn: 'karena', karna: 'karena', trus: 'terus', trs: 'terus', tp: 'tapi', skrg: 'sekarang',
  gmn: 'gimana', gmna: 'gimana', tlanjur: 'terlanjur', trlanjur: 'terlanjur', telanjur: 'terlanjur',
  kalo: 'kalau', klo: 'kalau', jd: 'jadi', dr: 'dari', utk: 'untuk', lg: 'lagi', dy: 'dia', km: 'kamu',
  temen: 'teman', cowo: 'cowok', ortu: 'orang tua', ancem: 'ancam', ngancem: 'ngancam', diancem: 'diancam',
  idk: 'i dont know', im: 'i am', ive: 'i have', u: 'you', ur: 'your', pic: 'picture', pics: 'pictures', nudes: 'nude',
}

// Roots that a separate "di" belongs to, as in "di ancam", "di paksa", "di sentuh2".
const PASSIVE_ROOTS = new Set(['ancam', 'sebar', 'paksa', 'peras', 'pegang', 'raba', 'sentuh', 'colek', 'rayu', 'bujuk', 'suruh', 'rekam', 'foto', 'minta', 'mintai', 'kirim', 'kirimi', 'culik', 'jual', 'leceh', 'cabul', 'perkosa', 'pukul', 'ajak', 'vcs', 'bully', 'hack', 'viral', 'edit'])

/** Lower case, accents and punctuation gone, single spaces: how both text and phrases are compared. */
export function normaliseText(text: string): string {
  return ` ${text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `
}

const cache = new Map<string, Set<string>>()

/** The word, its colloquial forms (nyebarin → sebar, maksa → paksa) and their roots in both languages. */
export function formsOf(word: string): Set<string> {
  let found = cache.get(word)
  if (found) return found
  const variants = [word]
  // Jakarta and Medan chat: -in for -kan/-i (disebarin, dilecehin, kirimin).
  if (/^.{4,}in$/.test(word)) variants.push(word.slice(0, -2))
  for (const v of [...variants]) {
    const ny = /^ny([aiueo].{2,})$/.exec(v)?.[1]
    if (ny) variants.push(`s${ny}`)
    const ng = /^nge?([a-z]{3,})$/.exec(v)?.[1]
    if (ng) variants.push(ng, `k${ng}`)
    const m = /^m([aiueo][a-z]{3,})$/.exec(v)?.[1]
    if (m) variants.push(`p${m}`)
  }
  found = new Set<string>()
  for (const v of variants) for (const r of [...roots(v, 'id'), ...roots(v, 'en')]) found.add(r)
  // The stemmer keeps no root under four letters (too many false friends in search); here ask, hit and dm are needed.
  const short = /^([a-z]{2,3}?)(s|es|ed|ing)$/.exec(word)?.[1]
  if (short) found.add(short)
  if (cache.size > 5000) cache.clear()
  cache.set(word, found)
  return found
}

/** The words of a text, respelled, with reduplication written out (pegang2 → pegang pegang) and "di" joined to a verb. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  const sentences = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[.!?\n]+/)
  sentences.forEach((sentence, index) => {
    const raw = sentence
      .replace(/([a-z]{2,})2(?![0-9])/g, '$1 $1')
      .replace(/[’']/g, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .replace(/([a-z])\1{2,}/g, '$1')
      .trim()
    if (!raw) return
    const words = raw.split(' ').flatMap((w) => (SPELLING[w] ?? w).split(' '))
    for (let i = 0; i < words.length; i++) {
      let word = words[i]!
      const next = words[i + 1]
      if (word === 'di' && next && [...formsOf(next)].some((f) => PASSIVE_ROOTS.has(f))) {
        word = `di${next}`
        i++
      }
      tokens.push({ word, forms: formsOf(word), sentence: index })
    }
  })
  return tokens
}
