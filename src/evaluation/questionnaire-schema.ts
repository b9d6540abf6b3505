// What a questionnaire is: sections of items, every label in both languages. The same shape is
// shipped under content/questionnaires/, stored per version in the database, and rendered as the
// participant's form.
import { z } from 'zod'
import { TOPICS } from '../library/content-schema.ts'

export const ITEM_KINDS = ['single', 'multiple', 'truefalse', 'likert', 'number', 'date', 'text', 'note'] as const
export type ItemKind = (typeof ITEM_KINDS)[number]
export const QUESTIONNAIRE_KINDS = ['knowledge', 'scale', 'feedback', 'follow-up'] as const
export type QuestionnaireKind = (typeof QUESTIONNAIRE_KINDS)[number]
/** Who a questionnaire is written for (children's tests use words for their age; 'children' is for 10–17). */
export const QUESTIONNAIRE_AUDIENCES = ['parents', 'teachers', 'community', 'children-10-12', 'children-13-17', 'children', 'adults'] as const

const bilingual = z.object({ id: z.string().min(1), en: z.string().min(1) })
export type Bilingual = z.infer<typeof bilingual>
// XLSForm names are kept as written (case, '-', '.'), so an imported form's answers keep their column names.
const itemId = z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/, 'an item id is a name of up to 64 letters, digits, _, - and ., starting with a letter or _')
/** An XLSForm-style expression (expression.ts parses it; it is never evaluated as code). */
const expression = z.string().trim().min(1).max(1000)
/** The value a true/false item records for "Tidak tahu / Don't know" (scored 0, never right). */
export const DONT_KNOW = 'dont_know'
/** The option value of "Other" in a choice item with `other`; the written answer goes to `<id>_other`. */
export const OTHER = 'other'

export const itemSchema = z
  .object({
    id: itemId,
    kind: z.enum(ITEM_KINDS),
    label: bilingual,
    options: z
      .array(
        z.object({
          value: z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/),
          label: bilingual,
          /** Extra columns of the XLSForm choices sheet, read by a choice_filter (e.g. { district: 'amplas' }). */
          filter: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/), z.string().max(200)).optional(),
        }),
      )
      .optional(),
    /** The XLSForm list name the options came from (kept so an export writes the same list). */
    list: z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/).optional(),
    hint: bilingual.optional(),
    /** Show the item only when this holds; an answer to an item that is not shown is dropped, never scored. */
    relevant: expression.optional(),
    /** Must hold for an answer (`.` is the answer); the message says why in both languages. */
    constraint: expression.optional(),
    constraintMessage: bilingual.optional(),
    /** Required only when this holds (XLSForm `required` with an expression); `required: true` is always. */
    requiredIf: expression.optional(),
    /** The answer filled in before the participant answers (a literal, as XLSForm `default`). */
    default: z.string().max(200).optional(),
    /** A number item that takes whole numbers only (XLSForm `integer`; `decimal` otherwise). */
    integer: z.boolean().optional(),
    /** A single-choice item with an "Other" option and a written answer (XLSForm `select_one x or_other`). */
    other: z.boolean().optional(),
    /** Which options to offer, evaluated per option with its `filter` columns (XLSForm `choice_filter`). */
    choiceFilter: expression.optional(),
    /** A true/false item that also offers "Tidak tahu / Don't know" (recorded as DONT_KNOW, scored 0). */
    dontKnow: z.boolean().optional(),
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
    if (item.dontKnow && item.kind !== 'truefalse') ctx.addIssue({ code: 'custom', message: `${item.id}: only a true/false item has a "don't know" option` })
    if (item.other && item.kind !== 'single' && item.kind !== 'multiple') ctx.addIssue({ code: 'custom', message: `${item.id}: only a choice item has an "other" option` })
    if (item.integer !== undefined && item.kind !== 'number') ctx.addIssue({ code: 'custom', message: `${item.id}: only a number item is whole or decimal` })
    if (item.constraintMessage && !item.constraint) ctx.addIssue({ code: 'custom', message: `${item.id}: a constraint message needs a constraint` })
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
    sections: z.array(z.object({ title: bilingual.optional(), relevant: expression.optional(), items: z.array(itemSchema) })).min(1),
    /** Set when the questionnaire exists in one language only: both label fields hold that text, and the form says so in the other. */
    language: z.enum(['id', 'en']).optional(),
  })
  .superRefine((d, ctx) => {
    const seen = new Set<string>()
    for (const item of d.sections.flatMap((s) => s.items)) {
      if (seen.has(item.id)) ctx.addIssue({ code: 'custom', message: `item id "${item.id}" is used twice` })
      seen.add(item.id)
      if (item.other) seen.add(`${item.id}_other`)
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
