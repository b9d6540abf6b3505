// `jaga analyze FILE.csv [--json]`, kept apart from the rest of the CLI so that it starts without
// loading the database layer: on a large file the whole run is measured against R (bench/analyze.ts).
import fs from 'node:fs'
import { parseArgs } from 'node:util'
import { analyzeCsvFile, CsvInputError } from '../evaluation/analyze-csv.ts'
import { formatAnalysis } from '../evaluation/analysis-text.ts'
import { catalogue, type MessageKey } from '../messages.ts'
import { createTranslator } from '../platform/i18n/i18n.ts'
import type { Io } from './io.ts'

export function runAnalyze(argv: string[], io: Pick<Io, 'stdout' | 'stderr' | 'env'>): number {
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
  let text: string
  try {
    text = fs.readFileSync(files[0]!, 'utf8')
  } catch (e) {
    complain(`cannot read ${files[0]}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`)
    return 1
  }
  try {
    const result = analyzeCsvFile(text)
    io.stdout.write(json ? JSON.stringify(result) + '\n' : formatAnalysis(result, t))
    return 0
  } catch (e) {
    if (!(e instanceof CsvInputError)) throw e
    for (const p of e.problems) complain(`${files[0]}: ${t(p.key as MessageKey, p.params)}`)
    return 1
  }
}

export const run = (argv: string[]) => Promise.resolve(runAnalyze(argv, process))
