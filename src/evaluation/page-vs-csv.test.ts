// A property over generated sessions: whatever participants wrote (codes shared by several people,
// codes one part off, answers sent twice) and whatever staff did (pairs confirmed, tolerant pairs
// undone, answers left out, decisions undone, pairs the page never offered tried anyway), the page's
// results and `jaga analyze` on the session's answers.csv give the same pairs and the same statistics.
import crypto from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { textOf } from '../../test/agent.ts'
import { aSessionWithLinks, parentsAnswers } from '../../test/evaluation-builders.ts'
import { aSessionWithGroups, testAnswers } from '../../test/group-builders.ts'
import { useTestApp } from '../../test/harness.ts'
import { differences } from '../../test/numbers.ts'
import { seededRandom } from '../platform/seeded-random.ts'
import { useLogicQuestionnaire } from '../../test/logic-questionnaire.ts'
import { analyzeCsv, analyzeCsvFile } from './analyze-csv.ts'
import { definitionSchema, type Definition } from './questionnaire-schema.ts'
import { sessionResults } from './session-results.ts'

const jaga = useTestApp()

// Few values per part, so that in a group of 10–30 codes collide and fall one part apart.
const POOLS = { mother: ['SI', 'SR', 'NU', 'AN'], day: ['1', '2', '3', '4'], own: ['A', 'I'], siblings: ['0', '1', '2'] }
type Code = Record<keyof typeof POOLS, string>

/** The forms the evaluation page shows: their action and hidden fields. */
function formsOf(html: string): { action: string; fields: Record<string, string> }[] {
  return [...html.matchAll(/<form method="post" action="([^"]+)"[^>]*>(.*?)<\/form>/gs)].map(([, action, inner]) => ({
    action: action!,
    fields: Object.fromEntries([...inner!.matchAll(/name="(\w+)" value="([^"]*)"/g)].map(([, k, v]) => [k!, v!])),
  }))
}

describe('the page and the CSV through jaga analyze', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`give the same pairs and statistics on generated session ${seed}`, { timeout: 60_000 }, async () => {
      const random = seededRandom(seed)
      const pick = <T,>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!
      const { session, agent, send } = await aSessionWithLinks(jaga)
      agent.lang('en')
      const base = `/sessions/${session.id}/evaluation`
      const people = Array.from({ length: 10 + Math.floor(random() * 21) }, (): Code => ({ mother: pick(POOLS.mother), day: pick(POOLS.day), own: pick(POOLS.own), siblings: pick(POOLS.siblings) }))
      for (const code of people) {
        const before = Math.floor(random() * 16)
        if (random() < 0.9) {
          await send('pre', { id: crypto.randomUUID(), code, answers: parentsAnswers(before) })
          // Sent again as a new answer (a second paper, a second phone): the code is now written twice.
          if (random() < 0.05) await send('pre', { id: crypto.randomUUID(), code, answers: parentsAnswers(before) })
        }
        if (random() < 0.85) {
          const written = { ...code }
          if (random() < 0.2) {
            const part = pick(Object.keys(POOLS) as (keyof Code)[])
            written[part] = pick(POOLS[part].filter((v) => v !== code[part]))
          }
          await send('post', { id: crypto.randomUUID(), code: written, answers: parentsAnswers(Math.min(15, before + Math.floor(random() * 8))) })
        }
      }

      const answers = await jaga.db.selectFrom('submissions').select(['id', 'phase', 'code']).where('sessionId', '=', session.id).where('phase', 'in', ['pre', 'post']).execute()
      let refused = 0
      for (let round = 0; round < 4; round++) {
        const forms = formsOf(await (await agent.get(base)).text())
        const offered = forms.filter((f) => f.action === `${base}/pairs` && f.fields['pre'])
        const tolerant = forms.filter((f) => f.action === `${base}/pairs/reject`)
        const undos = forms.filter((f) => f.action.endsWith('/undo'))
        if (offered.length && random() < 0.7) expect((await agent.post(offered[0]!.action, pick(offered).fields)).status).toBe(303)
        if (tolerant.length && random() < 0.5) expect((await agent.post(`${base}/pairs/reject`, pick(tolerant).fields)).status).toBe(303)
        if (undos.length && random() < 0.2) expect((await agent.post(pick(undos).action)).status).toBe(303)
        // A pair the page does not offer (two answers sharing a code first, when there are): refused.
        const counted = await jaga.db.selectFrom('submissions').select(['id', 'phase', 'code']).where('sessionId', '=', session.id).where('excludedAt', 'is', null).execute()
        const pres = counted.filter((s) => s.phase === 'pre')
        const posts = counted.filter((s) => s.phase === 'post')
        const shared = pres.filter((p) => pres.filter((x) => x.code === p.code).length > 1 && posts.some((q) => q.code === p.code))
        const pre = shared.length ? pick(shared) : pick(pres)
        const post = shared.length ? posts.find((q) => q.code === pre.code)! : pick(posts)
        if (!offered.some((f) => f.fields['pre'] === pre.id && f.fields['post'] === post.id)) {
          expect((await agent.post(`${base}/pairs`, { pre: pre.id, post: post.id })).status).toBe(409)
          refused++
        }
        if (random() < 0.4) expect((await agent.post(`${base}/answers/${pick(counted).id}/exclude`, { reason: 'test' })).status).toBe(303)
      }
      expect(refused).toBeGreaterThan(0)

      // What the page shows …
      const page = textOf(await (await agent.get(base)).text())
      const shown = (await sessionResults(jaga.db, session.id)).groups[0]!
      expect(page).toContain(`${shown.match.pairs} of ${shown.preCount} answers before are paired`)
      // … and what the file gives.
      const csv = analyzeCsv(await (await agent.get(`${base}/answers.csv`)).text())
      expect(csv.pairs).toBe(shown.match.pairs)
      expect(differences(shown.analysis, csv, 1e-12)).toEqual([])
      expect(shown.match.pairs).toBeGreaterThan(0)
      expect(differences(shown.analysis!.score, csv.groups!['parents'], 1e-12)).toEqual([])
      const codeOf = new Map(answers.map((a) => [a.id, a.code]))
      const alone = (ids: string[]) => ids.filter((id) => !shown.match.duplicates.includes(codeOf.get(id)!)).length
      expect(csv.unmatched).toEqual({ pre: alone(shown.match.unmatchedPre), post: alone(shown.match.unmatchedPost) })
      expect(csv.duplicate_codes).toBe(shown.match.duplicates.length)
    })
  }
})

describe('the page and the CSV of a session whose two groups take different tests', () => {
  for (const seed of [21, 22, 23]) {
    it(`give each group’s pairs and statistics on generated session ${seed}`, { timeout: 60_000 }, async () => {
      const random = seededRandom(seed)
      const pick = <T,>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!
      const tests = { parents: 'knowledge-parents', teachers: 'knowledge-teachers' } as const
      const { session, agent, send } = await aSessionWithGroups(jaga, [{ groupKind: 'parents' }, { groupKind: 'teachers' }])
      agent.lang('en')
      const base = `/sessions/${session.id}/evaluation`
      // The same small pools in both groups: codes collide within a group and across the two.
      for (const [group, test] of Object.entries(tests)) {
        for (let n = 8 + Math.floor(random() * 13); n > 0; n--) {
          const code: Code = { mother: pick(POOLS.mother), day: pick(POOLS.day), own: pick(POOLS.own), siblings: pick(POOLS.siblings) }
          const before = Math.floor(random() * 16)
          if (random() < 0.9) await send(group, 'pre', { code, answers: testAnswers(test, before) })
          if (random() < 0.85) {
            const written = { ...code }
            if (random() < 0.2) {
              const part = pick(Object.keys(POOLS) as (keyof Code)[])
              written[part] = pick(POOLS[part].filter((v) => v !== code[part]))
            }
            await send(group, 'post', { code: written, answers: testAnswers(test, Math.min(15, before + Math.floor(random() * 8))) })
          }
        }
      }
      for (let round = 0; round < 3; round++) {
        const forms = formsOf(await (await agent.get(base)).text())
        const offered = forms.filter((f) => f.action === `${base}/pairs` && f.fields['pre'])
        const tolerant = forms.filter((f) => f.action === `${base}/pairs/reject`)
        if (offered.length && random() < 0.7) expect((await agent.post(offered[0]!.action, pick(offered).fields)).status).toBe(303)
        if (tolerant.length && random() < 0.5) expect((await agent.post(`${base}/pairs/reject`, pick(tolerant).fields)).status).toBe(303)
        const counted = await jaga.db.selectFrom('submissions').select('id').where('sessionId', '=', session.id).where('excludedAt', 'is', null).execute()
        if (random() < 0.4) expect((await agent.post(`${base}/answers/${pick(counted).id}/exclude`, { reason: 'test' })).status).toBe(303)
      }

      const page = await sessionResults(jaga.db, session.id)
      const file = analyzeCsvFile(await (await agent.get(`${base}/answers.csv`)).text())
      if (!('tests' in file)) throw new Error('expected one analysis per test')
      expect(Object.keys(file.tests)).toEqual(Object.values(tests))
      const answers = await jaga.db.selectFrom('submissions').select(['id', 'code']).where('sessionId', '=', session.id).execute()
      const codeOf = new Map(answers.map((a) => [a.id, a.code]))
      for (const [group, test] of Object.entries(tests)) {
        const shown = page.groups.find((g) => g.groupKind === group)!
        const csv = file.tests[test]!
        expect(csv.pairs).toBe(shown.match.pairs)
        expect(shown.match.pairs).toBeGreaterThan(0)
        // Item columns are named by their test; everything else is the page's analysis as it is.
        const named = { ...shown.analysis!, items: shown.analysis!.items.map((i) => ({ ...i, item: `${test}:${i.item}` })) }
        expect(differences(named, csv, 1e-12)).toEqual([])
        expect(differences(shown.analysis!.score, csv.groups![group], 1e-12)).toEqual([])
        const alone = (ids: string[]) => ids.filter((id) => !shown.match.duplicates.includes(codeOf.get(id)!)).length
        expect(csv.unmatched).toEqual({ pre: alone(shown.match.unmatchedPre), post: alone(shown.match.unmatchedPost) })
        expect(csv.duplicate_codes).toBe(shown.match.duplicates.length)
      }
    })
  }
})

// A knowledge test with skip logic: the whole test is shown only to those who agree to take it; two
// statements only to parents with children, one only to those who answered k1 'true'. A question the
// form did not show is missing on the page (NaN) and empty in the file, never wrong; one shown and left
// unanswered is wrong (0) in both.
const l = (id: string, en = id) => ({ id, en })
const skipLogicTest: Definition = definitionSchema.parse({
  sections: [
    {
      items: [
        { id: 'consent', kind: 'single', required: true, label: l('Bersedia mengisi?', 'Will you take the test?'), options: [{ value: 'yes', label: l('Ya', 'Yes') }, { value: 'no', label: l('Tidak', 'No') }] },
        { id: 'has_children', kind: 'single', label: l('Punya anak?', 'Any children?'), options: [{ value: 'yes', label: l('Ya', 'Yes') }, { value: 'no', label: l('Tidak', 'No') }] },
      ],
    },
    {
      relevant: "${consent} = 'yes'",
      items: [
        { id: 'k1', kind: 'truefalse', label: l('Satu', 'One'), answer: 'true' },
        { id: 'k2', kind: 'truefalse', label: l('Dua', 'Two'), answer: 'false', relevant: "${has_children} = 'yes'" },
        { id: 'k3', kind: 'single', label: l('Tiga', 'Three'), answer: 'b', options: [{ value: 'a', label: l('A') }, { value: 'b', label: l('B') }, { value: 'c', label: l('C') }] },
        { id: 'k4', kind: 'truefalse', label: l('Empat', 'Four'), answer: 'true', relevant: "${k1} = 'true'" },
        { id: 'k5', kind: 'truefalse', dontKnow: true, label: l('Lima', 'Five'), answer: 'false' },
        { id: 'k6', kind: 'truefalse', label: l('Enam', 'Six'), answer: 'true', relevant: "${has_children} = 'yes'" },
      ],
    },
  ],
})

describe('the page and the CSV of a test with skip logic (hidden scored questions)', () => {
  for (const seed of [31, 32, 33, 34]) {
    it(`give the same pairs and statistics, hidden questions missing and not wrong, on generated session ${seed}`, { timeout: 60_000 }, async () => {
      const random = seededRandom(seed)
      const pick = <T,>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!
      const { session, agent, send, links } = await aSessionWithLinks(jaga)
      for (const link of links.filter((x) => x.phase === 'pre' || x.phase === 'post')) await useLogicQuestionnaire(jaga, link.id, skipLogicTest)
      agent.lang('en')
      const base = `/sessions/${session.id}/evaluation`
      const answers = (skill: number, children: boolean, consent: boolean) => {
        const out: Record<string, string> = { consent: consent ? 'yes' : 'no', has_children: children ? 'yes' : 'no' }
        const right = { k1: 'true', k2: 'false', k3: 'b', k4: 'true', k5: 'false', k6: 'true' }
        const wrong = { k1: 'false', k2: 'true', k3: pick(['a', 'c']), k4: 'false', k5: pick(['true', 'dont_know']), k6: 'false' }
        // Sent whole: the server drops what the form would have hidden; a few are left unanswered.
        for (const id of Object.keys(right) as (keyof typeof right)[]) if (random() > 0.08) out[id] = random() < skill ? right[id] : wrong[id]
        return out
      }
      let declined = 0
      for (let n = 14 + Math.floor(random() * 14); n > 0; n--) {
        const code: Code = { mother: pick(POOLS.mother), day: pick(POOLS.day), own: pick(POOLS.own), siblings: pick(POOLS.siblings) }
        const skill = 0.2 + 0.5 * random()
        const children = random() < 0.6
        if (random() < 0.9) await send('pre', { id: crypto.randomUUID(), code, answers: answers(skill, children, random() < 0.93) })
        if (random() < 0.85) {
          const consent = random() < 0.9
          if (!consent) declined++
          await send('post', { id: crypto.randomUUID(), code, answers: answers(Math.min(1, skill + 0.3), random() < 0.9 ? children : !children, consent) })
        }
      }
      for (let round = 0; round < 2; round++) {
        const forms = formsOf(await (await agent.get(base)).text())
        const offered = forms.filter((f) => f.action === `${base}/pairs` && f.fields['pre'])
        if (offered.length && random() < 0.7) expect((await agent.post(offered[0]!.action, pick(offered).fields)).status).toBe(303)
      }

      const shown = (await sessionResults(jaga.db, session.id)).groups[0]!
      const csv = analyzeCsv(await (await agent.get(`${base}/answers.csv`)).text())
      expect(shown.match.pairs).toBeGreaterThan(0)
      expect(csv.pairs).toBe(shown.match.pairs)
      expect(differences(shown.analysis, csv, 1e-12)).toEqual([])
      expect(differences(shown.analysis!.score, csv.groups!['parents'], 1e-12)).toEqual([])
      // Hidden questions were there to count, and the page says how many.
      expect(csv.items_not_shown).toBeGreaterThan(0)
      expect(shown.analysis!.items_not_shown).toBe(csv.items_not_shown)
      expect(shown.analysis!.pairs_without_total ?? 0).toBe(csv.pairs_without_total ?? 0)
      expect(csv.score.pairs).toBe(csv.pairs - (csv.pairs_without_total ?? 0))
      const page = textOf(await (await agent.get(base)).text())
      expect(page).toContain(`Answers not shown (skip logic) ${csv.items_not_shown} item answers, not counted wrong`)
      if (declined === 0) expect(csv.pairs_without_total).toBeUndefined()
    })
  }
})
