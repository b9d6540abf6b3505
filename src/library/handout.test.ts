import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import jsQRModule from 'jsqr'
import { describe, expect, it } from 'vitest'
import { Agent, loginAs, textOf } from '../../test/agent.ts'
import { useTestApp } from '../../test/harness.ts'
import { readPdf } from '../../test/pdf.ts'
import { catalogue } from '../messages.ts'
import { createTranslator, LOCALES } from '../platform/i18n/i18n.ts'
import { AUDIENCES } from './content-schema.ts'
import { Library, loadLibrary } from './content.ts'
import { loadHandouts, renderHandout } from './handout.ts'

const jsQR = jsQRModule as unknown as typeof jsQRModule.default
const jaga = useTestApp()
const get = (p: string) => jaga.request(`http://localhost${p}`)
const handoutPath = { id: (a: string) => `/id/pustaka/brosur/${a}.pdf`, en: (a: string) => `/en/library/brochure/${a}.pdf` }

/** Renders a PDF's first page to grey pixels with poppler (as a print preview would) and reads its QR code. */
function decodeQr(file: string): string | null {
  const out = path.join(path.dirname(file), 'page')
  execFileSync('pdftoppm', ['-r', '100', '-gray', '-singlefile', file, out])
  const pgm = fs.readFileSync(`${out}.pgm`)
  // Binary PGM: "P5", width, height, max value, one whitespace, then one byte a pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 50).toString('latin1'))!
  const [width, height] = [Number(header[1]), Number(header[2])]
  const grey = pgm.subarray(header[0].length)
  const rgba = new Uint8ClampedArray(width * height * 4)
  for (let i = 0; i < width * height; i++) rgba.set([grey[i]!, grey[i]!, grey[i]!, 255], i * 4)
  return jsQR(rgba, width, height)?.data ?? null
}

describe('handouts: a one-page tip sheet per audience', () => {
  it('prints the parents’ five tips, the help numbers and the library address on one A4 page, with the embedded font and no image', async () => {
    const res = await get('/en/library/brochure/parents.pdf')
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('application/pdf')
    const { file, text, info } = await readPdf(res)
    for (const tip of loadHandouts().get('parents')!.tips) expect(text).toContain(tip.en.replace(/\s+/g, ' ').slice(0, 40))
    expect(text).toContain('129 · WhatsApp 08111-129-129')
    expect(text).toContain('Call Center Polri 110')
    expect(text).toContain('http://localhost:3000/en/library/for/parents')
    expect(info).toMatch(/Pages:\s+1\n/)
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/)
    expect(execFileSync('pdffonts', [file], { encoding: 'utf8' })).toMatch(/NotoSans.*yes/)
    expect(execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n')).toHaveLength(2)
  })

  it('prints the same sheet on A5 when asked', async () => {
    const { info, text } = await readPdf(await get('/id/pustaka/brosur/children-13-17.pdf?size=a5'))
    expect(info).toMatch(/Page size:\s+419\.53 x 595\.28 pts/)
    expect(text).toContain('Lima hal yang bisa kamu lakukan')
  })

  it('fits every audience’s handout on one page, in both languages and both sizes', async () => {
    const pages: string[] = []
    for (const locale of LOCALES)
      for (const audience of AUDIENCES)
        for (const size of ['a4', 'a5']) {
          const { info } = await readPdf(await get(`${handoutPath[locale](audience)}?size=${size}`))
          pages.push(`${locale} ${audience} ${size}: ${/Pages:\s+(\d+)/.exec(info)![1]}`)
        }
    expect(pages).toEqual(LOCALES.flatMap((l) => AUDIENCES.flatMap((a) => ['a4', 'a5'].map((s) => `${l} ${a} ${s}: 1`))))
  })

  it('holds a QR code that reads as the audience’s library page in the reader’s language', async () => {
    for (const locale of LOCALES) {
      const { file } = await readPdf(await get(handoutPath[locale]('parents')))
      expect(decodeQr(file)).toBe(locale === 'id' ? 'http://localhost:3000/id/pustaka/untuk/parents' : 'http://localhost:3000/en/library/for/parents')
    }
  })

  it('takes the help numbers from the help directory, so a corrected number is printed without a code change', async () => {
    const library = loadLibrary()
    const channels = library.helpChannels.map((c) => (c.id === 'sapa-129' ? { ...c, contacts: [{ kind: 'phone' as const, value: '129' }, { kind: 'whatsapp' as const, value: '0800-000-0000' }] } : c))
    const edited = new Library(LOCALES.flatMap((l) => library.pages(l)), channels, library.quizzes)
    const pdf = await renderHandout(edited, loadHandouts().get('community')!, 'en', createTranslator(catalogue, 'en'), 'https://jaga.example.org')
    const { text } = await readPdf(new Response(new Uint8Array(pdf)))
    expect(text).toContain('WhatsApp 0800-000-0000')
    expect(text).not.toContain('08111-129-129')
  })

  it('draws tips only from library pages written for the same audience, in both languages', () => {
    const library = loadLibrary()
    for (const [audience, handout] of loadHandouts()) {
      for (const tip of handout.tips) {
        for (const locale of LOCALES) expect({ audience, page: tip.page, found: library.byKey(locale, tip.page)?.audiences.includes(audience) ?? false }).toEqual({ audience, page: tip.page, found: true })
      }
    }
  })

  it('answers 404 for an audience or a paper size that does not exist', async () => {
    expect((await get('/id/pustaka/brosur/aliens.pdf')).status).toBe(404)
    expect((await get('/en/library/brochure/parents.pdf?size=a3')).status).toBe(404)
  })

  it('warns signed-in staff, in their language, that the printed address is localhost while JAGA_PUBLIC_URL is unset; the public sees no warning', async () => {
    const warning = { en: 'The printed address on the tip sheets is http://localhost:3000: set JAGA_PUBLIC_URL', id: 'Alamat yang tercetak di lembar tips adalah http://localhost:3000: atur JAGA_PUBLIC_URL' }
    const { agent } = await loginAs(jaga, 'facilitator')
    expect(textOf(await (await agent.get('/en/library/for/parents')).text())).toContain(warning.en)
    expect(textOf(await (await agent.lang('id').get('/id/pustaka/untuk/parents')).text())).toContain(warning.id)
    expect(textOf(await (await get('/en/library/for/parents')).text())).not.toContain('JAGA_PUBLIC_URL')
    expect((await new Agent(jaga).get('/en/library/brochure/parents.pdf')).status).toBe(200)
  })
})

describe('handouts with JAGA_PUBLIC_URL set', () => {
  const configured = useTestApp({ JAGA_PUBLIC_URL: 'https://jaga.example.org/' })

  it('prints and encodes the public address, and staff see no warning', async () => {
    const { file, text } = await readPdf(await configured.request('http://localhost/id/pustaka/brosur/teachers.pdf'))
    expect(text).toContain('https://jaga.example.org/id/pustaka/untuk/teachers')
    expect(decodeQr(file)).toBe('https://jaga.example.org/id/pustaka/untuk/teachers')
    const { agent } = await loginAs(configured, 'coordinator')
    expect(textOf(await (await agent.get('/en/library/for/teachers')).text())).not.toContain('JAGA_PUBLIC_URL')
  })

})
