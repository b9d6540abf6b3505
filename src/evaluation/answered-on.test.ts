import crypto from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { Agent } from '../../test/agent.ts'
import { aCode, aSessionWithLinks } from '../../test/evaluation-builders.ts'
import { useTestApp } from '../../test/harness.ts'
import { useLogicQuestionnaire } from '../../test/logic-questionnaire.ts'
import { answerDay } from './answers.ts'
import { definitionSchema } from './questionnaire-schema.ts'

const jaga = useTestApp()
const l = (x: string) => ({ id: x, en: x })
const jakartaToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date())
const shift = (day: string, by: number) => new Date(Date.parse(`${day}T00:00:00Z`) + by * 86_400_000).toISOString().slice(0, 10)

describe('the day today() stands for when the server checks answers', () => {
  it('is the phone’s day when it lies within 30 days before and 1 day after the server’s, else the server’s', () => {
    expect(answerDay('2026-11-30', '2026-12-01')).toBe('2026-11-30')
    expect(answerDay('2026-11-01', '2026-12-01')).toBe('2026-11-01')
    expect(answerDay('2026-10-31', '2026-12-01')).toBe('2026-12-01')
    expect(answerDay('2026-12-02', '2026-12-01')).toBe('2026-12-02')
    expect(answerDay('2026-12-03', '2026-12-01')).toBe('2026-12-01')
    expect(answerDay('2026-02-30', '2026-03-01')).toBe('2026-03-01')
    expect(answerDay('yesterday', '2026-12-01')).toBe('2026-12-01')
    expect(answerDay(undefined, '2026-12-01')).toBe('2026-12-01')
  })

  it('follows the answeredOn the phone sends, so a question the phone showed yesterday is kept; a date too far off or a plain form post uses the server’s day', async () => {
    const s = await aSessionWithLinks(jaga)
    const pre = s.links.find((x) => x.phase === 'pre')!
    const today = jakartaToday()
    // Shown only on days before the server's today: what a phone that answered offline yesterday saw.
    await useLogicQuestionnaire(jaga, pre.id, definitionSchema.parse({ sections: [{ items: [
      { id: 'early', kind: 'text', label: l('early'), relevant: `today() < '${today}'` },
      { id: 'k', kind: 'truefalse', label: l('k'), answer: 'true' },
    ] }] }))
    const stored = async (answeredOn: unknown) => {
      const id = crypto.randomUUID()
      const res = await jaga.request(`http://localhost/api/v1/collect/${pre.token}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id, code: aCode('AO'), answers: { early: 'kemarin', k: 'true' }, ...(answeredOn === undefined ? {} : { answeredOn }) }) })
      expect(res.status).toBe(201)
      const row = await jaga.db.selectFrom('submissions').select(['answers', 'hiddenItems']).where('id', '=', id).executeTakeFirstOrThrow()
      return { answers: JSON.parse(row.answers) as Record<string, unknown>, hidden: JSON.parse(row.hiddenItems!) as string[] }
    }
    expect(await stored(shift(today, -1))).toEqual({ answers: { early: 'kemarin', k: 'true' }, hidden: [] })
    expect(await stored(undefined)).toEqual({ answers: { k: 'true' }, hidden: ['early'] })
    expect(await stored(shift(today, -31))).toEqual({ answers: { k: 'true' }, hidden: ['early'] })
    expect(await stored('not a date at all')).toEqual({ answers: { k: 'true' }, hidden: ['early'] })

    const form: Record<string, string> = { id: crypto.randomUUID(), answeredOn: shift(today, -1), 'a.early': 'kemarin', 'a.k': 'true' }
    for (const [key, value] of Object.entries(aCode('PF'))) form[`code.${key}`] = value
    const plain = await new Agent(jaga).lang('en').post(`/q/${pre.token}`, form)
    expect(plain.status).toBe(200)
    const row = await jaga.db.selectFrom('submissions').select(['answers']).where('id', '=', form['id']!).executeTakeFirstOrThrow()
    expect(JSON.parse(row.answers)).toEqual({ k: 'true' })
  })
})
