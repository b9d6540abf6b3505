import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyzeCsvFile } from '../evaluation/analyze-csv.ts'
import { runAnalyze } from './analyze-command.ts'

// The real command, as a user types it: `npx jaga analyze FILE.csv [--json]`.
const ROOT = path.resolve(import.meta.dirname, '../..')
const FIXTURE = path.join(ROOT, 'test/fixtures/analyze/knowledge-12.csv')
const jaga = (args: string[], lang = 'C') => spawnSync(process.execPath, ['bin/jaga.js', 'analyze', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LANG: lang } })

describe('jaga analyze', () => {
  it('prints one line of JSON with --json', () => {
    const r = jaga([FIXTURE, '--json'])
    expect(r.status).toBe(0)
    expect(r.stdout.trim().split('\n')).toHaveLength(1)
    const result = JSON.parse(r.stdout)
    expect(result).toMatchObject({ pairs: 12, unmatched: { pre: 0, post: 0 }, duplicate_codes: 0, items_count: 5, dichotomous: true })
    expect(result.score.wilcoxon.w_plus).toBe(58.5)
  })

  it('prints a readable table without --json, in Indonesian when LANG says so', () => {
    const en = jaga([FIXTURE])
    expect(en.status).toBe(0)
    expect(en.stdout).toContain('12 pre/post pairs; unmatched: 0 pre, 0 post')
    expect(en.stdout).toMatch(/paired t-test\s+t\(11\) = 2\.65, p 0\.023, d_z = 0\.76/)
    expect(en.stdout).toMatch(/normalised gain\s+0\.28 \(low\)/)
    const id = jaga([FIXTURE], 'id_ID.UTF-8')
    expect(id.stdout).toContain('12 pasangan pre/post')
    expect(id.stdout).toMatch(/uji-t berpasangan\s+t\(11\) = 2\.65/)
  })

  it('says which lines are wrong and exits 1; a missing file or argument is an error too', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jaga-analyze-'))
    const bad = path.join(dir, 'bad.csv')
    fs.writeFileSync(bad, 'code,phase,q1\nA,pre,1\nA,sesudah,1\n')
    const r = jaga([bad, '--json'])
    expect(r.status).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain('line 3: phase "sesudah" must be pre/pretest or post/posttest')
    expect(jaga([path.join(dir, 'none.csv')]).stderr).toContain('cannot read')
    expect(jaga([path.join(dir, 'none.csv')]).status).toBe(1)
    expect(jaga([]).status).toBe(2)
  })
})

describe('jaga analyze on large files', () => {
  const inProcess = (file: string, maxBytes?: number) => {
    let stdout = ''
    let stderr = ''
    const io = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env: { LANG: 'C' } }
    const status = runAnalyze(['analyze', file, '--json'], io as never, maxBytes)
    return { status, stdout, stderr }
  }

  it('reads a file of several chunks, quoted cells and CRLF across their seams, as the same text read whole', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jaga-analyze-'))
    const rows = ['\ufeffcode,phase,group,q1,q2']
    for (let i = 0; i < 40_000; i++) {
      const group = i % 3 ? 'ibu' : '"guru, ""SD""\r\nkelas 1"'
      rows.push(`"c${i}",pre,${group},${i % 2},${i % 5}`, `C${i} ,post,${group},1,"${(i % 7) / 2}"`)
    }
    const text = rows.join('\r\n') + '\r\n'
    fs.writeFileSync(path.join(dir, 'big.csv'), text)
    const r = inProcess(path.join(dir, 'big.csv'))
    expect(r.stderr).toBe('')
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(analyzeCsvFile(text))))
    expect(JSON.parse(r.stdout)).toMatchObject({ pairs: rows.length / 2 - 0.5, duplicate_codes: 0, groups: { ibu: {}, 'guru, "SD"\r\nkelas 1': {} } })
  })

  it('refuses a file over the size limit before reading it, and names the limit in the reader’s language', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jaga-analyze-'))
    const file = path.join(dir, 'big.csv')
    fs.writeFileSync(file, 'code,phase,q1\n' + 'A,pre,1\nA,post,1\n'.repeat(70_000))
    const r = inProcess(file, 2 ** 20)
    expect(r.status).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain('the file is larger than 1 MB')
    expect(inProcess(file, 2 * 2 ** 20).status).toBe(0)
  })

  it('says on which line a row runs on without end (an unclosed quote)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jaga-analyze-'))
    const file = path.join(dir, 'open.csv')
    fs.writeFileSync(file, 'code,phase,q1\nA,pre,1\nA,post,"1\n' + 'B,pre,1\n'.repeat(200_000))
    const r = inProcess(file)
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('line 3: a row longer than 1,024 KB (a quote left open?)')
  })
})

describe('the analyze command’s imports', () => {
  it('imports nothing from jaga.ts, which imports it (no import circle)', () => {
    const source = fs.readFileSync(path.join(ROOT, 'src/cli/analyze-command.ts'), 'utf8')
    const imports = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1])
    expect(imports).not.toContain('./jaga.ts')
    expect(imports).toContain('./io.ts')
  })
})
