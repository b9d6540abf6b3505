import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** Saves a PDF response and reads it with Debian's poppler-utils, as a person's viewer would. */
export async function readPdf(res: Response): Promise<{ file: string; text: string; info: string }> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jaga-pdf-')), 'document.pdf')
  fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()))
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
  return { file, text, info: execFileSync('pdfinfo', [file], { encoding: 'utf8' }) }
}
