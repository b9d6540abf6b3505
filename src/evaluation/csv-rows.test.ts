import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { eachRow, MAX_ROW_BYTES, RowReader, RowTooLongError } from './csv-rows.ts'
import { ScoreStore } from './score-store.ts'

interface Seen {
  line: number
  texts: string[]
  numbers: number[]
}

const read = (chunks: Uint8Array[]): Seen[] => {
  const seen: Seen[] = []
  const reader = new RowReader((row, line) => {
    const cells = Array.from({ length: row.count }, (_, i) => i)
    seen.push({ line, texts: cells.map((i) => row.text(i)), numbers: cells.map((i) => row.number(i)) })
  })
  for (const chunk of chunks) reader.push(chunk)
  reader.end()
  return seen
}
const readText = (text: string) => read([Buffer.from(text, 'utf8')])

/** The same bytes cut at every position into two chunks, and into chunks of 1, 2 and 7 bytes. */
const everySplit = (text: string): Uint8Array[][] => {
  const bytes = Buffer.from(text, 'utf8')
  const cuts = Array.from({ length: bytes.length + 1 }, (_, at) => [bytes.subarray(0, at), bytes.subarray(at)])
  const pieces = [1, 2, 7].map((size) => Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size)))
  return [...cuts, ...pieces]
}

describe('the byte-level CSV reader', () => {
  it('reads quoted cells with delimiters, doubled quotes and line breaks in them, naming the line each row starts on', () => {
    const text = 'code,phase,note,q1\n"A,1",pre,"said ""yes""\nthen left",1\nB,"post","",0\n'
    expect(readText(text)).toEqual([
      { line: 1, texts: ['code', 'phase', 'note', 'q1'], numbers: [NaN, NaN, NaN, NaN] },
      { line: 2, texts: ['A,1', 'pre', 'said "yes"\nthen left', '1'], numbers: [NaN, NaN, NaN, 1] },
      { line: 4, texts: ['B', 'post', '', '0'], numbers: [NaN, NaN, NaN, 0] },
    ])
  })

  it('gives the same cells as csv-parse on quoted files', () => {
    const text = 'code,phase,q1,q2\r\n"A","pre","1.5","2"\r\n"B ""x""",post,"a\r\nb",3\r\n"C",pre,,"-0.25"\r\n'
    const expected = (parse(text, { relax_column_count: true, skip_empty_lines: true }) as string[][]).map((r) => r.map((c) => c.trim()))
    expect(readText(text).map((r) => r.texts)).toEqual(expected)
  })

  it('reads CRLF line ends and a byte order mark as plain LF text, with the same numbers', () => {
    const lf = readText('code;phase;q1\nA;pre;1,5\nA;post;2\n')
    const crlf = readText('\ufeffcode;phase;q1\r\nA;pre;1,5\r\nA;post;2\r\n')
    expect(crlf).toEqual(lf)
    expect(crlf[0]!.texts[0]).toBe('code')
    expect(crlf[1]!.numbers[2]).toBe(1.5)
  })

  it('reads a missing value as empty text and NaN, a short row’s absent cells too, and skips blank lines', () => {
    const rows = readText('code,phase,q1,q2\nA,pre,, \n\n  \nB,post\n')
    expect(rows.map((r) => r.line)).toEqual([1, 2, 5])
    expect(rows[1]!.texts.slice(2)).toEqual(['', ''])
    expect(rows[1]!.numbers.slice(2)).toEqual([NaN, NaN])
    expect(rows[2]!.texts).toEqual(['B', 'post'])
  })

  it('reads numbers from the bytes exactly as Number() reads the text', () => {
    const cells = ['0', '-3', '+2', '0.1', '12.345', '1e3', ' 7 ', '007', '123456789012345678', '.5', '5.', '-0', 'x1', '٣']
    const [row] = readText(`${cells.map((c) => `"${c}"`).join(',')}\n${cells.join(',')}\n`).slice(1)
    const expected = cells.map((c) => (c.trim() === '' ? NaN : Number(c)))
    expect(row!.numbers).toEqual(expected)
    expect(readText(`${cells.map((c) => `"${c}"`).join(',')}\n`)[0]!.numbers).toEqual(expected)
  })

  it('gives the same rows wherever the chunks are cut, inside a quote, a CRLF or the byte order mark', () => {
    const text = '\ufeffcode,phase,group,q1\r\n"A,""1""",pre,"ibu\r\nbapak",1.5\r\nA,post,ibu,2\r\n\r\nB,pre,ké,\r\nB,post,"x"'
    const whole = readText(text)
    expect(whole).toHaveLength(5)
    for (const chunks of everySplit(text)) expect(read(chunks)).toEqual(whole)
  })

  it('refuses a row longer than the limit, such as an unclosed quote, naming the line it starts on', () => {
    const reader = new RowReader(() => {})
    reader.push(Buffer.from('code,phase,q1\nA,pre,"'))
    const filler = Buffer.alloc(64 << 10, 'a')
    let error: unknown
    try {
      for (let i = 0; i * filler.length <= MAX_ROW_BYTES + filler.length; i++) reader.push(filler)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(RowTooLongError)
    expect((error as RowTooLongError).line).toBe(2)
  })

  it('still reads a whole text through eachRow', () => {
    const lines: number[] = []
    eachRow('a,b\n1,2\n', (_, line) => lines.push(line))
    expect(lines).toEqual([1, 2])
  })
})

describe('the row passed to visit', () => {
  it('says a plain cell holds given bytes only when they are exactly its bytes, untrimmed, never for a quoted or absent cell', () => {
    const seen: boolean[][] = []
    eachRow('pre, pre,PRE,"pre",prex\n', (row) => {
      const pre = Buffer.from('pre')
      seen.push([0, 1, 2, 3, 4, 5].map((i) => row.is(i, pre)))
    })
    expect(seen).toEqual([[true, false, false, false, false, false]])
  })

  it('reads every cell of a row wider than its first allocation, each single digit as Number() reads it', () => {
    const cells = Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? String(i % 10) : i % 3 === 1 ? ` ${i % 10} ` : `${i}.5`))
    const [row] = readText(cells.join(',') + '\n')
    expect(row!.numbers).toEqual(cells.map((c) => Number(c)))
    expect(row!.texts).toEqual(cells.map((c) => c.trim()))
  })
})

describe('the score store', () => {
  it('gives rows as item columns, NaN where a question was not shown, the same before and after it widens', () => {
    const k = 3
    const scores = [1, 0, NaN, 5, -2, 1, 0, 0, 1]
    const store = new ScoreStore(1)
    store.reserve(scores.length)
    scores.forEach((x, i) => store.set(i, x))
    // Rows 1 and 0, cells 2 and 1 of each.
    const expected = [
      [1, NaN],
      [-2, 0],
    ]
    expect(store.columns([1, 0], k, [2, 1]).map((c) => [...c])).toEqual(expected)
    store.reserve(scores.length + 1)
    store.set(scores.length, 0.5)
    expect(store.columns([1, 0], k, [2, 1]).map((c) => [...c])).toEqual(expected)
    expect([...store.columns([2], k, [2])[0]!]).toEqual([1])
  })


  it('gives back every score it was given, small whole numbers, NaN, -0 and decimals, before and after it widens', () => {
    const scores = [0, 1, -127, 127, NaN, 5, -1]
    const store = new ScoreStore(2)
    scores.forEach((x, i) => {
      store.reserve(i + 1)
      store.set(i, x)
    })
    expect(scores.map((_, i) => store.get(i))).toEqual(scores)
    const wider = [...scores, 128, -128, -0, 0.5, 2.25]
    wider.slice(scores.length).forEach((x, i) => {
      store.reserve(scores.length + i + 1)
      store.set(scores.length + i, x)
    })
    const back = wider.map((_, i) => store.get(i))
    expect(back).toEqual(wider)
    expect(Object.is(back[scores.length + 2], -0)).toBe(true)
  })
})
