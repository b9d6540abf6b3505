import esbuild from 'esbuild'

/**
 * Bundles a browser entry point (TypeScript) into one small minified script, at start-up.
 * `define` replaces build-time constants such as a release version.
 */
export function bundleBrowserScript(entry: string, define: Record<string, string> = {}): Uint8Array<ArrayBuffer> {
  const result = esbuild.buildSync({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2019', 'chrome80', 'safari13'],
    write: false,
    define,
    logLevel: 'silent',
  })
  return new Uint8Array(result.outputFiles[0]!.contents) as Uint8Array<ArrayBuffer>
}
