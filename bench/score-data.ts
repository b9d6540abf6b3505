// Made-up pre/post score tables in the `jaga analyze` CSV format, reproducible from a seed: for the
// R comparison in bench/analyze.ts and for the tests that check Jaga against R's numbers.
import { seededRandom } from '../src/platform/seeded-random.ts'

export { seededRandom }

export interface ScoreDataOptions {
  pairs: number
  items: number
  seed?: number
  /** Likert 1–5 answers instead of 0/1. */
  likert?: boolean
  /** Adds a group column (parents, teachers, community). */
  groups?: boolean
  /** Extra pre-only and post-only rows, and codes written twice, as a share of pairs. */
  strays?: number
}

const GROUPS = ['parents', 'teachers', 'community']

/** The CSV text: header `code,phase[,group],q1…qK`, pre rows then post rows (shuffled a little). */
export function makeScoreCsv(o: ScoreDataOptions): string {
  const random = seededRandom(o.seed ?? 1)
  const items = Array.from({ length: o.items }, (_, j) => `q${j + 1}`)
  const difficulty = items.map(() => random() * 0.6 + 0.2)
  const lines: string[] = [['code', 'phase', ...(o.groups ? ['group'] : []), ...items].join(',')]
  const answers = (ability: number, learnt: number) =>
    difficulty.map((dif) => {
      const p = Math.min(0.97, Math.max(0.03, ability * (1 - dif) + learnt))
      if (!o.likert) return random() < p ? 1 : 0
      return Math.min(5, Math.max(1, Math.round(1 + p * 4 + (random() - 0.5) * 2)))
    })
  const row = (code: string, phase: string, group: string, values: number[]) =>
    [code, phase, ...(o.groups ? [group] : []), ...values].join(',')
  const strays = Math.round(o.pairs * (o.strays ?? 0))
  for (let i = 0; i < o.pairs + strays * 3; i++) {
    const code = `C${i.toString(36).toUpperCase().padStart(5, '0')}`
    const group = GROUPS[Math.floor(random() * GROUPS.length)]!
    const ability = random()
    const gain = random() * 0.4
    const kind = i < o.pairs ? 'pair' : ['pre-only', 'post-only', 'twice'][(i - o.pairs) % 3]
    if (kind !== 'post-only') lines.push(row(code, 'pre', group, answers(ability, 0)))
    if (kind === 'twice') lines.push(row(code, 'pre', group, answers(ability, 0)))
    if (kind !== 'pre-only') lines.push(row(code, 'post', group, answers(ability, gain)))
  }
  return lines.join('\n') + '\n'
}
