// Made-up pre/post answers for the demo programme, so `npm run demo` shows what evaluation looks like:
// three held demo sessions get their links, answers on both sides (one code misremembered, a few
// people who left early) and feedback. They hang off demo sessions, so `jaga demo remove` takes them
// with the sessions (the foreign keys cascade).
import crypto from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../database.ts'
import { seededRandom } from '../platform/seeded-random.ts'
import { DEMO_PROGRAMME } from '../outreach/demo.ts'
import type { GroupKind } from '../outreach/target-group-form.ts'
import { linkDefinition, openCollection, submit } from './collection.ts'
import { installShippedQuestionnaires, readShippedQuestionnaires } from './questionnaires.ts'
import * as q from './evaluation-queries.ts'
import { itemsOf } from './questionnaire-schema.ts'

const DEMO_SESSIONS: [title: string, group: GroupKind, people: number][] = [
  ['Seminar orang tua (demo)', 'parents', 18],
  ['Pertemuan guru (demo)', 'teachers', 12],
  ['Webinar orang tua (demo)', 'parents', 9],
]
const ACTOR = { id: null, label: 'demo', role: 'admin' as const }
const LETTERS = [...'ABCDEFGHIJKLMNOPRSTUWY']

export async function loadEvaluationDemo(db: Kysely<Database>, contentDir?: string): Promise<number> {
  await installShippedQuestionnaires(db, readShippedQuestionnaires(contentDir))
  const random = seededRandom(2027)
  const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)]!
  let answers = 0
  for (const [title, group, people] of DEMO_SESSIONS) {
    const session = await db
      .selectFrom('sessions as s')
      .innerJoin('programmes as p', 'p.id', 's.programmeId')
      .select('s.id')
      .where('p.name', '=', DEMO_PROGRAMME)
      .where('s.title', '=', title)
      .executeTakeFirst()
    if (!session) continue
    await openCollection(db, ACTOR, session.id, { groupKind: group, feedback: true, codeElements: ['mother', 'day', 'own', 'siblings'] })
    const links = await q.listSessionLinks(db, session.id)
    const link = async (phase: string) => (await q.findLinkByToken(db, links.find((l) => l.phase === phase)!.token))!
    const [pre, post, feedback] = [await link('pre'), await link('post'), await link('feedback')]
    const items = itemsOf(await linkDefinition(db, pre.questionnaireVersionId)).filter((i) => i.answer !== undefined)
    const fill = (ability: number) =>
      Object.fromEntries(
        items.map((item) => {
          const right = String(item.answer)
          const wrong = item.kind === 'truefalse' ? (right === 'true' ? 'false' : 'true') : item.options!.find((o) => o.value !== right)!.value
          return [item.id, random() < ability ? right : wrong]
        }),
      )
    for (let n = 0; n < people; n++) {
      const code = { mother: pick(LETTERS) + pick(LETTERS), day: String(1 + Math.floor(random() * 28)), own: pick(LETTERS), siblings: String(Math.floor(random() * 4)) }
      const ability = random()
      await submit(db, pre, { id: crypto.randomUUID(), code, answers: fill(0.3 + 0.35 * ability) }, 'phone')
      answers++
      if (n % 7 === 6) continue // left before the end
      // One person in each session misremembers the day afterwards: paired by tolerance.
      const later = n === 2 ? { ...code, day: String((Number(code.day) % 28) + 1) } : code
      await submit(db, post, { id: crypto.randomUUID(), code: later, answers: fill(0.55 + 0.4 * ability) }, 'phone')
      answers++
      if (n % 2 === 0) {
        await submit(db, feedback, { id: crypto.randomUUID(), code, answers: { useful: String(3 + Math.floor(random() * 3)), clear: String(3 + Math.floor(random() * 3)), recommend: 'yes' } }, 'phone')
        answers++
      }
    }
    for (const l of links) await db.updateTable('collectionLinks').set({ closedAt: new Date().toISOString() }).where('id', '=', l.id).execute()
  }
  return answers
}
