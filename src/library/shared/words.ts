// Shared by the server's search and the offline search in the browser, so both find the same pages.
// Pure: no Node.js or DOM APIs.

/** Lower-case words without accents, two letters or longer: "Pemerasan (sextortion)" → ["pemerasan", "sextortion"]. */
export function normalise(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1)
}
