import { spawn, spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { whyNotCompiled } from '../bin/entry.js'
import { dialect, freshDatabase, type TestDb } from '../test/harness.ts'
import { analyzeCsvFile } from './evaluation/analyze-csv.ts'
import { bundleBrowserScript } from './platform/http/browser-bundle.ts'

const ROOT = path.resolve(import.meta.dirname, '..')
// Its own output folder (a child of the package root, as dist/ is), so a server running from dist/ is left alone.
const OUT = `dist-test-${crypto.randomBytes(4).toString('hex')}`
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jaga-build-'))

/**
 * Plain Node, no loader: what the compiled code needs at run time is what a production install has.
 * The script goes in a file: with `--input-type=module -e` the server's eval'd CommonJS workers would be read as ES modules.
 */
let scripts = 0
const node = (script: string, env: Record<string, string> = {}) => {
  const file = path.join(tmp, `run-${++scripts}.mjs`)
  fs.writeFileSync(file, script)
  // JAGA_ALLOW_ROOT: the test machines run as root, which the server otherwise refuses.
  return spawn(process.execPath, [file], { cwd: tmp, env: { ...process.env, JAGA_ALLOW_ROOT: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
}

function output(child: ReturnType<typeof node>): Promise<{ code: number | null; out: string; err: string }> {
  let out = ''
  let err = ''
  child.stdout!.on('data', (d) => (out += d))
  child.stderr!.on('data', (d) => (err += d))
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out, err })))
}

const readOr = (file: string) => {
  try {
    return fs.readFileSync(file, 'utf8')
  } catch {
    return ''
  }
}

describe('the production build', () => {
  let testDb: TestDb | undefined
  beforeAll(() => {
    const r = spawnSync(process.execPath, ['scripts/build.mjs', '--out', OUT], { cwd: ROOT, encoding: 'utf8' })
    expect(r.stderr).toContain(`built ${OUT}/`)
    expect(r.status).toBe(0)
  }, 60_000)
  afterAll(async () => {
    await testDb?.drop()
    fs.rmSync(path.join(ROOT, OUT), { recursive: true, force: true })
    fs.rmSync(tmp, { recursive: true, force: true })
  })

  it('runs the server without TypeScript: migrations, library pages, browser scripts, static files and a PDF handout', async () => {
    // On PostgreSQL the database was migrated from source first: the compiled migrations must carry the same names.
    testDb = dialect === 'postgres' ? await freshDatabase() : undefined
    const env = { PORT: '0', HOST: '127.0.0.1', JAGA_RUN: '', ...(testDb?.url ? { DATABASE_URL: testDb.url } : { JAGA_DATA_DIR: path.join(tmp, 'data') }) }
    const child = node(`const { main } = await import(${JSON.stringify(path.join(ROOT, OUT, 'server.js'))}); await main()`, env)
    const done = new Promise((resolve) => child.on('exit', resolve))
    let err = ''
    let out = ''
    child.stderr!.on('data', (d) => (err += d))
    child.stdout!.on('data', (d) => (out += d))
    try {
      const started = Date.now()
      while (!/running at http:\/\/localhost:(\d+)/.test(err)) {
        if (child.exitCode !== null || Date.now() - started > 45_000) throw new Error(`no start:\n${out}\n${err}`)
        await new Promise((r) => setTimeout(r, 50))
      }
      const base = `http://127.0.0.1:${/running at http:\/\/localhost:(\d+)/.exec(err)![1]}`
      const ready = JSON.parse(out.split('\n').find((l) => l.includes('"database ready"'))!) as { migrationsApplied: string[] }
      const shipped = fs.readdirSync(path.join(ROOT, 'migrations')).filter((f) => /^\d{4}-.+\.ts$/.test(f))
      expect(ready.migrationsApplied).toHaveLength(dialect === 'postgres' ? 0 : shipped.length)
      expect((await fetch(`${base}/healthz`)).status).toBe(200)
      const page = await fetch(`${base}/id/pustaka`)
      expect(page.status).toBe(200)
      const html = await page.text()
      const script = /src="(\/static\/library\.js[^"]*)"/.exec(html)?.[1]
      expect(script).toBeDefined()
      const js = await fetch(base + script)
      expect(js.status).toBe(200)
      expect((await js.text()).length).toBeGreaterThan(500)
      expect((await fetch(`${base}/static/app.css`)).status).toBe(200)
      const pdf = await fetch(`${base}/id/pustaka/brosur/parents.pdf`)
      expect(pdf.status).toBe(200)
      expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe('%PDF-')
    } finally {
      child.kill('SIGTERM')
      await done
    }
  }, 90_000)

  it('serves the browser scripts built by npm run build, the same bytes as bundled from source, and never loads or spawns esbuild', async () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, OUT, 'browser', 'manifest.json'), 'utf8')) as { scripts: Record<string, string> }
    expect(Object.keys(manifest.scripts)).toContain('src/library/browser/sw.ts')
    for (const [entry, file] of Object.entries(manifest.scripts)) {
      const built = fs.readFileSync(path.join(ROOT, OUT, 'browser', file))
      expect(Buffer.from(bundleBrowserScript(path.join(ROOT, entry))).equals(built), entry).toBe(true)
    }
    // Written when the server exits: every CommonJS module it loaded (an ES import of esbuild lands here too).
    const loaded = path.join(tmp, 'loaded.json')
    const watch = path.join(tmp, 'watch-modules.cjs')
    fs.writeFileSync(watch, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(loaded)}, JSON.stringify(Object.keys(require.cache))))\n`)
    const start = path.join(tmp, 'start-compiled.mjs')
    fs.writeFileSync(start, `const { main } = await import(${JSON.stringify(path.join(ROOT, OUT, 'server.js'))}); await main()\n`)
    const child = spawn(process.execPath, ['--require', watch, start], {
      cwd: tmp,
      env: { ...process.env, JAGA_ALLOW_ROOT: '1', PORT: '0', HOST: '127.0.0.1', JAGA_DATA_DIR: path.join(tmp, 'data-esbuild') },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    const done = new Promise((resolve) => child.on('exit', resolve))
    let err = ''
    child.stderr!.on('data', (d) => (err += d))
    try {
      const started = Date.now()
      while (!/running at http:\/\/localhost:(\d+)/.test(err)) {
        if (child.exitCode !== null || Date.now() - started > 45_000) throw new Error(`no start:\n${err}`)
        await new Promise((r) => setTimeout(r, 50))
      }
      const base = `http://127.0.0.1:${/running at http:\/\/localhost:(\d+)/.exec(err)![1]}`
      const html = await (await fetch(`${base}/id/pustaka`)).text()
      const script = /src="(\/static\/library\.js[^"]*)"/.exec(html)![1]!
      const served = Buffer.from(await (await fetch(base + script)).arrayBuffer())
      expect(served.equals(fs.readFileSync(path.join(ROOT, OUT, 'browser', manifest.scripts['src/library/browser/library.ts']!)))).toBe(true)
      // The run-time values of the service worker come first, after the strict-mode directive.
      const sw = await (await fetch(`${base}/sw.js`)).text()
      expect(sw).toMatch(/^"use strict";var __JAGA_VERSION__="[0-9a-f]{12}",/)
      // No child process at all (esbuild's service was one, started by the first bundle).
      const children = fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p) && Number(readOr(`/proc/${p}/stat`).replace(/^.*\) /s, '').split(' ')[1]) === child.pid)
      expect(children).toEqual([])
    } finally {
      child.kill('SIGTERM')
      await done
    }
    const modules = JSON.parse(fs.readFileSync(loaded, 'utf8')) as string[]
    expect(modules.some((m) => m.includes(`${path.sep}node_modules${path.sep}better-sqlite3${path.sep}`))).toBe(true)
    expect(modules.filter((m) => /[\\/]node_modules[\\/](@esbuild|esbuild)[\\/]/.test(m))).toEqual([])
  }, 90_000)

  it('runs the jaga command without TypeScript: help, and analyze on a small file', async () => {
    const csv = path.join(tmp, 'tiny.csv')
    fs.writeFileSync(csv, 'code,phase,q1\nAB12,pre,0\nAB12,post,1\nCD34,pre,0\nCD34,post,1\n')
    const help = await output(node(`const { run } = await import(${JSON.stringify(path.join(ROOT, OUT, 'jaga.js'))}); process.exitCode = await run(['--help'])`))
    expect(help.code).toBe(0)
    expect(help.out).toContain('jaga migrate')
    const analyzed = await output(node(`const { run } = await import(${JSON.stringify(path.join(ROOT, OUT, 'analyze.js'))}); process.exitCode = await run(['analyze', ${JSON.stringify(csv)}, '--json'])`))
    expect(analyzed.err).toBe('')
    expect(analyzed.code).toBe(0)
    expect(JSON.parse(analyzed.out)).toMatchObject({ pairs: 2, items_count: 1 })
  }, 60_000)

  it('bundles the @stdlib distributions into one file: compiled analyze reads none of node_modules/@stdlib and gives the same p-values', async () => {
    const text = 'code,phase,q1,q2\nA,pre,0,1\nA,post,1,1\nB,pre,0,0\nB,post,1,0\nC,pre,1,0\nC,post,1,1\nD,pre,0,1\nD,post,0,1\n'
    const csv = path.join(tmp, 'four.csv')
    fs.writeFileSync(csv, text)
    const script = `import { createRequire } from 'node:module'
      const { run } = await import(${JSON.stringify(path.join(ROOT, OUT, 'analyze.js'))})
      process.exitCode = await run(['analyze', ${JSON.stringify(csv)}, '--json'])
      const loaded = Object.keys(createRequire(import.meta.url).cache)
      process.stderr.write(JSON.stringify({ stdlib: loaded.filter((f) => f.includes('@stdlib')), dists: loaded.filter((f) => f.endsWith('dists.cjs')) }))`
    const analyzed = await output(node(script))
    expect(analyzed.code).toBe(0)
    expect(JSON.parse(analyzed.err)).toEqual({ stdlib: [], dists: [path.join(ROOT, OUT, 'dists.cjs')] })
    expect(JSON.parse(analyzed.out)).toEqual(JSON.parse(JSON.stringify(analyzeCsvFile(text))))
  }, 60_000)
})

describe('choosing compiled or source code at start', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jaga-entry-'))
  const write = (file: string, text: string, mtimeMs: number) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
    fs.writeFileSync(path.join(root, file), text)
    fs.utimesSync(path.join(root, file), mtimeMs / 1000, mtimeMs / 1000)
  }
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

  it('runs dist/ only while no file it was built from changed, moved away, or a migration was added', () => {
    const builtAt = Date.now() - 60_000
    expect(whyNotCompiled(root)).toBe('there is no dist/ (run: npm run build)')
    write('src/main.ts', 'export {}', builtAt - 1000)
    write('migrations/2026-01-01-01-first.ts', 'export {}', builtAt - 1000)
    write('dist/build-info.json', JSON.stringify({ startedAt: builtAt, inputs: ['src/main.ts', 'migrations/2026-01-01-01-first.ts'], migrations: ['2026-01-01-01-first.ts'] }), builtAt)
    expect(whyNotCompiled(root)).toBeUndefined()
    write('src/main.ts', 'export const changed = 1', Date.now())
    expect(whyNotCompiled(root)).toContain('src/main.ts changed since the build')
    write('src/main.ts', 'export {}', builtAt - 1000)
    write('migrations/2026-01-02-01-second.ts', 'export {}', builtAt - 1000)
    expect(whyNotCompiled(root)).toContain('migrations/ changed since the build')
    fs.rmSync(path.join(root, 'migrations/2026-01-02-01-second.ts'))
    fs.rmSync(path.join(root, 'src/main.ts'))
    expect(whyNotCompiled(root)).toContain('src/main.ts is gone since the build')
  })

  it('runs analyze from dist/ while only files it was not built from changed, migrations included, and not once one of its own did', () => {
    const builtAt = Date.now() - 60_000
    write('src/main.ts', 'export {}', builtAt - 1000)
    write('src/cli/analyze-command.ts', 'export {}', builtAt - 1000)
    write('migrations/2026-01-01-01-first.ts', 'export {}', builtAt - 1000)
    const inputs = ['migrations/2026-01-01-01-first.ts', 'src/cli/analyze-command.ts', 'src/main.ts']
    write('dist/build-info.json', JSON.stringify({ startedAt: builtAt, inputs, migrations: ['2026-01-01-01-first.ts'], entries: { analyze: ['src/cli/analyze-command.ts'] } }), builtAt)
    write('src/main.ts', 'export const changed = 1', Date.now())
    write('migrations/2026-01-02-01-second.ts', 'export {}', builtAt - 1000)
    expect(whyNotCompiled(root, 'analyze')).toBeUndefined()
    expect(whyNotCompiled(root, 'jaga')).toContain('src/main.ts changed since the build')
    expect(whyNotCompiled(root)).toContain('src/main.ts changed since the build')
    write('src/cli/analyze-command.ts', 'export const changed = 1', Date.now())
    expect(whyNotCompiled(root, 'analyze')).toContain('src/cli/analyze-command.ts changed since the build')
  })
})
