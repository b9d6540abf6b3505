// `npm run build`: compiles src/ to plain JavaScript in dist/ so that `npm start` and `jaga` run
// without a TypeScript compiler at run time (docs/decisions/0009-production-build.md).
//   dist/server.js, dist/jaga.js, dist/analyze.js   one ES module per entry, shared code in dist/chunk-*.js
//   dist/dists.cjs                                  the @stdlib distributions, bundled (src/evaluation/dists.cjs)
//   dist/migrations/*.js                            each migration, same name as its .ts
//   dist/build-info.json                            when the build started and what it read, in all and for
//                                                   analyze (bin/entry.js runs an entry from dist/ only while
//                                                   none of what it was built from changed since)
//   dist/browser/*.js, dist/browser/manifest.json   the browser scripts, minified, and which source each came from
//                                                   (platform/http/browser-bundle.ts reads them; from source it
//                                                   bundles them itself, so esbuild is a development dependency)
// Other packages stay in node_modules (better-sqlite3 is native, pdfkit and the fonts read their own files).
import fs from 'node:fs'
import path from 'node:path'
import * as esbuild from 'esbuild'

const ROOT = path.resolve(import.meta.dirname, '..')

// Source files find migrations/, content/, static/ and their browser/ folders from
// import.meta.dirname (src/library/content.ts: '../../content'). In a bundle every module would get
// dist/, so each file's own folder is written in instead, relative to the package root, which is
// the bundle's parent folder (outputs are flat in dist/; the output folder is a child of the root).
const keepSourceFolders = {
  name: 'keep-source-folders',
  setup(build) {
    build.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      const text = await fs.promises.readFile(args.path, 'utf8')
      if (!text.includes('import.meta.dirname')) return undefined
      const folder = path.relative(ROOT, path.dirname(args.path)).split(path.sep).join('/')
      const contents = `import { join as __jagaJoin } from 'node:path';\n` + text.replaceAll('import.meta.dirname', `__jagaJoin(import.meta.dirname, '..', ${JSON.stringify(folder)})`)
      return { contents, loader: args.path.endsWith('x') ? 'tsx' : 'ts', resolveDir: path.dirname(args.path) }
    })
  },
}

// Every browser entry point a server registers (bundleBrowserScript): one missing here stops a compiled server at start.
const BROWSER_ENTRIES = [
  'src/platform/browser/keep-forms.ts',
  'src/library/browser/library.ts',
  'src/library/browser/sw.ts',
  'src/evaluation/browser/collect.ts',
  'src/evaluation/browser/form-logic-ui.ts',
  'src/evaluation/browser/live.ts',
  'src/evaluation/browser/paper.ts',
]
// The same options as BROWSER_BUILD_OPTIONS in src/platform/http/browser-bundle.ts (src/build.test.ts compares the bytes).
const browserOptions = { bundle: true, minify: true, format: 'iife', target: ['es2019', 'chrome80', 'safari13'], logLevel: 'silent' }

/** Bundles each browser entry into <dist>/browser/<slice>.<name>.js and writes the manifest; returns the inputs read. */
async function buildBrowserScripts(dist) {
  const folder = path.join(dist, 'browser')
  const scripts = {}
  const inputs = new Set()
  for (const entry of BROWSER_ENTRIES) {
    const file = `${path.relative('src', entry).replace(/\/browser\//, '.').replace(/[\\/]/g, '.').replace(/\.ts$/, '')}.js`
    const r = await esbuild.build({ ...browserOptions, entryPoints: [entry], outfile: path.join(folder, file), absWorkingDir: ROOT, metafile: true })
    for (const input of Object.keys(r.metafile.inputs)) inputs.add(input)
    scripts[entry] = file
  }
  fs.writeFileSync(path.join(folder, 'manifest.json'), JSON.stringify({ scripts }, null, 1) + '\n')
  return [...inputs]
}

const common = { bundle: true, format: 'esm', platform: 'node', target: 'node20', packages: 'external', sourcemap: true, metafile: true, logLevel: 'warning', plugins: [keepSourceFolders], absWorkingDir: ROOT }

/** Builds into `out`, a folder directly inside the package root (src/build.test.ts builds into its own). */
export async function build(out = 'dist') {
  const startedAt = Date.now()
  const DIST = path.resolve(ROOT, out)
  if (path.dirname(DIST) !== ROOT) throw new Error(`build: ${out} must be a folder directly inside ${ROOT}`)
  fs.rmSync(DIST, { recursive: true, force: true })
  const app = await esbuild.build({
    ...common,
    entryPoints: { server: 'src/main.ts', jaga: 'src/cli/jaga.ts', analyze: 'src/cli/analyze-command.ts' },
    outdir: DIST,
    splitting: true,
    chunkNames: 'chunk-[hash]',
  })
  // The @stdlib distributions statistics.ts requires on first use (./dists.cjs, next to the chunks), as one
  // file instead of ~430: a compiled `jaga analyze` no longer resolves and compiles them one by one.
  const dists = await esbuild.build({ ...common, plugins: [], packages: undefined, format: 'cjs', entryPoints: ['src/evaluation/dists.cjs'], outfile: path.join(DIST, 'dists.cjs') })
  const migrations = fs.readdirSync(path.join(ROOT, 'migrations')).filter((f) => /^\d{4}-\d{2}-\d{2}-.+\.ts$/.test(f)).sort()
  const migrated = await esbuild.build({ ...common, entryPoints: migrations.map((f) => `migrations/${f}`), outdir: path.join(DIST, 'migrations') })
  const browser = await buildBrowserScripts(DIST)
  const inputs = [...new Set([...Object.keys(app.metafile.inputs), ...Object.keys(dists.metafile.inputs), ...Object.keys(migrated.metafile.inputs), ...browser])].filter((f) => !f.startsWith('node_modules/')).sort()
  // What analyze.js was built from (its chunks and dists.cjs): `jaga analyze` runs compiled while only files
  // it does not use changed since the build (bin/entry.js). The server and the other commands check every input.
  const analyze = new Set(Object.keys(dists.metafile.inputs))
  const seen = new Set()
  const visit = (file) => {
    const output = app.metafile.outputs[file]
    if (!output || seen.has(file)) return
    seen.add(file)
    for (const input of Object.keys(output.inputs)) analyze.add(input)
    for (const i of output.imports) visit(i.path)
  }
  visit(path.relative(ROOT, path.join(DIST, 'analyze.js')).split(path.sep).join('/'))
  const entries = { analyze: [...analyze].filter((f) => !f.startsWith('node_modules/')).sort() }
  fs.writeFileSync(path.join(DIST, 'build-info.json'), JSON.stringify({ startedAt, inputs, migrations, entries }, null, 1) + '\n')
  return { ms: Date.now() - startedAt, inputs: inputs.length, migrations: migrations.length }
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const at = process.argv.indexOf('--out')
  const r = await build(at > 0 ? process.argv[at + 1] : undefined)
  process.stderr.write(`built ${at > 0 ? process.argv[at + 1] : 'dist'}/ from ${r.inputs} files (${r.migrations} migrations) in ${r.ms} ms\n`)
}
