import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

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

describe('the analyze command’s imports', () => {
  it('imports nothing from jaga.ts, which imports it (no import circle)', () => {
    const source = fs.readFileSync(path.join(ROOT, 'src/cli/analyze-command.ts'), 'utf8')
    const imports = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1])
    expect(imports).not.toContain('./jaga.ts')
    expect(imports).toContain('./io.ts')
  })
})
