#!/usr/bin/env node
import { loadEntry } from './entry.js'

const argv = process.argv.slice(2)
// `analyze` loads only what it needs, so a large file is not kept waiting by the database layer.
const { run } = await (argv[0] === 'analyze' ? loadEntry('analyze', 'src/cli/analyze-command.ts') : loadEntry('jaga', 'src/cli/jaga.ts'))
process.exitCode = await run(argv)
