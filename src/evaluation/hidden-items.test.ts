import crypto from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { aCode, aSessionWithLinks } from '../../test/evaluation-builders.ts'
import { useTestApp } from '../../test/harness.ts'
import { useLogicQuestionnaire } from '../../test/logic-questionnaire.ts'
import { definitionSchema } from './questionnaire-schema.ts'
import { sessionResults } from './session-results.ts'

const jaga = useTestApp()
const l = (x: string) => ({ id: x, en: x })
const jakartaToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date())

async function sessionWith(items: unknown[]) {
  const s = await aSessionWithLinks(jaga)
  const pre = s.links.find((x) => x.phase === 'pre')!
  await useLogicQuestionnaire(jaga, pre.id, definitionSchema.parse({ sections: [{ items }] }))
  const post = async (answers: Record<string, string>) => {
    const id = crypto.randomUUID()
    const res = await jaga.request(`http://localhost/api/v1/collect/${pre.token}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id, code: aCode('HI'), answers }) })
    expect(res.status).toBe(201)
    return id
  }
  const csvCell = async (column: string) => {
    const csv = (await (await s.agent.get(`/sessions/${s.session.id}/evaluation/answers.csv`)).text()).trim().split('\n')
    return csv[1]!.split(',')[csv[0]!.split(',').indexOf(column)]
  }
  return { ...s, post, csvCell }
}

describe('which questions a submission was shown', () => {
  it('is decided when the answers are checked and stored, so a later day’s today() does not change the results or the export', async () => {
    const { session, post, csvCell } = await sessionWith([
      { id: 'k1', kind: 'truefalse', label: l('k1'), answer: 'true', relevant: `today() >= '${jakartaToday()}'` },
      { id: 'k2', kind: 'truefalse', label: l('k2'), answer: 'true', relevant: `today() < '${jakartaToday()}'` },
      { id: 'k3', kind: 'truefalse', label: l('k3'), answer: 'true' },
    ])
    const id = await post({ k1: 'true', k3: 'true' })
    const row = await jaga.db.selectFrom('submissions').select(['hiddenItems', 'score', 'maxScore']).where('id', '=', id).executeTakeFirstOrThrow()
    expect(JSON.parse(row.hiddenItems!)).toEqual(['k2'])
    expect([row.score, row.maxScore]).toEqual([2, 2])
    // Received (by the UTC clock) on an earlier day: worked out again, k1 would read as hidden and k2 as shown.
    await jaga.db.updateTable('submissions').set({ receivedAt: '2020-01-01T00:00:00.000Z' }).where('id', '=', id).execute()
    const items = (await sessionResults(jaga.db, session.id)).groups[0]!.items
    expect(items.find((i) => i.id === 'k1')!.preCorrect).toBe(1)
    expect(items.find((i) => i.id === 'k2')!.preCorrect).toBeNull()
    expect([await csvCell('k1'), await csvCell('k2'), await csvCell('k3')]).toEqual(['1', '', '1'])
  })

  it('stays as checked for a relevance cycle, where working it out again from the stored answers flips it', async () => {
    // a: shown while b is empty; b: shown once a is answered. Checked with both answered, both are hidden
    // (their answers are not stored); worked out again from the stored answers, a would read as shown and
    // unanswered: wrong instead of not shown.
    const { session, post, csvCell } = await sessionWith([
      { id: 'a', kind: 'truefalse', label: l('a'), answer: 'true', relevant: "${b} = ''" },
      { id: 'b', kind: 'text', label: l('b'), relevant: "${a} != ''" },
      { id: 'k', kind: 'truefalse', label: l('k'), answer: 'true' },
    ])
    const id = await post({ a: 'true', b: 'hello', k: 'true' })
    const row = await jaga.db.selectFrom('submissions').select(['hiddenItems']).where('id', '=', id).executeTakeFirstOrThrow()
    expect(JSON.parse(row.hiddenItems!)).toEqual(['a', 'b'])
    expect((await sessionResults(jaga.db, session.id)).groups[0]!.items.find((i) => i.id === 'a')!.preCorrect).toBeNull()
    expect([await csvCell('a'), await csvCell('k')]).toEqual(['', '1'])
  })

  it('is worked out again only for a row from before it was stored', async () => {
    const { session, post } = await sessionWith([
      { id: 'k1', kind: 'truefalse', label: l('k1'), answer: 'true', relevant: "today() >= '2021-01-01'" },
      { id: 'k2', kind: 'truefalse', label: l('k2'), answer: 'true' },
    ])
    const id = await post({ k1: 'true', k2: 'true' })
    await jaga.db.updateTable('submissions').set({ receivedAt: '2020-01-01T00:00:00.000Z', hiddenItems: null }).where('id', '=', id).execute()
    expect((await sessionResults(jaga.db, session.id)).groups[0]!.items.find((i) => i.id === 'k1')!.preCorrect).toBeNull()
  })
})
