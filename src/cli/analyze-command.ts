// `jaga analyze FILE.csv [--json]`, kept apart from the rest of the CLI so that it starts without
// loading the database layer: on a large file the whole run is measured against R (bench/analyze.ts).
import fs from 'node:fs'
import { parseArgs } from 'node:util'
import { analyzeCsvChunks, CsvInputError } from '../evaluation/analyze-csv.ts'
import { formatAnalysis } from '../evaluation/analysis-text.ts'
import { catalogue, type MessageKey } from '../messages.ts'
import { createTranslator } from '../platform/i18n/i18n.ts'
import type { Io } from './io.ts'

/** A larger file is refused before reading: ~4 million pairs of 20 items. */
export const MAX_FILE_BYTES = 512 << 20
const CHUNK_BYTES = 1 << 20

export function runAnalyze(argv: string[], io: Pick<Io, 'stdout' | 'stderr' | 'env'>, maxBytes = MAX_FILE_BYTES): number {
  const t = createTranslator(catalogue, (io.env.LANG ?? '').startsWith('id') ? 'id' : 'en')
  const complain = (s: string) => io.stderr.write(`jaga: ${s}\n`)
  let files: string[]
  let json: boolean
  try {
    const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean' } } })
    files = positionals.slice(1)
    json = values.json ?? false
  } catch (e) {
    complain(`${(e as Error).message}\nRun "jaga --help" for usage.`)
    return 2
  }
  if (files.length !== 1) {
    complain('analyze takes one CSV file: jaga analyze FILE.csv [--json]')
    return 2
  }
  let fd: number
  try {
    fd = fs.openSync(files[0]!, 'r')
  } catch (e) {
    complain(`cannot read ${files[0]}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`)
    return 1
  }
  try {
    if (fs.fstatSync(fd).size > maxBytes) throw new CsvInputError([{ key: 'analyze.tooLarge', params: { limit: Math.floor(maxBytes / 2 ** 20) } }])
    // Read in chunks into one buffer: the file is never held whole, so memory grows with rows only.
    const result = analyzeCsvChunks((push) => {
      const chunk = Buffer.allocUnsafe(CHUNK_BYTES)
      let total = 0
      for (let n; (n = fs.readSync(fd, chunk, 0, CHUNK_BYTES, null)) > 0; ) {
        // A file that grew after the size check is refused too.
        if ((total += n) > maxBytes) throw new CsvInputError([{ key: 'analyze.tooLarge', params: { limit: Math.floor(maxBytes / 2 ** 20) } }])
        push(chunk.subarray(0, n))
      }
    })
    io.stdout.write(json ? JSON.stringify(result) + '\n' : formatAnalysis(result, t))
    return 0
  } catch (e) {
    if (!(e instanceof CsvInputError) && (e as NodeJS.ErrnoException).code) {
      complain(`cannot read ${files[0]}: ${(e as NodeJS.ErrnoException).code}`)
      return 1
    }
    if (!(e instanceof CsvInputError)) throw e
    for (const p of e.problems) complain(`${files[0]}: ${t(p.key as MessageKey, p.params)}`)
    return 1
  } finally {
    fs.closeSync(fd)
  }
}

export const run = (argv: string[]) => Promise.resolve(runAnalyze(argv, process))
