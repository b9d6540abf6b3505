// What a session's questionnaires show: per group, pre and post matched by code and analysed with
// the same statistics as `jaga analyze`, plus the feedback. Read-only; nothing here writes. Written
// answers appear only once a referral person released them; the others are only counted.
import type { Db } from '../database.ts'
import { isCorrect, shownTo } from './answers.ts'
import { matchCodes, type MatchResult } from './code-matching.ts'
import { definitionOf } from './collection.ts'
import * as q from './evaluation-queries.ts'
import { isReleased, waitingTexts, type Reviews } from './free-text.ts'
import { reviewsOf } from './free-text-review.ts'
import { analyzePairs, type PairedAnalysis } from './paired-analysis.ts'
import { summariseBehaviour, type BehaviourQuestion } from './behaviour-summary.ts'
import { itemsOf, scoredItems, type Item } from './questionnaire-schema.ts'

export interface GroupResult {
  groupKind: string
  preCount: number
  postCount: number
  match: Omit<MatchResult, 'pairs'> & { pairs: number; exact: number; tolerant: number }
  /** Mean score before and after as a share of the maximum, over every answer received (not only pairs). */
  preShare: number | null
  postShare: number | null
  /** The paired analysis of the knowledge items; undefined when the questionnaire has no scored items. */
  analysis?: PairedAnalysis
  items: { id: string; label: Item['label']; topic?: string; preCorrect: number | null; postCorrect: number | null }[]
  /** Score distributions (score → number of people), before and after. */
  distribution: { score: number; pre: number; post: number }[]
  maxScore: number | null
  /** Pairs a person confirmed by hand, with the codes as written. */
  confirmed: { id: string; preCode: string; postCode: string }[]
  /** Pairs made by tolerance, for a person to check: the codes as written and the code part that differed (its key, e.g. 'day'). */
  tolerant: { pre: string; post: string; preCode: string; postCode: string; part: string }[]
  /** Tolerant pairs a person undid: kept apart until the decision is undone. */
  rejected: { id: string; preCode: string; postCode: string }[]
  /** Answers before whose code another person also wrote, or that resemble more than one answer after: none of them is paired by Jaga. */
  alike: number
  /** 'scale' when the questionnaire before and after is a Likert scale: then `likert` holds each statement. */
  kind: 'knowledge' | 'scale'
  /** Per statement of a scale: the mean (1–5) and how many chose each point, before and after. */
  likert: { id: string; label: Item['label']; preMean: number | null; postMean: number | null; pre: number[]; post: number[] }[]
  /** The behaviour questions (one choice, no right answer), before and after. */
  behaviour: BehaviourQuestion[]
}

export interface FeedbackResult {
  count: number
  likert: { id: string; label: Item['label']; counts: number[]; mean: number | null }[]
  choices: { id: string; label: Item['label']; counts: { value: string; label: Item['label']; n: number }[] }[]
  /** Written answers: only the released ones, and how many still wait for a referral person to read them. */
  texts: { id: string; label: Item['label']; answers: string[]; waiting: number }[]
}

export interface SessionResults {
  groups: GroupResult[]
  feedback: FeedbackResult | null
  /** The 3-month follow-up per group: its answers summarised, and how many match a before code. */
  followUps: { groupKind: string; summary: FeedbackResult; matchedToPre: number; behaviour: BehaviourQuestion[] }[]
}

/** Counts and texts of a questionnaire's answers: Likert distributions, choices, released free text. */
function summarise(items: Item[], rows: { id: string; answers: Record<string, unknown> }[], reviews: Reviews): FeedbackResult {
  const answers = rows.map((r) => r.answers)
  return {
    count: answers.length,
    likert: items
      .filter((i) => i.kind === 'likert')
      .map((i) => {
        const values = answers.map((a) => a[i.id]).filter((v): v is number => typeof v === 'number')
        return { id: i.id, label: i.label, counts: [1, 2, 3, 4, 5].map((n) => values.filter((v) => v === n).length), mean: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null }
      }),
    choices: items
      .filter((i) => i.kind === 'single' || i.kind === 'truefalse')
      .map((i) => ({ id: i.id, label: i.label, counts: (i.options ?? []).map((o) => ({ value: o.value, label: o.label, n: answers.filter((a) => a[i.id] === o.value).length })) })),
    texts: items
      .filter((i) => i.kind === 'text')
      .map((i) => ({
        id: i.id,
        label: i.label,
        answers: rows.filter((r) => typeof r.answers[i.id] === 'string' && isReleased(reviews, r.id, i.id)).map((r) => r.answers[i.id] as string),
        waiting: rows.reduce((n, r) => n + waitingTexts([i], r, reviews).length, 0),
      })),
  }
}

/**
 * Several sessions' feedback as one (a programme's): counts add up per question (matched by id), means are
 * worked out again from the counts, and the written answers are listed together.
 */
export function mergeFeedback(list: FeedbackResult[]): FeedbackResult | null {
  if (list.length === 0) return null
  const merged: FeedbackResult = { count: 0, likert: [], choices: [], texts: [] }
  for (const f of list) {
    merged.count += f.count
    for (const l of f.likert) {
      const into = merged.likert.find((x) => x.id === l.id) ?? merged.likert[merged.likert.push({ ...l, counts: [0, 0, 0, 0, 0] }) - 1]!
      into.counts = into.counts.map((n, i) => n + (l.counts[i] ?? 0))
    }
    for (const c of f.choices) {
      const into = merged.choices.find((x) => x.id === c.id) ?? merged.choices[merged.choices.push({ ...c, counts: c.counts.map((x) => ({ ...x, n: 0 })) }) - 1]!
      for (const x of c.counts) {
        const slot = into.counts.find((y) => y.value === x.value)
        if (slot) slot.n += x.n
        else into.counts.push({ ...x })
      }
    }
    for (const x of f.texts) {
      const into = merged.texts.find((y) => y.id === x.id) ?? merged.texts[merged.texts.push({ ...x, answers: [], waiting: 0 }) - 1]!
      into.answers.push(...x.answers)
      into.waiting += x.waiting
    }
  }
  for (const l of merged.likert) {
    const total = l.counts.reduce((a, b) => a + b, 0)
    l.mean = total ? l.counts.reduce((sum, n, i) => sum + n * (i + 1), 0) / total : null
  }
  return merged
}

const share = (rows: { score: number | null; maxScore: number | null }[]) => {
  const scored = rows.filter((r) => r.score !== null && r.maxScore)
  return scored.length ? scored.reduce((s, r) => s + r.score! / r.maxScore!, 0) / scored.length : null
}

export async function sessionResults(db: Db, sessionId: string): Promise<SessionResults> {
  const links = await q.listSessionLinks(db, sessionId)
  const submissions = await q.listSubmissions(db, sessionId, ['pre', 'post', 'feedback'])
  const followUpRows = await q.listSubmissions(db, sessionId, ['follow-up'])
  const confirmed = await q.listConfirmedPairs(db, [sessionId])
  const rejected = await q.listRejectedPairs(db, [sessionId])
  const reviews = await reviewsOf(db, [sessionId])
  const versions = new Map<string, Awaited<ReturnType<typeof q.findVersion>>>()
  for (const id of new Set(links.map((l) => l.questionnaireVersionId))) versions.set(id, await q.findVersion(db, id))

  const groups: GroupResult[] = []
  for (const groupKind of [...new Set(links.filter((l) => l.phase === 'pre').map((l) => l.groupKind))]) {
    const link = links.find((l) => l.groupKind === groupKind && l.phase === 'pre')!
    const definition = definitionOf(versions.get(link.questionnaireVersionId)!)
    const pre = submissions.filter((s) => s.groupKind === groupKind && s.phase === 'pre')
    const post = submissions.filter((s) => s.groupKind === groupKind && s.phase === 'post')
    const match = matchCodes(pre, post, confirmed, rejected)
    const codeOf = new Map([...pre, ...post].map((s) => [s.id, s.code]))
    const parts = JSON.parse(link.codeElements) as string[]
    const shared = new Set(match.duplicates)
    const scored = scoredItems(definition)
    const scale = scored.length ? [] : itemsOf(definition).filter((i) => i.kind === 'likert')
    const byId = new Map([...pre, ...post].map((s) => [s.id, JSON.parse(s.answers) as Record<string, unknown>]))
    const rowOf = new Map([...pre, ...post].map((s) => [s.id, s]))
    // Of those who were shown the item: one skipped by the skip logic is neither right nor wrong.
    const shown = shownTo(definition)
    // A statement left unanswered counts as the scale's middle, so a pair keeps all its columns; one the
    // skip logic hid is missing (NaN), as is a hidden scored item: neither right nor wrong (ADR 0010).
    const point = (submissionId: string, item: Item) => {
      if (!shown(rowOf.get(submissionId)!, byId.get(submissionId)!, item)) return NaN
      const v = byId.get(submissionId)![item.id]
      return typeof v === 'number' ? v : 3
    }
    const cell = (submissionId: string, item: Item) => (shown(rowOf.get(submissionId)!, byId.get(submissionId)!, item) ? correct(submissionId, item) : NaN)
    const answered = (rows: typeof pre, item: Item) => rows.map((r) => byId.get(r.id)![item.id]).filter((v): v is number => typeof v === 'number')
    const meanOf = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null)
    const countsOf = (xs: number[]) => [1, 2, 3, 4, 5].map((n) => xs.filter((x) => x === n).length)
    const correct = (submissionId: string, item: Item) => (isCorrect(item, byId.get(submissionId)![item.id]) ? 1 : 0)
    const rate = (rows: typeof pre, item: Item) => {
      const saw = rows.filter((s) => shown(s, byId.get(s.id)!, item))
      return saw.length ? saw.reduce((n, s) => n + correct(s.id, item), 0) / saw.length : null
    }
    const maxScore = scored.length || null
    const distribution = maxScore === null ? [] : Array.from({ length: maxScore + 1 }, (_, score) => ({ score, pre: pre.filter((s) => s.score === score).length, post: post.filter((s) => s.score === score).length }))
    groups.push({
      groupKind,
      preCount: pre.length,
      postCount: post.length,
      match: {
        ...match,
        pairs: match.pairs.length,
        exact: match.pairs.filter((p) => p.how === 'exact').length,
        tolerant: match.pairs.filter((p) => p.how !== 'exact').length,
      },
      preShare: share(pre),
      postShare: share(post),
      analysis: scored.length
        ? analyzePairs({
            items: scored.map((i) => i.id),
            pre: scored.map((item) => Float64Array.from(match.pairs, (p) => cell(p.pre, item))),
            post: scored.map((item) => Float64Array.from(match.pairs, (p) => cell(p.post, item))),
          })
        : scale.length
          ? analyzePairs({
              items: scale.map((i) => i.id),
              pre: scale.map((item) => Float64Array.from(match.pairs, (p) => point(p.pre, item))),
              post: scale.map((item) => Float64Array.from(match.pairs, (p) => point(p.post, item))),
            })
          : undefined,
      items: scored.map((item) => ({ id: item.id, label: item.label, topic: item.topic, preCorrect: rate(pre, item), postCorrect: rate(post, item) })),
      distribution,
      maxScore,
      confirmed: confirmed.filter((c) => pre.some((s) => s.id === c.pre)).map((c) => ({ id: c.id, preCode: pre.find((s) => s.id === c.pre)!.code, postCode: post.find((s) => s.id === c.post)?.code ?? '' })),
      tolerant: match.pairs.filter((p) => p.how === 'tolerant').map((p) => ({ pre: p.pre, post: p.post, preCode: codeOf.get(p.pre)!, postCode: codeOf.get(p.post)!, part: parts[p.part!] ?? String(p.part! + 1) })),
      rejected: rejected.filter((r) => codeOf.has(r.pre) && codeOf.has(r.post)).map((r) => ({ id: r.id, preCode: codeOf.get(r.pre)!, postCode: codeOf.get(r.post)! })),
      alike: pre.filter((s) => shared.has(s.code)).length + match.ambiguous.length,
      kind: scale.length ? 'scale' : 'knowledge',
      likert: scale.map((item) => ({ id: item.id, label: item.label, preMean: meanOf(answered(pre, item)), postMean: meanOf(answered(post, item)), pre: countsOf(answered(pre, item)), post: countsOf(answered(post, item)) })),
      behaviour: summariseBehaviour(itemsOf(definition), { items: itemsOf(definition), answers: pre.map((s) => byId.get(s.id)!) }, post.map((s) => byId.get(s.id)!)),
    })
  }

  const feedbackLink = links.find((l) => l.phase === 'feedback')
  const answersOf = (rows: typeof submissions) => rows.map((s) => ({ id: s.id, answers: JSON.parse(s.answers) as Record<string, unknown> }))
  const feedback = feedbackLink ? summarise(itemsOf(definitionOf(versions.get(feedbackLink.questionnaireVersionId)!)), answersOf(submissions.filter((s) => s.phase === 'feedback')), reviews) : null
  const followUps: SessionResults['followUps'] = []
  for (const link of links.filter((l) => l.phase === 'follow-up')) {
    const rows = followUpRows.filter((s) => s.groupKind === link.groupKind)
    const pre = submissions.filter((s) => s.phase === 'pre' && s.groupKind === link.groupKind)
    const items = itemsOf(definitionOf(versions.get(link.questionnaireVersionId)!))
    // Before is the group's pre round, for the questions it asked too (behaviour-confidence asks the follow-up's).
    const preLink = links.find((l) => l.groupKind === link.groupKind && l.phase === 'pre')
    const before = preLink ? { items: itemsOf(definitionOf(versions.get(preLink.questionnaireVersionId)!)), answers: answersOf(pre).map((r) => r.answers) } : null
    followUps.push({ groupKind: link.groupKind, summary: summarise(items, answersOf(rows), reviews), matchedToPre: matchCodes(pre, rows).pairs.length, behaviour: summariseBehaviour(items, before, answersOf(rows).map((r) => r.answers)) })
  }
  return { groups, feedback, followUps }
}
