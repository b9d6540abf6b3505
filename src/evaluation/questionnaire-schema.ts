// What a questionnaire is: sections of items, every label in both languages. The same shape is
// shipped under content/questionnaires/, stored per version in the database, and rendered as the
// participant's form.
import { z } from 'zod'
import { TOPICS } from '../library/content-schema.ts'

export const ITEM_KINDS = ['single', 'multiple', 'truefalse', 'likert', 'number', 'text', 'note'] as const
export type ItemKind = (typeof ITEM_KINDS)[number]
export const QUESTIONNAIRE_KINDS = ['knowledge', 'scale', 'feedback', 'follow-up'] as const
export type QuestionnaireKind = (typeof QUESTIONNAIRE_KINDS)[number]
/** Who a questionnaire is written for (children's tests use words for their age). */
export const QUESTIONNAIRE_AUDIENCES = ['parents', 'teachers', 'community', 'children-10-12', 'children-13-17', 'adults'] as const

const bilingual = z.object({ id: z.string().min(1), en: z.string().min(1) })
export type Bilingual = z.infer<typeof bilingual>
const itemId = z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'an item id is a lower-case name of up to 32 letters, digits and _')

export const itemSchema = z
  .object({
    id: itemId,
    kind: z.enum(ITEM_KINDS),
    label: bilingual,
    options: z.array(z.object({ value: z.string().regex(/^[a-z0-9_]{1,32}$/), label: bilingual })).optional(),
    /** The correct option(s) of a knowledge item; an item with an answer is scored 1 or 0. */
    answer: z.union([z.string(), z.array(z.string())]).optional(),
    /** The library topic the item tests. */
    topic: z.enum(TOPICS).optional(),
    required: z.boolean().default(false),
    /** Likert anchors for 1 and 5 when they are not disagree/agree. */
    anchors: z.tuple([bilingual, bilingual]).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
  })
  .superRefine((item, ctx) => {
    const choices = item.kind === 'truefalse' ? ['true', 'false'] : item.options?.map((o) => o.value)
    if ((item.kind === 'single' || item.kind === 'multiple') && !(item.options && item.options.length >= 2)) ctx.addIssue({ code: 'custom', message: `${item.id}: a choice item needs at least two options` })
    if (item.answer !== undefined) {
      const answers = Array.isArray(item.answer) ? item.answer : [item.answer]
      if (!choices) ctx.addIssue({ code: 'custom', message: `${item.id}: only choice and true/false items can have an answer` })
      else for (const a of answers) if (!choices.includes(a)) ctx.addIssue({ code: 'custom', message: `${item.id}: the answer "${a}" is not one of its options` })
      if (Array.isArray(item.answer) !== (item.kind === 'multiple')) ctx.addIssue({ code: 'custom', message: `${item.id}: a multiple-choice answer is a list; any other answer is one value` })
    }
  })
export type Item = z.infer<typeof itemSchema>

export const definitionSchema = z
  .object({
    // A section may be empty while a questionnaire is being built; opening it for answers needs a question (see collection.ts).
    sections: z.array(z.object({ title: bilingual.optional(), items: z.array(itemSchema) })).min(1),
  })
  .superRefine((d, ctx) => {
    const seen = new Set<string>()
    for (const item of d.sections.flatMap((s) => s.items)) {
      if (seen.has(item.id)) ctx.addIssue({ code: 'custom', message: `item id "${item.id}" is used twice` })
      seen.add(item.id)
    }
  })
export type Definition = z.infer<typeof definitionSchema>

/** A questionnaire as shipped in content/questionnaires/<key>.json. */
export const shippedQuestionnaireSchema = z.object({
  key: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  kind: z.enum(QUESTIONNAIRE_KINDS),
  audience: z.enum(QUESTIONNAIRE_AUDIENCES),
  title: bilingual,
  intro: bilingual,
  definition: definitionSchema,
})
export type ShippedQuestionnaire = z.infer<typeof shippedQuestionnaireSchema>

export const itemsOf = (d: Definition): Item[] => d.sections.flatMap((s) => s.items)
/** Items that are scored right (1) or wrong (0): they make up the knowledge score. */
export const scoredItems = (d: Definition): Item[] => itemsOf(d).filter((i) => i.answer !== undefined)
