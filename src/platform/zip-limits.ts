// A zip archive (an .xlsx is one) checked before any library unpacks it. Spreadsheet libraries
// inflate every part in memory: an 870 KB upload once unpacked to 256 MB, took 50 s and 1.9 GB and
// stalled the whole server. This reads the central directory (sizes as declared), refuses what is too
// big or too compressible, and then inflates every entry with a hard output cap, because declared
// sizes are written by whoever made the file and a bomb can lie about them.
import { promisify } from 'node:util'
import { inflateRaw, type ZlibOptions } from 'node:zlib'

const MB = 1024 * 1024

/**
 * Why these numbers: an XLSForm of 5,000 rows with labels in two languages is 2–5 MB of XML once
 * unpacked, and exceljs needs ~11 bytes of heap per byte of XML (measured: 30 MB → 323 MB), so 20 MB
 * keeps a parse inside the worker's heap limit with room to spare. Excel writes a workbook in ~15
 * parts (one per sheet, style, theme…), so 2,000 entries is never a real spreadsheet. Spreadsheet XML
 * compresses 5–10 times (measured on exceljs output: 9.5), Excel's own files with empty styled rows up
 * to ~30; 100 times is what a bomb does, so above 1 MB an entry that expands more is refused.
 */
export const ZIP_LIMITS = {
  maxEntries: 2_000,
  maxEntryBytes: 20 * MB,
  maxTotalBytes: 20 * MB,
  maxRatio: 100,
  ratioFromBytes: 1 * MB,
}
export type ZipLimits = typeof ZIP_LIMITS

export type ZipRefusal =
  | { reason: 'not-zip' }
  /** Encrypted entries, ZIP64, split archives or a compression other than deflate: no spreadsheet needs them. */
  | { reason: 'unsupported'; name: string }
  | { reason: 'entries'; limit: number }
  | { reason: 'entry-size' | 'total-size'; name: string; limitMb: number }
  | { reason: 'ratio'; name: string; limit: number }
  /** An entry that inflates to more (or less) than its directory says. */
  | { reason: 'sizes-lie'; name: string }

interface Entry {
  name: string
  flags: number
  method: number
  compressed: number
  uncompressed: number
  localOffset: number
}

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50

/** The central directory as declared, or why it is refused; nothing is inflated yet. */
export function readZipDirectory(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): { entries: Entry[] } | ZipRefusal {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const u16 = (at: number) => view.getUint16(at, true)
  const u32 = (at: number) => view.getUint32(at, true)
  let eocd = -1
  // The end record is 22 bytes plus a comment of up to 65,535 bytes.
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === EOCD) {
      eocd = at
      break
    }
  }
  if (eocd < 0) return { reason: 'not-zip' }
  if (u16(eocd + 4) !== 0 || u16(eocd + 6) !== 0) return { reason: 'unsupported', name: '' }
  const count = u16(eocd + 10)
  const size = u32(eocd + 12)
  const offset = u32(eocd + 16)
  if (count === 0xffff || offset === 0xffffffff || size === 0xffffffff) return { reason: 'unsupported', name: '' }
  if (count > limits.maxEntries) return { reason: 'entries', limit: limits.maxEntries }
  const end = offset + size
  if (end > eocd) return { reason: 'not-zip' }
  const entries: Entry[] = []
  let total = 0
  let at = offset
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || u32(at) !== CENTRAL) return { reason: 'not-zip' }
    const nameLength = u16(at + 28)
    const next = at + 46 + nameLength + u16(at + 30) + u16(at + 32)
    if (next > end) return { reason: 'not-zip' }
    const entry: Entry = {
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)).slice(0, 100),
      flags: u16(at + 8),
      method: u16(at + 10),
      compressed: u32(at + 20),
      uncompressed: u32(at + 24),
      localOffset: u32(at + 42),
    }
    at = next
    const { name } = entry
    if (entry.flags & 1 || (entry.method !== 0 && entry.method !== 8) || entry.compressed === 0xffffffff || entry.uncompressed === 0xffffffff) return { reason: 'unsupported', name }
    if (entry.uncompressed > limits.maxEntryBytes) return { reason: 'entry-size', name, limitMb: limits.maxEntryBytes / MB }
    total += entry.uncompressed
    if (total > limits.maxTotalBytes) return { reason: 'total-size', name, limitMb: limits.maxTotalBytes / MB }
    if (entry.uncompressed > limits.ratioFromBytes && entry.uncompressed > limits.maxRatio * entry.compressed) return { reason: 'ratio', name, limit: limits.maxRatio }
    entries.push(entry)
  }
  return { entries }
}

const inflate = promisify<Uint8Array, ZlibOptions, Buffer>(inflateRaw)

/**
 * Why a zip must not be unpacked, or undefined when it may. Each entry is inflated with its declared
 * size as a hard cap (zlib throws past it), on libuv's thread pool so the server keeps answering;
 * at most maxTotalBytes are ever inflated, whatever the directory says.
 */
export async function findZipRefusal(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): Promise<ZipRefusal | undefined> {
  const directory = readZipDirectory(bytes, limits)
  if (!('entries' in directory)) return directory
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  for (const entry of directory.entries) {
    const at = entry.localOffset
    if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) return { reason: 'not-zip' }
    // The local header has its own name and extra-field lengths, which may differ from the directory's.
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true)
    if (start + entry.compressed > bytes.length) return { reason: 'not-zip' }
    const data = bytes.subarray(start, start + entry.compressed)
    if (entry.method === 0) {
      if (entry.compressed !== entry.uncompressed) return { reason: 'sizes-lie', name: entry.name }
      continue
    }
    let inflated: Buffer
    try {
      inflated = await inflate(data, { maxOutputLength: entry.uncompressed + 1 })
    } catch (e) {
      if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return { reason: 'sizes-lie', name: entry.name }
      return { reason: 'not-zip' }
    }
    if (inflated.length !== entry.uncompressed) return { reason: 'sizes-lie', name: entry.name }
  }
  return undefined
}
