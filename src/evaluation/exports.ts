// Answers as data files. The pre/post CSV is in exactly the format `jaga analyze` reads (code,
// phase, group, session, questionnaire, one 0/1 column per scored item or a 1–5 column per statement of
// a scale), so anyone can re-run the statistics, in
// Jaga, R or SPSS, from what they downloaded. Codes stay as written; the pairing the page made is in
// two columns of its own: `how` (exact, tolerant or confirmed by staff) and `pair_id`, the same in the
// pre and the post row of a pair, empty for an answer without a pair. `jaga analyze` pairs by pair_id
// when the column is there, so the file gives exactly the page's pairs. The XLSX has the same rows,
// one row per matched pair, and a codebook; the codebook is also a CSV of its own.
// Participants' written answers never go into answers.csv; the XLSX lists the released ones on a sheet
// of their own, without codes or times (so none can be tied to a person's answers), and the codebook
// says how many still wait for review.
import type { Db } from '../database.ts'
import { isCorrect, shownTo } from './answers.ts'
import { matchCodes } from './code-matching.ts'
import { definitionOf } from './collection.ts'
import * as q from './evaluation-queries.ts'
import { PHASES } from './evaluation-tables.ts'
import { isReleased, textItemsOf, waitingTexts } from './free-text.ts'
import { reviewsOf } from './free-text-review.ts'
import { streamedXlsx } from './exports-warm.ts'
import { findRemovalOf } from './retention-queries.ts'
import { itemsOf, scoredItems, type Bilingual, type Definition, type Item } from './questionnaire-schema.ts'

interface Column {
  /** The column's name: the item's id, or `questionnaire:id` when the session's groups take different tests. */
  name: string
  item: Item
  questionnaire: string
}

interface Dataset {
  columns: Column[]
  rows: { code: string; phase: string; group: string; questionnaire: string; how: string; pairId: string; source: string; receivedAt: string; score: number | null; maxScore: number | null; cells: string[] }[]
  /** `max` is the pre answer's; skip logic may give the post answer another (postMax), so the gain is worked out on shares. */
  pairs: { pairId: string; how: string; preCode: string; postCode: string; group: string; pre: number; post: number; max: number; postMax: number }[]
}

/**
 * The items a pre/post questionnaire is analysed on, as the page does: its scored items (1 right, 0
 * wrong or unanswered, empty when skip logic did not show it), or for a scale its statements (the point chosen, 3, the middle, when unanswered).
 */
export function analysedItems(definition: Definition): { items: Item[]; cell: (item: Item, answer: unknown) => string } {
  const scored = scoredItems(definition)
  if (scored.length) return { items: scored, cell: (item, answer) => (isCorrect(item, answer) ? '1' : '0') }
  return { items: itemsOf(definition).filter((i) => i.kind === 'likert'), cell: (_, answer) => (typeof answer === 'number' ? String(answer) : '3') }
}

type Submission = Awaited<ReturnType<typeof q.listSubmissions>>[number]

// Each row's answers parsed once, though the XLSX reads them twice (its data and its comments sheet).
const parsedAnswers = new WeakMap<Submission, Record<string, unknown>>()
function answersOf(s: Submission): Record<string, unknown> {
  let answers = parsedAnswers.get(s)
  if (!answers) parsedAnswers.set(s, (answers = JSON.parse(s.answers) as Record<string, unknown>))
  return answers
}

/** The session's counted answers of every round, in the order they came (an XLSX reads them once for all its sheets). */
const everyRound = (db: Db, sessionId: string) => q.listSubmissions(db, sessionId, [...PHASES])
/** The before and after answers from the list of every round, in the same order. */
const prePost = (all: Submission[]) => all.filter((s) => s.phase === 'pre' || s.phase === 'post')

async function dataset(db: Db, sessionId: string, read?: Submission[]): Promise<Dataset> {
  const submissions = read ?? (await q.listSubmissions(db, sessionId, ['pre', 'post']))
  const testOf = new Map((await q.listSessionLinks(db, sessionId)).map((l) => [l.id, l.questionnaireKey]))
  const versions = new Map<string, ReturnType<typeof analysedItems> & { byId: Map<string, Item>; shown: ReturnType<typeof shownTo> }>()
  for (const id of new Set(submissions.map((s) => s.questionnaireVersionId))) {
    const definition = definitionOf((await q.findVersion(db, id))!)
    const analysed = analysedItems(definition)
    versions.set(id, { ...analysed, byId: new Map(analysed.items.map((i) => [i.id, i])), shown: shownTo(definition) })
  }
  // Item columns of every test involved, in order of first appearance. Groups may take different tests
  // whose items share ids (every knowledge test numbers its items k01, k02, …): then each column is
  // named by its test as well, and a row leaves the other tests' columns empty.
  const seen = new Map<string, Column>()
  for (const s of submissions) for (const item of versions.get(s.questionnaireVersionId)!.items) seen.set(`${testOf.get(s.linkId)}:${item.id}`, { name: item.id, item, questionnaire: testOf.get(s.linkId)! })
  const several = new Set(submissions.map((s) => testOf.get(s.linkId))).size > 1
  const columns = [...seen.entries()].map(([key, c]) => (several ? { ...c, name: key } : c))
  const confirmed = await q.listConfirmedPairs(db, [sessionId])
  const rejected = await q.listRejectedPairs(db, [sessionId])
  // The pair's id is its before answer's: it stays the same whatever happens to other pairs.
  const pairOf = new Map<string, { how: string; pairId: string }>()
  // By id, not by searching the list for each pair: 2,000 pairs made that 4 million comparisons.
  const byId = new Map(submissions.map((s) => [s.id, s]))
  const pairs: Dataset['pairs'] = []
  for (const group of new Set(submissions.map((s) => s.groupKind))) {
    const mine = submissions.filter((s) => s.groupKind === group)
    const pre = mine.filter((s) => s.phase === 'pre')
    const post = mine.filter((s) => s.phase === 'post')
    for (const pair of matchCodes(pre, post, confirmed, rejected).pairs) {
      const before = byId.get(pair.pre)!
      const after = byId.get(pair.post)!
      pairOf.set(before.id, { how: pair.how, pairId: before.id })
      pairOf.set(after.id, { how: pair.how, pairId: before.id })
      if (before.score !== null && after.score !== null && before.maxScore && after.maxScore) pairs.push({ pairId: before.id, how: pair.how, preCode: before.code, postCode: after.code, group, pre: before.score, post: after.score, max: before.maxScore, postMax: after.maxScore })
    }
  }
  const rows = submissions.map((s) => {
    const own = versions.get(s.questionnaireVersionId)!
    const test = testOf.get(s.linkId)!
    const answers = answersOf(s)
    const cells = columns.map((column) => {
      const item = column.questionnaire === test ? own.byId.get(column.item.id) : undefined
      // A question the skip logic hid is empty, neither right nor wrong.
      return item && own.shown(s, answers, item) ? own.cell(item, answers[item.id]) : ''
    })
    const paired = pairOf.get(s.id)
    return { code: s.code, phase: s.phase, group: s.groupKind, questionnaire: test, how: paired?.how ?? '', pairId: paired?.pairId ?? '', source: s.source, receivedAt: s.receivedAt, score: s.score, maxScore: s.maxScore, cells }
  })
  return { columns, rows, pairs }
}

export async function answersCsv(db: Db, sessionId: string): Promise<{ text: string; rows: number }> {
  const data = await dataset(db, sessionId)
  const lines = [['code', 'phase', 'group', 'session', 'how', 'pair_id', 'questionnaire', ...data.columns.map((c) => c.name)].join(',')]
  for (const r of data.rows) lines.push([r.code, r.phase, r.group, sessionId, r.how, r.pairId, r.questionnaire, ...r.cells].join(','))
  return { text: lines.join('\n') + '\n', rows: data.rows.length }
}

/** The session's released written answers (sorted, so their order says nothing), and how many still wait. */
async function comments(db: Db, sessionId: string, read?: Submission[]): Promise<{ rows: string[][]; waiting: number }> {
  const submissions = read ?? (await everyRound(db, sessionId))
  const reviews = await reviewsOf(db, [sessionId])
  const rows: string[][] = []
  const versions = new Map<string, Item[]>()
  for (const id of new Set(submissions.map((s) => s.questionnaireVersionId))) versions.set(id, textItemsOf(definitionOf((await q.findVersion(db, id))!)))
  let waiting = 0
  for (const s of submissions) {
    const items = versions.get(s.questionnaireVersionId)!
    const answers = answersOf(s)
    waiting += waitingTexts(items, { id: s.id, answers }, reviews).length
    for (const i of items) if (typeof answers[i.id] === 'string' && isReleased(reviews, s.id, i.id)) rows.push([s.phase, s.groupKind, i.id, answers[i.id] as string])
  }
  return { rows: rows.sort((a, b) => a.join('\u0000').localeCompare(b.join('\u0000'))), waiting }
}

/** What every column means, in both languages: the same table in the XLSX and as its own CSV. */
function codebook(columns: Column[], waiting: number, removed: { months: number } | undefined): string[][] {
  const answer = (i: Item) => (Array.isArray(i.answer) ? i.answer.join(' ') : (i.answer ?? ''))
  const fixed: [string, Bilingual][] = [
    ['code', { id: 'Kode rahasia peserta seperti ditulis (bagian-bagian dipisah "-")', en: 'Participant’s private code as written (parts joined by "-")' }],
    ['phase', { id: 'pre = sebelum kegiatan, post = sesudah', en: 'pre = before the activity, post = after' }],
    ['group', { id: 'Kelompok peserta', en: 'Participant group' }],
    ['session', { id: 'Id kegiatan di Jaga; kode hanya dipasangkan di dalam satu kegiatan', en: 'The session’s id in Jaga; codes pair only within one session' }],
    [
      'how',
      {
        id: 'Cara dipasangkan: exact = kode sama, tolerant = kode berbeda satu bagian (satu-satunya calon di kedua sisi), confirmed = dipasangkan oleh petugas; kosong = tanpa pasangan',
        en: 'How it was paired: exact = same code, tolerant = codes one part apart (the only candidate on both sides), confirmed = paired by staff; empty = no pair',
      },
    ],
    ['pair_id', { id: 'Sama pada baris sebelum dan sesudah satu pasangan (id jawaban sebelum); jaga analyze memasangkan menurut kolom ini', en: 'The same in the before and the after row of a pair (the before answer’s id); jaga analyze pairs by this column' }],
    [
      'questionnaire',
      {
        id: 'Kuesioner yang diisi baris ini; bila kelompok memakai kuesioner berbeda, nama kolom butir diawali nama kuesionernya dan kolom kuesioner lain dibiarkan kosong',
        en: 'The questionnaire this row answers; when groups take different questionnaires, item columns are named after their questionnaire too and the other questionnaires’ columns stay empty',
      },
    ],
    ['source', { id: 'phone = HP peserta, paper = diketik dari kertas, import = impor CSV', en: 'phone = participant’s phone, paper = typed from paper, import = CSV import' }],
    ['received_at', { id: 'Waktu diterima (UTC)', en: 'When received (UTC)' }],
    ['score', { id: 'Jumlah jawaban benar', en: 'Number of correct answers' }],
    ['max_score', { id: 'Jumlah butir yang dinilai', en: 'Number of scored items' }],
  ]
  return [
    ['column', 'meaning (id)', 'meaning (en)', 'correct answer', 'topic'],
    ...fixed.map(([c, m]) => [c, m.id, m.en, '', '']),
    ...columns.map(({ name, item: i }) =>
      i.kind === 'likert'
        ? [name, `1–5 = sangat tidak setuju … sangat setuju; kosong dihitung 3 (tengah), seperti di halaman hasil: ${i.label.id}`, `1–5 = strongly disagree … strongly agree; unanswered counts as 3 (the middle), as on the results page: ${i.label.en}`, '', i.topic ?? '']
        : [name, `1 = benar, 0 = salah atau tidak dijawab, sel kosong = tidak ditampilkan (lompatan pertanyaan): ${i.label.id}`, `1 = correct, 0 = wrong or unanswered, empty = not shown (skip logic): ${i.label.en}`, answer(i), i.topic ?? ''],
    ),
    [
      'comments',
      `Lembar "comments" di berkas XLSX: komentar tertulis peserta yang sudah dibaca dan dirilis, tanpa kode dan waktu. ${waiting} komentar masih menunggu ditinjau dan tidak dimuat.`,
      `The "comments" sheet of the XLSX file: participants' written comments that were read and released, without codes or times. ${waiting} ${waiting === 1 ? 'comment is' : 'comments are'} still waiting for review and left out.`,
      '',
      '',
    ],
    // The retention setting (retention.ts) removed raw answers: say so, or a reader takes the missing comments for none written.
    ...(removed
      ? [
          [
            'answers_removed',
            `Jawaban mentah peserta (komentar tertulis, isian "lainnya", angka dan tanggal) dihapus ${removed.months} bulan sesudah kegiatan sesuai pengaturan retensi; kode, skor dan pilihan jawaban yang dipakai hasil tetap disimpan.`,
            `Participants' raw answers (written comments, "other" texts, numbers and dates) were removed ${removed.months} ${removed.months === 1 ? 'month' : 'months'} after the session under the retention setting; codes, scores and the choices the results use are kept.`,
            '',
            '',
          ],
        ]
      : []),
  ]
}

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)

export async function codebookCsv(db: Db, sessionId: string): Promise<string> {
  const all = await everyRound(db, sessionId)
  const { columns } = await dataset(db, sessionId, prePost(all))
  return codebook(columns, (await comments(db, sessionId, all)).waiting, await findRemovalOf(db, sessionId)).map((r) => r.map(csvCell).join(',')).join('\n') + '\n'
}

/**
 * The XLSX written row by row with exceljs's streaming writer: the in-memory Workbook kept every cell
 * as an object and took 2.4–3.1 s for a session of 2,000 pairs (issue 17). Strings are written inline
 * (no shared-strings table) and without styles; what a reader gets back is the same.
 */
export async function answersXlsx(db: Db, sessionId: string): Promise<{ bytes: Buffer; rows: number }> {
  const all = await everyRound(db, sessionId)
  const data = await dataset(db, sessionId, prePost(all))
  const written = await comments(db, sessionId, all)
  const removed = await findRemovalOf(db, sessionId)
  const bytes = await streamedXlsx((book) => {
    // Each row is made as it is written, not all of them first (a second copy of every answer in memory).
    const sheet = <R>(name: string, header: string[], rows: Iterable<R>, cells: (row: R) => unknown[]) => {
      const s = book.addWorksheet(name)
      s.addRow(header).commit()
      for (const row of rows) s.addRow(cells(row)).commit()
      s.commit()
    }
    const same = (row: unknown[]) => row
    sheet('answers', ['code', 'phase', 'group', 'session', 'how', 'pair_id', 'questionnaire', 'source', 'received_at', 'score', 'max_score', ...data.columns.map((c) => c.name)], data.rows, (r) => [
      r.code,
      r.phase,
      r.group,
      sessionId,
      r.how || null,
      r.pairId || null,
      r.questionnaire,
      r.source,
      r.receivedAt,
      r.score,
      r.maxScore,
      ...r.cells.map((c) => (c === '' ? null : Number(c))),
    ])
    sheet('pairs', ['pair_id', 'how', 'pre_code', 'post_code', 'group', 'pre_score', 'post_score', 'max_score', 'change', 'normalised_gain'], data.pairs, (p) => [p.pairId, p.how, p.preCode, p.postCode, p.group, p.pre, p.post, p.max, p.post - p.pre, p.pre < p.max ? ((p.post * p.max) / p.postMax - p.pre) / (p.max - p.pre) : null])
    const [head, ...meanings] = codebook(data.columns, written.waiting, removed)
    sheet('codebook', head!, meanings, same)
    sheet('comments', ['phase', 'group', 'item', 'text'], written.rows, same)
  })
  return { bytes, rows: data.rows.length }
}
