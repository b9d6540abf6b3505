import { Worker } from 'node:worker_threads'

// SQLite in WAL mode copies the log back into the database file (a checkpoint) every 1,000 pages by
// default, inside whichever write crosses the mark, fsync included, on the server's only thread. Here
// a worker thread with its own connection checkpoints twice a second in PASSIVE mode, which never
// blocks the writers, and the server's connection stops checkpointing by itself. Measured with
// bench/ingest.ts: ~5% more submissions a second (2,022–2,094 → 2,145–2,229); the p99 (~400 ms)
// did not change, so the stalls behind it are something else.
//
// PASSIVE alone never lets the log start over under a steady flood: the server's connection restarts
// the log at its beginning only when every frame was copied back, and new frames always arrive while
// a checkpoint runs, so the -wal file grew without end (294 MB in 15 s of bench/ingest.ts). Once it is
// past walLimit bytes, a RESTART follows the PASSIVE one: with the log just copied it has only the last
// frames left to copy while it holds the writers back, and the next write starts the log over
// (journal_size_limit on the server's connection, connect.ts, then trims the file). Test stream of
// 10,000 one-row writes (checkpointer.test.ts, load 15): largest -wal ~26-46 MB with PASSIVE alone,
// ~3 MB with a 256 KB limit.
const WORKER = `
const fs = require('node:fs')
const { workerData, parentPort } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.file)
db.pragma('busy_timeout = 1000')
const walSize = () => { try { return fs.statSync(workerData.file + '-wal').size } catch { return 0 } }
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)')
    if (walSize() > workerData.walLimit) db.pragma('wal_checkpoint(RESTART)')
  } catch {}
}, workerData.everyMs)
parentPort.once('message', () => { clearInterval(timer); db.close(); parentPort.close() })
`

/** The -wal file size past which the checkpointer lets the log start over; also the server connection's journal_size_limit. */
export const WAL_LIMIT_BYTES = 32 * 1024 * 1024

export interface Checkpointer {
  stop(): Promise<void>
}

export function startCheckpointer(file: string, driver: string, everyMs = 500, walLimit = WAL_LIMIT_BYTES): Checkpointer {
  const worker = new Worker(WORKER, { eval: true, workerData: { file, driver, everyMs, walLimit } })
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
