import { Worker } from 'node:worker_threads'

// SQLite in WAL mode copies the log back into the database file (a checkpoint) every 1,000 pages by
// default, inside whichever write crosses the mark, fsync included, on the server's only thread. Here
// a worker thread with its own connection checkpoints twice a second in PASSIVE mode, which never
// blocks the writers, and the server's connection stops checkpointing by itself. Measured with
// bench/ingest.ts: ~5% more submissions a second (2,022–2,094 → 2,145–2,229); the p99 (~400 ms)
// did not change, so the stalls behind it are something else.
const WORKER = `
const { workerData, parentPort } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.file)
db.pragma('busy_timeout = 1000')
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)') } catch {}
}, workerData.everyMs)
parentPort.once('message', () => { clearInterval(timer); db.close(); parentPort.close() })
`

export interface Checkpointer {
  stop(): Promise<void>
}

export function startCheckpointer(file: string, driver: string, everyMs = 500): Checkpointer {
  const worker = new Worker(WORKER, { eval: true, workerData: { file, driver, everyMs } })
  worker.unref()
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        // Unref'd so it never keeps the process alive; while stopping it must, or the process ends first.
        worker.ref()
        worker.once('exit', () => resolve())
        worker.postMessage('stop')
      }),
  }
}
