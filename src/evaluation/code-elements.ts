// Self-generated identification codes: a participant answers the same few questions before and
// after a session, questions only they can answer and that identify no one (no names, no birth
// dates: a day of the month alone is not a birth date). The answers, joined, are the code.
import type { Bilingual } from './questionnaire-schema.ts'

import type { Register } from './participant-register.ts'

export interface CodeElement {
  key: string
  /** The question as an adult reads it ("Anda"); staff pages show this one too. */
  label: Bilingual
  /** The question as a child reads it ("kamu", "-mu"). */
  childLabel: Bilingual
  /** Letters or a number, and how long. */
  kind: 'letters' | 'number'
  length: number
  min?: number
  max?: number
}

export const CODE_ELEMENTS: readonly CodeElement[] = [
  {
    key: 'mother',
    kind: 'letters',
    length: 2,
    label: { id: 'Dua huruf pertama nama depan ibu Anda', en: "The first two letters of your mother's first name" },
    childLabel: { id: 'Dua huruf pertama nama depan ibumu', en: "The first two letters of your mother's first name" },
  },
  {
    key: 'day',
    kind: 'number',
    length: 2,
    min: 1,
    max: 31,
    label: { id: 'Tanggal lahir Anda, hanya angka tanggalnya (1–31)', en: 'The day of the month you were born, the day only (1–31)' },
    childLabel: { id: 'Tanggal lahirmu, hanya angka tanggalnya (1–31)', en: 'The day of the month you were born, the day only (1–31)' },
  },
  { key: 'own', kind: 'letters', length: 1, label: { id: 'Huruf terakhir nama depan Anda', en: 'The last letter of your first name' }, childLabel: { id: 'Huruf terakhir nama depanmu', en: 'The last letter of your first name' } },
  {
    key: 'siblings',
    kind: 'number',
    length: 1,
    min: 0,
    max: 9,
    label: { id: 'Jumlah kakak Anda (0–9)', en: 'How many older brothers and sisters you have (0–9)' },
    childLabel: { id: 'Jumlah kakakmu (0–9)', en: 'How many older brothers and sisters you have (0–9)' },
  },
  { key: 'father', kind: 'letters', length: 1, label: { id: 'Huruf pertama nama depan ayah Anda', en: "The first letter of your father's first name" }, childLabel: { id: 'Huruf pertama nama depan ayahmu', en: "The first letter of your father's first name" } },
  { key: 'own2', kind: 'letters', length: 1, label: { id: 'Huruf kedua nama depan Anda', en: 'The second letter of your first name' }, childLabel: { id: 'Huruf kedua nama depanmu', en: 'The second letter of your first name' } },
]
/** The question in the participant's register: "Anda" for adults, "kamu" for children (participant-register.ts). */
export const codeLabel = (element: CodeElement, register: Register): Bilingual => (register === 'child' ? element.childLabel : element.label)
export const DEFAULT_CODE_ELEMENTS = ['mother', 'day', 'own', 'siblings']
/** Three parts at least (fewer pair strangers), five at most: a fifth part (the father's initial, a second letter) for large groups, where four short answers are often shared. */
export const MIN_CODE_PARTS = 3
export const MAX_CODE_PARTS = 5
/** From this many people in a group, codes of four parts are often shared by strangers: a fifth part is suggested. */
export const LARGE_GROUP = 60

export const codeElement = (key: string) => CODE_ELEMENTS.find((e) => e.key === key)

/** One element's answer in its canonical form, or undefined when it is not a valid answer. */
export function normaliseElement(element: CodeElement, raw: string): string | undefined {
  const value = raw.trim().toUpperCase()
  if (element.kind === 'letters') {
    // Letters only; accents dropped so "É" and "E" give the same code.
    const letters = value.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    return new RegExp(`^[A-Z]{${element.length}}$`).test(letters) ? letters : undefined
  }
  if (!/^\d{1,2}$/.test(value)) return undefined
  const n = Number(value)
  if (n < (element.min ?? 0) || n > (element.max ?? 99)) return undefined
  return String(n).padStart(element.length, '0')
}

export const joinCode = (parts: readonly string[]) => parts.join('-')
export const splitCode = (code: string) => code.split('-')
