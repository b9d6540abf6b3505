import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import type { Context } from 'hono'

export const STATIC_DIR = path.resolve(import.meta.dirname, '../../../static')

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
}

interface Asset {
  type: string
  body: Uint8Array<ArrayBuffer>
  gzip: Uint8Array<ArrayBuffer>
  version: string
}

// The few static files are read and compressed once at start-up; their content hash goes into
// their URL, so browsers may keep them for a year and still see every change.
const assets = new Map<string, Asset>()
for (const name of fs.existsSync(STATIC_DIR) ? fs.readdirSync(STATIC_DIR) : []) {
  const type = TYPES[path.extname(name)]
  if (!type) continue
  const body = new Uint8Array(fs.readFileSync(path.join(STATIC_DIR, name)))
  assets.set(name, {
    type,
    body,
    gzip: new Uint8Array(zlib.gzipSync(body, { level: 9 })),
    version: crypto.createHash('sha256').update(body).digest('hex').slice(0, 10),
  })
}

/** Adds a file made at start-up (a bundled script) to the static files. */
export function registerAsset(name: string, body: Uint8Array<ArrayBuffer>): void {
  const type = TYPES[path.extname(name)]
  if (!type) throw new Error(`No content type for ${name}`)
  assets.set(name, {
    type,
    body,
    gzip: new Uint8Array(zlib.gzipSync(body, { level: 9 })),
    version: crypto.createHash('sha256').update(body).digest('hex').slice(0, 10),
  })
}

/** The content hash of every static file, for a release version that changes when any of them does. */
export function assetVersions(): string[] {
  return [...assets].map(([name, a]) => `${name}:${a.version}`).sort()
}

export function assetUrl(name: string): string {
  const asset = assets.get(name)
  if (!asset) throw new Error(`No static file named ${name} in ${STATIC_DIR}`)
  return `/static/${name}?v=${asset.version}`
}

export function serveAsset(c: Context): Response {
  const asset = assets.get(c.req.param('name') ?? '')
  if (!asset) return c.text('Not found', 404)
  const versioned = c.req.query('v') === asset.version
  const headers: Record<string, string> = {
    'Content-Type': asset.type,
    'Cache-Control': versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
    ETag: `"${asset.version}"`,
    Vary: 'Accept-Encoding',
  }
  if (c.req.header('If-None-Match') === `"${asset.version}"`) return new Response(null, { status: 304, headers })
  // Images are compressed already; gzip helps text only.
  const gz = !asset.type.startsWith('image/png') && /\bgzip\b/.test(c.req.header('Accept-Encoding') ?? '')
  if (gz) headers['Content-Encoding'] = 'gzip'
  return new Response(gz ? asset.gzip : asset.body, { status: 200, headers })
}
