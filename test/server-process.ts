import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export const ROOT = path.resolve(import.meta.dirname, '..')

export interface ServerProcess {
  child: ChildProcess
  url: string
  /** The SQLite folder, when the server runs on SQLite. */
  dataDir: string | undefined
  /** Every JSON log line the server has written so far. */
  logs: () => Record<string, unknown>[]
  exited: Promise<number | null>
  stop: () => Promise<number | null>
}

/** The node options `npm start` passes before bin/serve.js (package.json), so tests start the server as it does. */
export const START_FLAGS: string[] = (() => {
  const start = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['start']!
  const words = start.split(' ')
  if (words[0] !== 'node' || words.at(-1) !== 'bin/serve.js') throw new Error(`package.json start is not "node [options] bin/serve.js": ${start}`)
  return words.slice(1, -1)
})()

/** Starts `node bin/serve.js` with the options `npm start` gives it, on a free port, and waits until it listens. */
export async function startServerProcess(env: NodeJS.ProcessEnv = {}, startTimeoutMs = 30_000): Promise<ServerProcess> {
  const dataDir = env.DATABASE_URL ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'jaga-srv-'))
  const child = spawn(process.execPath, [...START_FLAGS, path.join(ROOT, 'bin/serve.js')], {
    // The test machines run as root, which the server refuses without JAGA_ALLOW_ROOT=1 (operations-messages.ts).
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', JAGA_ALLOW_ROOT: '1', ...(dataDir ? { JAGA_DATA_DIR: dataDir } : {}), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  child.stdout!.on('data', (d) => (out += d))
  child.stderr!.on('data', (d) => (err += d))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const logs = () =>
    out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>)
  const started = Date.now()
  // The human line on stderr appears at every log level; the JSON 'listening' line only at info.
  const port = () => /running at http:\/\/localhost:(\d+)/.exec(err)?.[1]
  while (!port()) {
    if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}):\n${out}\n${err}`)
    if (Date.now() - started > startTimeoutMs) {
      // A server that never said it listens is still a process: it must not outlive the test.
      child.kill('SIGKILL')
      throw new Error(`server did not start in ${startTimeoutMs / 1000} s:\n${out}\n${err}`)
    }
    await new Promise((r) => setTimeout(r, 50))
  }
  const url = `http://127.0.0.1:${port()}`
  return {
    child,
    url,
    dataDir,
    logs,
    exited,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM')
      return exited
    },
  }
}
