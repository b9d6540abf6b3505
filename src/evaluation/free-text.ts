// Participants' own words (free-text answers) are shown nowhere until a person with the referral role
// has read them and released them. Pure rules shared by results, views, PDFs and exports.
import type { T } from '../messages.ts'
import type { FreeTextStatus } from './evaluation-tables.ts'
import { itemsOf, type Definition, type Item } from './questionnaire-schema.ts'

export const textItemsOf = (d: Definition): Item[] => itemsOf(d).filter((i) => i.kind === 'text')

/** One answer's key in the map of reviews: a submission and one of its items. */
export const reviewKey = (submissionId: string, itemId: string) => `${submissionId}/${itemId}`

export type Reviews = ReadonlyMap<string, FreeTextStatus>

/** Only a released text may be shown; anything else (waiting, or flagged and moved away) is not. */
export const isReleased = (reviews: Reviews, submissionId: string, itemId: string) => reviews.get(reviewKey(submissionId, itemId)) === 'released'

/** The written answers of one submission's text items that nobody has read yet. */
export function waitingTexts(items: Item[], submission: { id: string; answers: Record<string, unknown> }, reviews: Reviews): { itemId: string; text: string }[] {
  return items.flatMap((i) => {
    const v = submission.answers[i.id]
    return typeof v === 'string' && v.trim() !== '' && !reviews.has(reviewKey(submission.id, i.id)) ? [{ itemId: i.id, text: v }] : []
  })
}

/** "1 comment waiting for review" / "N comments …", in the reader's language. */
export const waitingWords = (t: T, count: number) => (count === 1 ? t('review.waitingOne') : t('review.waiting', { count }))
