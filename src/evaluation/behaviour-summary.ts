// What people say they do (the behaviour questions: one choice each, no right answer, often with
// "does not apply to me"), before and after: per question, how many chose each answer in each round.
// "Does not apply" is counted on its own and left out of the percentages, so a parent without a
// child of that age does not lower the share who did something. Pure: no I/O.
import { isSmall, suppressRow, type Shown } from '../outreach/suppression.ts'
import type { Item } from './questionnaire-schema.ts'

/** The option value of "tidak berlaku bagi saya / does not apply to me" in the shipped questionnaires. */
export const NOT_APPLICABLE = 'na'

export interface RoundCounts {
  /** People per option (the options of the question, "does not apply" left out), in the question's order; null where hidden. */
  counts: Shown[]
  notApplicable: Shown
  /** Everyone who answered the question in this round, "does not apply" included; null where hidden. */
  total: Shown
  /** Share of each option among those to whom the question applies; null for every option when any count is hidden. */
  shares: (number | null)[]
}

export interface BehaviourQuestion {
  id: string
  label: Item['label']
  options: { value: string; label: Item['label'] }[]
  hasNotApplicable: boolean
  /** Null when the round before did not ask this question. */
  before: RoundCounts | null
  after: RoundCounts
}

type Answers = Record<string, unknown>

/** The questions that are about behaviour: one choice, no answer key (a knowledge question has one). */
export const behaviourItems = (items: Item[]): Item[] => items.filter((i) => i.kind === 'single' && i.answer === undefined && (i.options?.length ?? 0) > 0)

function countRound(item: Item, rows: Answers[]): RoundCounts {
  const options = (item.options ?? []).filter((o) => o.value !== NOT_APPLICABLE)
  const counts = options.map((o) => rows.filter((a) => a[item.id] === o.value).length)
  const notApplicable = rows.filter((a) => a[item.id] === NOT_APPLICABLE).length
  const applies = counts.reduce((a, b) => a + b, 0)
  return { counts, notApplicable, total: applies + notApplicable, shares: counts.map((n) => (applies ? n / applies : null)) }
}

/**
 * Per behaviour question of `items`: the answers before (when that round asked the same question, by
 * id) and after. `before` is null when there is no round before (then no question has a before).
 */
export function summariseBehaviour(items: Item[], before: { items: Item[]; answers: Answers[] } | null, after: Answers[]): BehaviourQuestion[] {
  return behaviourItems(items).map((item) => {
    const earlier = before?.items.find((i) => i.id === item.id && i.kind === 'single')
    return {
      id: item.id,
      label: item.label,
      options: (item.options ?? []).filter((o) => o.value !== NOT_APPLICABLE).map((o) => ({ value: o.value, label: o.label })),
      hasNotApplicable: (item.options ?? []).some((o) => o.value === NOT_APPLICABLE),
      before: earlier ? countRound(item, before!.answers) : null,
      after: countRound(item, after),
    }
  })
}

/**
 * For those who see aggregates only: a round answered by fewer than 5 people shows nothing; otherwise
 * counts of 1–4 are hidden (and one more, so none can be worked out from the total), and then no
 * percentages, which would give the hidden counts away.
 */
export function suppressBehaviour(questions: BehaviourQuestion[]): BehaviourQuestion[] {
  const hide = (r: RoundCounts): RoundCounts => {
    if (r.total === null || isSmall(r.total)) return { counts: r.counts.map(() => null), notApplicable: null, total: null, shares: r.shares.map(() => null) }
    const shown = suppressRow([...r.counts.map((n) => n ?? 0), r.notApplicable ?? 0])
    const anyHidden = shown.cells.some((c) => c === null)
    return { counts: shown.cells.slice(0, -1), notApplicable: shown.cells.at(-1)!, total: shown.total, shares: anyHidden ? r.shares.map(() => null) : r.shares }
  }
  return questions.map((q) => ({ ...q, before: q.before && hide(q.before), after: hide(q.after) }))
}
