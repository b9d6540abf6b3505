import { describe, expect, it } from 'vitest'
import { aUser, sessionAgent, textOf } from '../../test/agent.ts'
import { aSessionWithGroups } from '../../test/group-builders.ts'
import { useTestApp } from '../../test/harness.ts'
import { suppressBehaviour, summariseBehaviour } from './behaviour-summary.ts'
import { readShippedQuestionnaires } from './questionnaires.ts'
import { itemsOf } from './questionnaire-schema.ts'

const jaga = useTestApp()
const itemsOfKey = (key: string) => itemsOf(readShippedQuestionnaires().find((q) => q.key === key)!.definition)
const likert = Object.fromEntries(['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7'].map((c) => [c, 3]))
const person = (agreement: string, talked: string, settings: string) => ({ ...likert, agreement, talked, settings_set: settings })
const code = (n: number) => ({ mother: `B${String.fromCharCode(65 + n)}`, day: '7', own: 'A', siblings: '2' })

describe('the behaviour questions before and after', () => {
  it('count each answer per round, keeping "does not apply" out of the percentages', () => {
    const items = itemsOfKey('behaviour-confidence')
    const before = [person('yes', 'never', 'na'), person('no', 'never', 'na'), person('na', 'once', 'no')]
    const after = [person('yes', 'often', 'yes'), person('yes', 'once', 'na'), person('na', 'often', 'yes'), person('no', 'never', 'no')]
    const [agreement, talked, settings] = summariseBehaviour(items, { items, answers: before }, after)
    expect(agreement!.options.map((o) => o.value)).toEqual(['yes', 'no'])
    expect(agreement!.hasNotApplicable).toBe(true)
    expect(agreement!.before).toEqual({ counts: [1, 1], notApplicable: 1, total: 3, shares: [0.5, 0.5] })
    expect(agreement!.after).toEqual({ counts: [2, 1], notApplicable: 1, total: 4, shares: [2 / 3, 1 / 3] })
    expect(talked!.hasNotApplicable).toBe(false)
    expect(talked!.after.counts).toEqual([2, 1, 1])
    expect(settings!.before!.shares).toEqual([0, 1])
    // The knowledge questions (they have a right answer) are not behaviour.
    expect(summariseBehaviour(itemsOfKey('knowledge-parents'), null, after)).toEqual([])
    // A question the round before did not ask has no before.
    expect(summariseBehaviour(itemsOfKey('follow-up-3-months'), { items: itemsOfKey('knowledge-parents'), answers: before }, after).every((q) => q.before === null)).toBe(true)
  })

  it('hide a round of fewer than 5 people, and counts of 1–4 with no percentages, for those who see aggregates only', () => {
    const items = itemsOfKey('behaviour-confidence')
    const many = [...Array(8)].map((_, i) => person(i < 7 ? 'yes' : 'no', 'once', 'na'))
    const [small] = suppressBehaviour(summariseBehaviour(items, { items, answers: many.slice(0, 4) }, many))
    expect(small!.before).toEqual({ counts: [null, null], notApplicable: null, total: null, shares: [null, null] })
    // 7 yes, 1 no: the 1 is hidden, and the 7 too, or the total would give the 1 away.
    expect(small!.after).toEqual({ counts: [null, null], notApplicable: 0, total: 8, shares: [null, null] })
    const even = [...Array(10)].map((_, i) => person(i < 5 ? 'yes' : 'no', 'once', 'na'))
    expect(suppressBehaviour(summariseBehaviour(items, null, even))[0]!.after).toEqual({ counts: [5, 5], notApplicable: 0, total: 10, shares: [0.5, 0.5] })
  })

  it('are on the session’s results page for the group and its three-month follow-up, small groups hidden from those who see aggregates only', async () => {
    const { session, agent, send } = await aSessionWithGroups(jaga, [{ groupKind: 'parents', questionnaireKey: 'behaviour-confidence' }])
    const answers = [
      ['no', 'never', 'na'],
      ['no', 'once', 'na'],
      ['yes', 'never', 'no'],
      ['no', 'never', 'no'],
      ['na', 'never', 'no'],
      ['no', 'once', 'yes'],
    ]
    for (const [i, [a, b, c]] of answers.entries()) {
      await send('parents', 'pre', { code: code(i), answers: person(a!, b!, c!) })
      await send('parents', 'post', { code: code(i), answers: person(i === 4 ? a! : 'yes', 'often', c!) })
    }
    expect((await agent.post(`/sessions/${session.id}/evaluation/follow-up`, { groupKind: 'parents' })).status).toBe(303)
    const followUp = (await jaga.db.selectFrom('collectionLinks').select('token').where('sessionId', '=', session.id).where('phase', '=', 'follow-up').executeTakeFirstOrThrow()).token
    for (let i = 0; i < 3; i++) {
      const body = { id: crypto.randomUUID(), code: code(i), answers: { settings_set: 'yes', talked: 'often', agreement: i ? 'yes' : 'na', know_where: 'yes', confidence: 4 } }
      expect((await jaga.request(`http://localhost/api/v1/collect/${followUp}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })).status).toBe(201)
    }
    agent.lang('en')
    const page = textOf(await (await agent.get(`/sessions/${session.id}/evaluation`)).text())
    expect(page).toContain('What participants do')
    // Device rules made with the children: before 1 of 5 to whom it applies, after 5 of 5; one does not apply.
    expect(page).toMatch(/Are there now device rules made together with the children\?\s*Answer\s*Before\s*After\s*Yes\s*1 \(20%\)\s*5 \(100%\)\s*Not yet\s*4 \(80%\)\s*0 \(0%\)\s*Does not apply \(not in the percentages\)\s*1\s*1\s*Answered\s*6\s*6/)
    // The follow-up: before is the pre round, after three months.
    expect(page).toMatch(/Answer\s*Before\s*Three months later\s*Yes\s*1 \(20%\)\s*2 \(100%\)\s*Not yet\s*4 \(80%\)\s*0 \(0%\)\s*Does not apply \(not in the percentages\)\s*1\s*1\s*Answered\s*6\s*3/)
    expect(page).toMatch(/Do you know where to report[^?]*\?\s*Answer\s*Before\s*Three months later\s*Yes\s*not asked\s*3 \(100%\)/)

    // A facilitator of another session sees aggregates only: the follow-up's 3 answers are hidden.
    const other = (await sessionAgent(jaga, await aUser(jaga, 'facilitator'))).lang('en')
    const aggregates = textOf(await (await other.get(`/sessions/${session.id}/evaluation`)).text())
    expect(aggregates).toMatch(/Answer\s*Before\s*Three months later\s*Yes\s*fewer than 5\s*fewer than 5\s*Not yet\s*fewer than 5\s*fewer than 5/)
    expect(aggregates).toMatch(/Answered\s*6\s*fewer than 5/)
  })
})
