// Big libraries a server may never need are loaded on first use, not at start: exceljs (XLSX exports
// and XLSForms, 20–26 MB of an idle server's memory), pdfkit and its fontkit (PDFs, ~25 MB). Checked in
// a fresh process, since this test process has loaded them for other tests.
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = path.resolve(import.meta.dirname, '..')
const PROBE = `
import { createRequire } from 'node:module'
await import(${JSON.stringify(path.join(ROOT, 'src/app.ts'))})
const cache = createRequire(import.meta.url).cache
console.log(JSON.stringify(['exceljs', 'pdfkit', 'fontkit'].filter((m) => Object.keys(cache).some((k) => k.includes('/node_modules/' + m + '/')))))
`

describe('what a server loads at start', () => {
  it('leaves exceljs, pdfkit and fontkit unloaded until they are first used', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', PROBE], { cwd: ROOT, encoding: 'utf8' })
    expect(JSON.parse(out.trim().split('\n').at(-1)!)).toEqual([])
  })
})
