import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

// Browser scripts are bundled by `npm run build` (scripts/build.mjs, BROWSER_ENTRIES) into
// dist/browser/ with a manifest; a server running from dist/ reads them and never loads esbuild
// (its service process and worker thread cost ~40 MB of memory; issue 17). esbuild stays a dependency
// only because `npm ci --omit=dev` builds dist/ (the prepare script).
// Run from the TypeScript sources (tests, `npm run dev`), this module bundles them itself, with the
// same options as the build; src/build.test.ts checks both give the same bytes.

// The package root. In dist/ import.meta.dirname is rewritten to this source folder (scripts/build.mjs).
const ROOT = path.resolve(import.meta.dirname, '../../..')
// import.meta.url is not rewritten: compiled, it names a file in dist/ (or the test's build folder).
const COMPILED = !import.meta.url.endsWith('.ts')

export const BROWSER_BUILD_OPTIONS = {
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2019', 'chrome80', 'safari13'],
  logLevel: 'silent',
} as const

const bundled = new Map<string, Uint8Array<ArrayBuffer>>()
let manifest: { scripts: Record<string, string> } | undefined

/** The manifest key of an entry: its path from the package root, with forward slashes. */
export function browserEntryKey(entry: string): string {
  return path.relative(ROOT, entry).split(path.sep).join('/')
}

function prebuilt(entry: string): Uint8Array<ArrayBuffer> {
  const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'browser')
  manifest ??= JSON.parse(fs.readFileSync(path.join(folder, 'manifest.json'), 'utf8')) as { scripts: Record<string, string> }
  const file = manifest.scripts[browserEntryKey(entry)]
  if (!file) throw new Error(`${browserEntryKey(entry)} was not bundled by npm run build: add it to BROWSER_ENTRIES in scripts/build.mjs`)
  return new Uint8Array(fs.readFileSync(path.join(folder, file)))
}

function fromSource(entry: string): Uint8Array<ArrayBuffer> {
  // Required here, not imported at the top: the compiled server must not load esbuild at all.
  const esbuild = createRequire(import.meta.url)('esbuild') as typeof import('esbuild')
  const result = esbuild.buildSync({ ...BROWSER_BUILD_OPTIONS, target: [...BROWSER_BUILD_OPTIONS.target], entryPoints: [entry], write: false })
  return new Uint8Array(result.outputFiles[0]!.contents) as Uint8Array<ArrayBuffer>
}

/**
 * A browser entry point (TypeScript) as one small minified script: bundled at build time, or here
 * from source. `define` gives values known only at run time (a release version): each becomes a
 * `var` at the top of the script, which the bundle reads as a global of that name.
 */
export function bundleBrowserScript(entry: string, define: Record<string, string> = {}): Uint8Array<ArrayBuffer> {
  let code = bundled.get(entry)
  if (!code) {
    code = COMPILED ? prebuilt(entry) : fromSource(entry)
    bundled.set(entry, code)
  }
  const names = Object.keys(define)
  if (!names.length) return code
  for (const name of names) if (!/^[A-Za-z_$][\w$]*$/.test(name)) throw new Error(`not a name to define: ${name}`)
  const prelude = new TextEncoder().encode(`var ${names.map((n) => `${n}=${define[n]}`).join(',')};`)
  // After a leading "use strict"; directive, which counts only as the first statement of a script.
  const directive = new TextEncoder().encode('"use strict";')
  const at = directive.every((b, i) => code[i] === b) ? directive.length : 0
  const out = new Uint8Array(code.length + prelude.length)
  out.set(code.subarray(0, at), 0)
  out.set(prelude, at)
  out.set(code.subarray(at), at + prelude.length)
  return out
}
