// Free text that may tell of harm. Such text is routed to help, never kept as survey data: the
// participant sees where to get help at once, and only referral roles see the words.

/** Lower case, accents and punctuation gone, single spaces: how both text and phrases are compared. */
export function normaliseText(text: string): string {
  return ` ${text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `
}

/** Whether the text contains one of the phrases as whole words ("diancam" matches, "ancaman" does not match "ancam"). */
export function looksLikeDisclosure(text: string, phrases: readonly string[]): boolean {
  const haystack = normaliseText(text)
  return phrases.some((p) => {
    const needle = normaliseText(p)
    return needle.trim() !== '' && haystack.includes(needle)
  })
}
