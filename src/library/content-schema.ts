import { z } from 'zod'
import { illustrationNames, isIllustration } from './illustrations.ts'

export const AUDIENCES = ['parents', 'teachers', 'children-6-9', 'children-10-12', 'children-13-17', 'community', 'officials'] as const
export type Audience = (typeof AUDIENCES)[number]
export const isChildren = (a: Audience): boolean => a.startsWith('children-')

export const TOPICS = ['basics', 'risks', 'warning-signs', 'talking', 'screen-time', 'settings', 'what-to-do', 'reporting', 'law', 'disclosure', 'referral', 'facilitation'] as const
export type Topic = (typeof TOPICS)[number]

const isoDate = z.iso.date()

export const sourceSchema = z.object({
  title: z.string().min(3),
  publisher: z.string().min(2),
  url: z.url().optional(),
  /** When the source itself was published or last seen, as the fact file gives it. */
  date: z.union([z.string(), z.number()]).transform(String).optional(),
})
export type Source = z.infer<typeof sourceSchema>

/** The frontmatter of a library page. `key` pairs the Indonesian and English versions of one page. */
export const frontmatterSchema = z
  .object({
    key: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    title: z.string().min(3).max(120),
    summary: z.string().min(20).max(300),
    audiences: z.array(z.enum(AUDIENCES)).min(1),
    topics: z.array(z.enum(TOPICS)).min(1),
    /** A page that states facts (laws, numbers, contacts) must name its sources and review date. */
    factual: z.boolean(),
    sources: z.array(sourceSchema).default([]),
    reviewed: isoDate.optional(),
    /** Penalty figures from laws written before the 2026 criminal code: shown with that caveat. */
    penaltyCaveat: z.boolean().default(false),
    /** Steps through an app's or a phone's menus: shown with the date they were checked, since menus change. */
    appSteps: z.boolean().default(false),
    order: z.number().int().default(100),
    /** A facilitator kit has a slide deck beside it: <slug>.slides.md, slides separated by lines of "---". */
    slides: z.boolean().default(false),
    /** Each quoted message (a "> …" block) gets its own WhatsApp and copy controls: text meant to be passed on. */
    shareMessages: z.boolean().default(false),
    /** The drawing at the top of a page (static/illustration-<name>.svg); every page for children has one. */
    illustration: z.string().max(60).optional(),
  })
  .refine((f) => !f.factual || (f.sources.length > 0 && f.reviewed), { error: 'a factual page needs sources and a reviewed date' })
  .refine((f) => !f.appSteps || f.factual, { error: 'a page with app steps (appSteps: true) states facts: it needs factual: true, sources and a reviewed date' })
  .superRefine((f, ctx) => {
    const choose = `choose one of: ${illustrationNames().join(', ')}`
    if (f.illustration !== undefined && !isIllustration(f.illustration)) ctx.addIssue({ code: 'custom', path: ['illustration'], message: `there is no illustration named "${f.illustration}" (${choose})` })
    if (f.illustration === undefined && f.audiences.some(isChildren)) ctx.addIssue({ code: 'custom', path: ['illustration'], message: `a page for children needs an illustration (${choose})` })
  })
export type Frontmatter = z.output<typeof frontmatterSchema>

export const helpChannelSchema = z.object({
  id: z.string(),
  name: z.string(),
  operator: z.object({ id: z.string(), en: z.string() }),
  handles: z.object({ id: z.string(), en: z.string() }),
  // local: a programme partner serving the public, listed from the partners table (never from a file).
  scope: z.enum(['local', 'national', 'international']),
  contacts: z.array(z.object({ kind: z.enum(['phone', 'whatsapp', 'web', 'email']), value: z.string() })).min(1),
  note: z.object({ id: z.string(), en: z.string() }).optional(),
  confidence: z.enum(['high', 'medium-high', 'medium']),
  sources: z.array(z.string()).min(1),
  verified: isoDate,
})
export type HelpChannel = z.infer<typeof helpChannelSchema>

const bilingual = z.object({ id: z.string().min(1), en: z.string().min(1) })

/** A self-check quiz: both languages in one file, so they cannot drift apart. Answers are never stored. */
export const quizSchema = z
  .object({
    key: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    audiences: z.array(z.enum(AUDIENCES)).min(1),
    title: bilingual,
    intro: bilingual,
    questions: z
      .array(
        z.object({
          id: z.string().regex(/^q\d+$/),
          text: bilingual,
          options: z.array(z.object({ id: z.string().regex(/^[a-z]$/), text: bilingual })).min(2),
          answer: z.string(),
          explanation: bilingual,
          /** The key of the library page that explains the answer. */
          page: z.string().optional(),
        }),
      )
      .min(3),
  })
  .superRefine((quiz, ctx) => {
    for (const q of quiz.questions) {
      if (!q.options.some((o) => o.id === q.answer)) ctx.addIssue({ code: 'custom', message: `${q.id}: the answer "${q.answer}" is not one of its options` })
    }
  })
export type Quiz = z.infer<typeof quizSchema>
