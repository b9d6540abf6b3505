// Pairs pre and post answers by self-generated code. Exact matches first; then, among what is
// left, codes that differ in exactly one element (people misremember one answer far more often
// than two: McGloin et al. 1996; J Adolesc Health 2017). A tolerant match is made only when it
// is the single candidate on both sides; otherwise the candidates are listed for a person to decide.
// A person's decisions come first: pairs they confirmed, and pairs they rejected (an undone tolerant
// pair), which are never proposed again.
import { splitCode } from './code-elements.ts'

export interface Coded {
  id: string
  code: string
}

export interface MatchResult {
  /** `part`: for a tolerant pair, the position of the code part that differed. */
  pairs: { pre: string; post: string; how: 'exact' | 'tolerant' | 'confirmed'; part?: number }[]
  /** Pre answers with more than one possible post partner (or a partner that has others). */
  ambiguous: { pre: string; code: string; candidates: { post: string; code: string }[] }[]
  unmatchedPre: string[]
  unmatchedPost: string[]
  /** Codes written by more than one person in the same phase: none of them is paired. */
  duplicates: string[]
  /** Matched pre answers as a share of all pre answers; null with no pre answers. */
  rate: number | null
}

const differsInOne = (a: string[], b: string[]) => a.length === b.length && a.filter((x, i) => x !== b[i]).length === 1

/** Where two codes of the same length differ, by part. */
export const differingPart = (a: string, b: string) => splitCode(a).findIndex((x, i) => x !== splitCode(b)[i])

type Decision = { pre: string; post: string }

/**
 * The version of these pairing rules. Each session's pairs are kept (pair-cache.ts) with the version
 * they were made by: bump this whenever a change here (or in code-elements.ts) could pair answers
 * differently, or programmes keep showing pairs made by the old rules.
 */
export const PAIRING_VERSION = 1

export function matchCodes(pre: readonly Coded[], post: readonly Coded[], confirmed: readonly Decision[] = [], rejected: readonly Decision[] = []): MatchResult {
  const count = (list: readonly Coded[]) => list.reduce((m, x) => m.set(x.code, (m.get(x.code) ?? 0) + 1), new Map<string, number>())
  const preCounts = count(pre)
  const postCounts = count(post)
  const duplicates = [...new Set([...preCounts, ...postCounts].filter(([, n]) => n > 1).map(([code]) => code))]
  const isDuplicate = (x: Coded) => (preCounts.get(x.code) ?? 0) > 1 || (postCounts.get(x.code) ?? 0) > 1

  const pairs: MatchResult['pairs'] = []
  const usedPre = new Set<string>()
  const usedPost = new Set<string>()
  for (const c of confirmed) {
    if (pre.some((x) => x.id === c.pre) && post.some((x) => x.id === c.post)) {
      pairs.push({ ...c, how: 'confirmed' })
      usedPre.add(c.pre)
      usedPost.add(c.post)
    }
  }
  const postByCode = new Map(post.filter((x) => !usedPost.has(x.id)).map((x) => [x.code, x]))
  for (const p of pre) {
    if (usedPre.has(p.id) || isDuplicate(p)) continue
    const q = postByCode.get(p.code)
    if (q && !usedPost.has(q.id) && !isDuplicate(q)) {
      pairs.push({ pre: p.id, post: q.id, how: 'exact' })
      usedPre.add(p.id)
      usedPost.add(q.id)
    }
  }

  const restPre = pre.filter((x) => !usedPre.has(x.id) && !isDuplicate(x))
  const restPost = post.filter((x) => !usedPost.has(x.id) && !isDuplicate(x))
  const isRejected = new Set(rejected.map((r) => `${r.pre} ${r.post}`))
  const candidates = new Map(restPre.map((p) => [p.id, restPost.filter((q) => differsInOne(splitCode(p.code), splitCode(q.code)) && !isRejected.has(`${p.id} ${q.id}`))]))
  const claims = new Map<string, number>()
  for (const list of candidates.values()) for (const q of list) claims.set(q.id, (claims.get(q.id) ?? 0) + 1)
  const ambiguous: MatchResult['ambiguous'] = []
  for (const p of restPre) {
    const list = candidates.get(p.id)!
    if (list.length === 1 && claims.get(list[0]!.id) === 1) {
      pairs.push({ pre: p.id, post: list[0]!.id, how: 'tolerant', part: differingPart(p.code, list[0]!.code) })
      usedPre.add(p.id)
      usedPost.add(list[0]!.id)
    } else if (list.length > 0) ambiguous.push({ pre: p.id, code: p.code, candidates: list.map((q) => ({ post: q.id, code: q.code })) })
  }
  return {
    pairs,
    ambiguous,
    unmatchedPre: pre.filter((x) => !usedPre.has(x.id)).map((x) => x.id),
    unmatchedPost: post.filter((x) => !usedPost.has(x.id)).map((x) => x.id),
    duplicates,
    rate: pre.length ? pairs.length / pre.length : null,
  }
}
