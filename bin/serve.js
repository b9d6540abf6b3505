#!/usr/bin/env node
// Runs dist/server.js when `npm run build` made it from the current sources, else src/main.ts through
// tsx (see bin/entry.js and docs/decisions/0009-production-build.md).
import { loadEntry } from './entry.js'

const { main } = await loadEntry('server', 'src/main.ts')
await main()
