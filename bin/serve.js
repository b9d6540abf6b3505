#!/usr/bin/env node
// Runs dist/server.js when `npm run build` made it from the current sources, else src/main.ts through
// tsx (see bin/entry.js and docs/decisions/0009-production-build.md).
// Production starts it as `node --max-semi-space-size=4 bin/serve.js` (deploy/jaga.service; `npm start` and
// `npm run demo` too): a V8 option must be on node's command line (here it is too late), and it saves ~22 MB
// resident at idle, measured by `BENCH_COMPARE_FLAGS=1 npm run bench:memory`, with no measurable CPU cost
// rendering every public page.
import { loadEntry } from './entry.js'

const { main } = await loadEntry('server', 'src/main.ts')
await main()
