// Chooses what bin/serve.js and bin/jaga.js run: the compiled dist/ (npm run build) when it is there
// and none of the files it was built from changed since; otherwise the TypeScript sources through
// tsx, which only a development install has. JAGA_RUN=source or JAGA_RUN=compiled forces one, the
// latter even when sources changed since the build (bench/startup.ts compares them).
import fs from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(import.meta.dirname, '..')

/**
 * Why dist/ cannot be run, or undefined when it is up to date. A few hundred stat calls: ~2 ms. For
 * the analyze entry only what it was built from counts (build-info.json lists it): `jaga analyze`
 * stays compiled while server files change, and needs no migrations.
 */
export function whyNotCompiled(root = ROOT, entry = undefined) {
  let info
  try {
    info = JSON.parse(fs.readFileSync(path.join(root, 'dist', 'build-info.json'), 'utf8'))
  } catch {
    return 'there is no dist/ (run: npm run build)'
  }
  const own = entry === 'analyze' ? info.entries?.analyze : undefined
  for (const file of own ?? info.inputs) {
    let stat
    try {
      stat = fs.statSync(path.join(root, file))
    } catch {
      return `${file} is gone since the build (run: npm run build)`
    }
    if (stat.mtimeMs > info.startedAt) return `${file} changed since the build (run: npm run build)`
  }
  if (own) return undefined
  const migrations = fs.readdirSync(path.join(root, 'migrations')).filter((f) => /^\d{4}-\d{2}-\d{2}-.+\.ts$/.test(f)).sort()
  if (migrations.join('\n') !== info.migrations.join('\n')) return 'migrations/ changed since the build (run: npm run build)'
  return undefined
}

/** Imports the entry `name` (server, jaga, analyze) from dist/, or its source file through tsx. */
export async function loadEntry(name, sourceFile) {
  const wanted = process.env.JAGA_RUN
  const compiled = path.join(ROOT, 'dist', `${name}.js`)
  if (wanted === 'compiled') {
    if (!fs.existsSync(compiled)) fail('JAGA_RUN=compiled, but there is no dist/ (run: npm run build)')
    return import(compiled)
  }
  const notCompiled = wanted === 'source' ? 'JAGA_RUN=source' : whyNotCompiled(ROOT, name)
  if (!notCompiled) return import(compiled)
  let register
  try {
    ;({ register } = await import('tsx/esm/api'))
  } catch {
    // A production install (npm ci --omit=dev) has no tsx: it runs only what `npm run build` made.
    fail(`cannot start: ${notCompiled}`)
  }
  register()
  return import(path.join(ROOT, sourceFile))
}

function fail(message) {
  process.stderr.write(`jaga: ${message}\n`)
  process.exit(1)
}
