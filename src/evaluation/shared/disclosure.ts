// Free text that may tell of harm. Such text is routed to help, never kept as survey data: the
// participant sees where to get help at once, and only referral roles see the words.
// Two kinds of sign: the staff's trigger phrases (matched on word roots, so "ancam" finds "diancam")
// and the built-in signs in disclosure-rules.ts (asking for photos, threats to spread them, touching,
// being forced, help requests). Both ignore talk about the topic ("materi tentang pemerasan").
import { formsOf, tokenize, type Token } from './chat-words.ts'
import { isExcused, isTopicTalk, signsOf } from './disclosure-rules.ts'

export { normaliseText } from './chat-words.ts'

/**
 * Whether a text word stands for a phrase word: the same word, or both come from one root. A bare
 * root in the text only stands for itself, so "kekerasan" does not find "suaranya keras" nor
 * "dipukul" "pukul 10".
 */
function wordMatches(text: Token, phraseWord: string): boolean {
  if (text.word === phraseWord) return true
  // English grows a word the stemmer does not undo: threat → threatened, threatening.
  if (text.word.startsWith(phraseWord) && /^(s|es|ed|d|ing|en|ens|ened|ening)$/.test(text.word.slice(phraseWord.length))) return true
  const core = text.word.replace(/(nya|ku|mu|lah|kah)$/, '')
  for (const f of formsOf(phraseWord)) if (text.forms.has(f) && f !== text.word && f !== core) return true
  return false
}

/** Indexes in the text where a staff phrase starts (its words in order, each matched on its roots). */
function phraseHits(tokens: readonly Token[], phrases: readonly string[]): number[] {
  const hits: number[] = []
  for (const phrase of phrases) {
    const words = tokenize(phrase).map((t) => t.word)
    if (words.join('').length < 3) continue
    for (let i = 0; i + words.length <= tokens.length; i++) if (words.every((w, k) => wordMatches(tokens[i + k]!, w))) hits.push(i)
  }
  return hits
}

/** Whether the text tells of harm: a staff phrase or a built-in sign, neither of them talk about the topic. */
export function looksLikeDisclosure(text: string, phrases: readonly string[]): boolean {
  const tokens = tokenize(text)
  if (!tokens.length) return false
  if (phraseHits(tokens, phrases).some((i) => !isTopicTalk(tokens, i) && !isExcused(tokens, i))) return true
  return signsOf(tokens).some((i) => !isTopicTalk(tokens, i))
}
