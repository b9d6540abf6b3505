// Runs the `jaga` command in the test's own process, as the CLI tests do, and collects what it writes.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PassThrough, Readable } from 'node:stream'
import { afterAll, beforeAll } from 'vitest'
import { run, type Io } from '../src/cli/jaga.ts'
import { freshDatabase, type TestDb } from './harness.ts'

export interface CliResult {
  code: number
  out: string
  err: string
}

/** Runs `jaga args…` with this environment and standard input; its exit code, standard output and standard error. */
export async function runJaga(args: string[], env: NodeJS.ProcessEnv, stdin = ''): Promise<CliResult> {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  let out = ''
  let err = ''
  stdout.on('data', (d) => (out += d))
  stderr.on('data', (d) => (err += d))
  const io: Io = { stdin: Readable.from([stdin]), stdout, stderr, env }
  const code = await run(args, io)
  return { code, out, err }
}

/** The command's environment for a test database: PostgreSQL's URL, or for SQLite a data folder of its own (a real file, as the server uses). */
export const cliEnvOf = (testDb: TestDb): NodeJS.ProcessEnv =>
  testDb.url ? { DATABASE_URL: testDb.url, LANG: 'C' } : { JAGA_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'jaga-cli-')), LANG: 'C' }

/** A fresh database for this test file, dropped after it, and the command's environment for it (`env` is set before the tests run). */
export function useCliDatabase(): { env: NodeJS.ProcessEnv } {
  const cli = { env: {} as NodeJS.ProcessEnv }
  let testDb: TestDb | undefined
  beforeAll(async () => {
    testDb = await freshDatabase()
    cli.env = cliEnvOf(testDb)
  })
  afterAll(async () => {
    await testDb?.drop()
  })
  return cli
}
