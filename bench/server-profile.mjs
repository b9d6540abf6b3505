// Loaded into the server by `BENCH_PROFILE=<dir> npm run bench:ingest` (NODE_OPTIONS=--import; Node refuses
// --cpu-prof there): records a CPU profile from start to exit and writes it to <dir>/server-<pid>.cpuprofile,
// to open in Chrome's DevTools or read with bench/top-functions.
import fs from 'node:fs'
import inspector from 'node:inspector'
import path from 'node:path'

const session = new inspector.Session()
session.connect()
session.post('Profiler.enable')
session.post('Profiler.setSamplingInterval', { interval: 200 })
session.post('Profiler.start')
process.on('exit', () => {
  // The main thread's own session answers synchronously, so this runs to the end inside 'exit'.
  session.post('Profiler.stop', (error, result) => {
    if (error) return
    fs.mkdirSync(process.env.BENCH_PROFILE, { recursive: true })
    fs.writeFileSync(path.join(process.env.BENCH_PROFILE, `server-${process.pid}.cpuprofile`), JSON.stringify(result.profile))
  })
})
