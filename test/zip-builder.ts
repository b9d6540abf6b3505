import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib'
import { readZipDirectory } from '../src/platform/zip-limits.ts'

export interface ZipPart {
  name: string
  /** The bytes stored: deflated unless method is 0. */
  stored: Uint8Array
  /** What the entry holds once inflated (for the CRC and, unless declared, the size). */
  size: number
  crc: number
  method?: 0 | 8
  flags?: number
  /** The uncompressed size the directory claims, when it should lie. */
  declaredSize?: number
}

export const part = (name: string, content: Uint8Array | string): ZipPart => {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content
  return { name, stored: deflateRawSync(bytes), size: bytes.length, crc: crc32(bytes) }
}

/** A zip archive written byte by byte, so a test can make one that lies about its sizes. */
export function zip(parts: ZipPart[]): Uint8Array {
  const chunks: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const p of parts) {
    const name = Buffer.from(p.name)
    const size = p.declaredSize ?? p.size
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(p.flags ?? 0, 6)
    local.writeUInt16LE(p.method ?? 8, 8)
    local.writeUInt16LE(0x21, 12)
    local.writeUInt32LE(p.crc, 14)
    local.writeUInt32LE(p.stored.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    const entry = Buffer.alloc(46)
    entry.writeUInt32LE(0x02014b50, 0)
    entry.writeUInt16LE(20, 4)
    entry.writeUInt16LE(20, 6)
    entry.writeUInt16LE(p.flags ?? 0, 8)
    entry.writeUInt16LE(p.method ?? 8, 10)
    entry.writeUInt16LE(0x21, 14)
    entry.writeUInt32LE(p.crc, 16)
    entry.writeUInt32LE(p.stored.length, 20)
    entry.writeUInt32LE(size, 24)
    entry.writeUInt16LE(name.length, 28)
    entry.writeUInt32LE(offset, 42)
    chunks.push(local, name, Buffer.from(p.stored))
    central.push(entry, name)
    offset += 30 + name.length + p.stored.length
  }
  const directory = Buffer.concat(central)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(parts.length, 8)
  end.writeUInt16LE(parts.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return new Uint8Array(Buffer.concat([...chunks, directory, end]))
}

/** The parts of a real (small) archive, inflated, so one can be swapped for a bomb. */
export function unzip(bytes: Uint8Array): { name: string; content: Uint8Array }[] {
  const directory = readZipDirectory(bytes)
  if (!('entries' in directory)) throw new Error(`not a zip: ${directory.reason}`)
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return directory.entries.map((e) => {
    const start = e.localOffset + 30 + b.readUInt16LE(e.localOffset + 26) + b.readUInt16LE(e.localOffset + 28)
    const stored = b.subarray(start, start + e.compressed)
    return { name: e.name, content: new Uint8Array(e.method === 0 ? stored : inflateRawSync(stored)) }
  })
}

/**
 * Worksheet XML of about `megabytes` MB: the same row over and over, which deflate packs ~1,000 to 1
 * (60 MB → ~60 KB), as in a spreadsheet bomb.
 */
export function repetitiveSheetXml(megabytes: number): Uint8Array {
  const row = '<row><c t="inlineStr"><is><t>x</t></is></c></row>'
  const head = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
  const tail = '</sheetData></worksheet>'
  return new TextEncoder().encode(head + row.repeat(Math.ceil((megabytes * 1024 * 1024) / row.length)) + tail)
}
