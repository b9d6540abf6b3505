#!/usr/bin/env node
import { register } from 'tsx/esm/api'

register()
const argv = process.argv.slice(2)
// `analyze` loads only what it needs, so a large file is not kept waiting by the database layer.
const { run } = await import(argv[0] === 'analyze' ? '../src/cli/analyze-command.ts' : '../src/cli/jaga.ts')
process.exitCode = await run(argv)
