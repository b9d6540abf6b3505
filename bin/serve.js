#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx (see docs/decisions/0001-stack.md).
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../src/main.ts')
await main()
