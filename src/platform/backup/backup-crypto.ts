import crypto from 'node:crypto'
import { Transform, type TransformCallback } from 'node:stream'

// An encrypted backup is: a 70-byte header (magic, version, scrypt cost, salt, nonce, passphrase
// check), the gzip'd backup encrypted with AES-256-GCM (the header as associated data, so it cannot
// be altered either), then the 16-byte GCM tag. The passphrase check (an HMAC under a second key from
// the same scrypt output) refuses a wrong passphrase before anything is read; the tag, checked at the
// end of the stream, refuses a file altered after it was written.
export const ENCRYPTED_MAGIC = Buffer.from('JAGA-ENC')
const VERSION = 1
const LOG2_N = 15
const SALT_BYTES = 16
const NONCE_BYTES = 12
const CHECK_BYTES = 32
export const TAG_BYTES = 16
export const HEADER_BYTES = ENCRYPTED_MAGIC.length + 2 + SALT_BYTES + NONCE_BYTES + CHECK_BYTES
export const MIN_PASSPHRASE_LENGTH = 12

export class WrongPassphraseError extends Error {
  constructor() {
    super('the passphrase does not open this backup (wrong passphrase, or not the file it was made for)')
  }
}

async function deriveKeys(passphrase: string, salt: Buffer, log2n: number): Promise<{ key: Buffer; check: Buffer }> {
  const N = 2 ** log2n
  const out = await new Promise<Buffer>((resolve, reject) =>
    crypto.scrypt(passphrase.normalize('NFC'), salt, 64, { N, r: 8, p: 1, maxmem: 256 * N * 8 }, (e, k) => (e ? reject(e) : resolve(k))),
  )
  const check = crypto.createHmac('sha256', out.subarray(32)).update('jaga backup passphrase check').digest()
  return { key: out.subarray(0, 32), check }
}

/** A Transform that writes the header first, encrypts everything it is given, and ends with the tag. */
export async function encryptingStream(passphrase: string): Promise<Transform> {
  const salt = crypto.randomBytes(SALT_BYTES)
  const nonce = crypto.randomBytes(NONCE_BYTES)
  const { key, check } = await deriveKeys(passphrase, salt, LOG2_N)
  const header = Buffer.concat([ENCRYPTED_MAGIC, Buffer.from([VERSION, LOG2_N]), salt, nonce, check])
  const cipher = crypto.createCipheriv('aes-256-gcm', key, nonce)
  cipher.setAAD(header)
  let headerSent = false
  return new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      if (!headerSent) {
        this.push(header)
        headerSent = true
      }
      done(null, cipher.update(chunk))
    },
    flush(done: TransformCallback) {
      if (!headerSent) this.push(header)
      this.push(cipher.final())
      done(null, cipher.getAuthTag())
    },
  })
}

export function isEncryptedHeader(firstBytes: Buffer): boolean {
  return firstBytes.subarray(0, ENCRYPTED_MAGIC.length).equals(ENCRYPTED_MAGIC)
}

/** Checks the passphrase against the header and returns the decipher, its tag already set (checked when the stream ends). */
export async function openDecipher(header: Buffer, tag: Buffer, passphrase: string): Promise<crypto.DecipherGCM> {
  if (header.length !== HEADER_BYTES || !isEncryptedHeader(header)) throw new Error('not an encrypted Jaga backup')
  let at = ENCRYPTED_MAGIC.length
  const version = header[at++]!
  const log2n = header[at++]!
  if (version !== VERSION) throw new Error(`encrypted with an unknown format version ${version} (a newer Jaga?)`)
  if (log2n < 10 || log2n > 20) throw new Error('the backup header is damaged (scrypt cost out of range)')
  const salt = header.subarray(at, (at += SALT_BYTES))
  const nonce = header.subarray(at, (at += NONCE_BYTES))
  const expected = header.subarray(at, (at += CHECK_BYTES))
  const { key, check } = await deriveKeys(passphrase, salt, log2n)
  if (!crypto.timingSafeEqual(check, expected)) throw new WrongPassphraseError()
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, nonce)
  decipher.setAAD(header)
  decipher.setAuthTag(tag)
  return decipher
}
