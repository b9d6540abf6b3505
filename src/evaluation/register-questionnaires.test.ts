import { describe, expect, it } from 'vitest'
import { Agent, loginAs, textOf } from '../../test/agent.ts'
import { aSessionWithLinks } from '../../test/evaluation-builders.ts'
import { useTestApp } from '../../test/harness.ts'
import type { GroupKind } from '../outreach/target-group-form.ts'
import { NOT_APPLICABLE } from './behaviour-summary.ts'
import { itemsOf } from './questionnaire-schema.ts'
import { readShippedQuestionnaires } from './questionnaires.ts'

const jaga = useTestApp()

/** The children's register: "kamu" and the "-mu" words the children's forms use. */
const childWords = /\bkamu\b|\b(namamu|temanmu|akunmu|pendapatmu|mengancamku|kupahami|kulakukan|buatku|rahasiamu|kodemu|jawabanmu)\b/i

/** A session for one group with its pre, post and feedback links and its 3-month follow-up, opened by its facilitator through the pages. */
async function allLinks(group: GroupKind) {
  const { token } = await aSessionWithLinks(jaga, { group, followUp: true })
  return { feedback: token('feedback'), followUp: token('follow-up') }
}

const page = async (token: string, locale: 'id' | 'en' = 'id') => textOf(await (await new Agent(jaga).lang(locale).get(`/q/${token}`)).text())

describe('feedback and follow-up forms speak in the group’s register', () => {
  it('a children’s group reads "kamu" and never "Anda" in its feedback and 3-month follow-up', async () => {
    for (const group of ['children-10-12', 'children-13-17'] as const) {
      const { feedback, followUp } = await allLinks(group)
      const feedbackForm = await page(feedback)
      expect(feedbackForm).toContain('Pendapatmu tentang kegiatan ini')
      expect(feedbackForm).toContain('Jangan tulis namamu atau nomor HP.')
      expect(feedbackForm).toContain('Apa lagi yang ingin kamu ketahui?')
      expect(feedbackForm, group).not.toContain('Anda')
      const followUpForm = await page(followUp)
      expect(followUpForm).toContain('apakah kamu membuat akun media sosial atau gim kamu menjadi privat')
      expect(followUpForm).toContain('Tidak berlaku buatku')
      expect(followUpForm, group).not.toContain('Anda')
      expect(followUpForm).not.toContain('HP atau akun anak')
      expect(await page(feedback, 'en')).toContain('What you think of this activity')
    }
  })

  it('a parents’ group reads "Anda" and no "kamu" or "-mu" words in its feedback and 3-month follow-up', async () => {
    const { feedback, followUp } = await allLinks('parents')
    const feedbackForm = await page(feedback)
    expect(feedbackForm).toContain('Pendapat Anda tentang kegiatan ini')
    expect(feedbackForm).not.toMatch(childWords)
    const followUpForm = await page(followUp)
    expect(followUpForm).toContain('apakah Anda mengatur privasi atau kontrol orang tua di HP atau akun anak?')
    expect(followUpForm).not.toMatch(childWords)
  })
})

describe('the children’s feedback and follow-up as shipped', () => {
  it('are in the shipped list and installed on a fresh database', async () => {
    const keys = readShippedQuestionnaires().map((q) => q.key)
    expect(keys).toEqual(expect.arrayContaining(['feedback', 'feedback-children', 'follow-up-3-months', 'follow-up-3-months-children']))
    const { agent } = await loginAs(jaga, 'coordinator', 'id')
    const list = textOf(await (await agent.get('/questionnaires')).text())
    expect(list).toContain('Pendapatmu tentang kegiatan ini')
    const installed = await jaga.db.selectFrom('questionnaires').select(['key', 'kind', 'audience']).where('key', 'in', ['feedback-children', 'follow-up-3-months-children']).orderBy('key').execute()
    expect(installed).toEqual([
      { key: 'feedback-children', kind: 'feedback', audience: 'children' },
      { key: 'follow-up-3-months-children', kind: 'follow-up', audience: 'children' },
    ])
  })

  it('ask the adults’ feedback questions under the same ids and kinds, and no question wants personal data', () => {
    const byKey = new Map(readShippedQuestionnaires().map((q) => [q.key, q]))
    const shape = (key: string) => itemsOf(byKey.get(key)!.definition).map((i) => [i.id, i.kind, i.options?.map((o) => o.value)])
    expect(shape('feedback-children')).toEqual(shape('feedback'))
    const followUp = itemsOf(byKey.get('follow-up-3-months-children')!.definition)
    // Children answer with choices, a scale or short text: never a number or a date (an age or a birth date would identify them).
    expect(followUp.every((i) => ['single', 'likert', 'text'].includes(i.kind))).toBe(true)
    // Choices about what they did offer "does not apply to me", so a child without an account does not count as "not yet".
    for (const id of ['account_private', 'profile_cleaned', 'blocked_reported']) expect(followUp.find((i) => i.id === id)!.options!.map((o) => o.value), id).toContain(NOT_APPLICABLE)
    for (const key of ['feedback-children', 'follow-up-3-months-children']) {
      const q = byKey.get(key)!
      const words = [q.title.id, q.intro.id, ...itemsOf(q.definition).flatMap((i) => [i.label.id, ...(i.options ?? []).map((o) => o.label.id)])].join('\n')
      expect(words, key).not.toContain('Anda')
      expect(words, key).toMatch(/\bkamu\b/)
    }
  })
})
