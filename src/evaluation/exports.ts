// Answers as data files. The pre/post file is in exactly the format `jaga analyze` reads (code,
// phase, group, session, one 0/1 column per scored item), so anyone can re-run the statistics, in
// Jaga, R or SPSS, from what they downloaded. A post answer paired with a pre answer whose code
// differed in one part carries the pre code, so the file pairs exactly as the report did.
import type { Db } from '../database.ts'
import { isCorrect } from './answers.ts'
import { matchCodes } from './code-matching.ts'
import { definitionOf } from './collection.ts'
import * as q from './evaluation-queries.ts'
import { scoredItems } from './questionnaire-schema.ts'

export async function answersCsv(db: Db, sessionId: string): Promise<{ text: string; rows: number }> {
  const submissions = await q.listSubmissions(db, sessionId, ['pre', 'post'])
  const versions = new Map<string, ReturnType<typeof scoredItems>>()
  for (const id of new Set(submissions.map((s) => s.questionnaireVersionId))) versions.set(id, scoredItems(definitionOf((await q.findVersion(db, id))!)))
  // Item columns of every version involved, in order of first appearance (groups may take different tests).
  const columns = [...new Set([...versions.values()].flatMap((items) => items.map((i) => i.id)))]
  const pairedCode = new Map<string, string>()
  for (const group of new Set(submissions.map((s) => s.groupKind))) {
    const mine = submissions.filter((s) => s.groupKind === group)
    const pre = mine.filter((s) => s.phase === 'pre')
    const post = mine.filter((s) => s.phase === 'post')
    for (const pair of matchCodes(pre, post).pairs) pairedCode.set(pair.post, pre.find((s) => s.id === pair.pre)!.code)
  }
  const lines = [['code', 'phase', 'group', 'session', ...columns].join(',')]
  for (const s of submissions) {
    const items = versions.get(s.questionnaireVersionId)!
    const answers = JSON.parse(s.answers) as Record<string, unknown>
    const cells = columns.map((id) => {
      const item = items.find((i) => i.id === id)
      return item ? (isCorrect(item, answers[id]) ? '1' : '0') : ''
    })
    lines.push([pairedCode.get(s.id) ?? s.code, s.phase, s.groupKind, sessionId, ...cells].join(','))
  }
  return { text: lines.join('\n') + '\n', rows: submissions.length }
}
