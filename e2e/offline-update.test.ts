import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONTENT_DIR } from '../src/library/content.ts'
import { startServerProcess, type ServerProcess } from '../test/server-process.ts'
import { expectAccessible, launchBrowser, phoneContext } from './browser.ts'

let browser: Browser
const servers: ServerProcess[] = []

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  for (const s of servers) await s.stop()
})

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port
      s.close(() => resolve(port))
    })
  })
}

/** A copy of the shipped content, optionally with one sentence changed, as a new release would ship. */
function contentCopy(change?: [file: string, from: string, to: string]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jaga-content-'))
  fs.cpSync(CONTENT_DIR, dir, { recursive: true })
  if (change) {
    const file = path.join(dir, change[0])
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(change[1], change[2]))
  }
  return dir
}

describe('a new release while the library is saved offline', () => {
  it('replaces the saved pages with the new release, and keeps everything readable offline', async () => {
    const port = String(await freePort())
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jaga-data-'))
    const first = await startServerProcess({ PORT: port, JAGA_DATA_DIR: dataDir, JAGA_CONTENT_DIR: contentCopy() })
    servers.push(first)
    const context = await phoneContext(browser, 'id-ID')
    const page = await context.newPage()
    await page.goto(first.url + '/id/pustaka')
    await expectAccessible(page)
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true))
    await page.reload()
    await page.click('[data-save-offline]')
    await page.waitForFunction(() => /tersimpan/.test(document.querySelector('[data-save-status]')?.textContent ?? ''), null, { timeout: 60_000 })
    const cachesBefore = await page.evaluate(() => caches.keys())
    await first.stop()

    // The next release changes one sentence of one page.
    const second = await startServerProcess({
      PORT: port,
      JAGA_DATA_DIR: dataDir,
      JAGA_CONTENT_DIR: contentCopy(['id/saat-anak-bercerita.md', 'Anak jarang bercerita.', 'Anak jarang bercerita, jadi setiap cerita berharga.']),
    })
    servers.push(second)
    await page.goto(second.url + '/id/pustaka')
    // The browser finds the new service worker; its activation copies the saved library, then drops the old cache.
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()))
    // Wait until the old cache is gone and exactly one new one holds the library.
    const deadline = Date.now() + 60_000
    let keys: string[] = []
    while (Date.now() < deadline) {
      keys = await page.evaluate(() => caches.keys())
      if (keys.length === 1 && keys[0] !== cachesBefore[0]) break
      await new Promise((r) => setTimeout(r, 250))
    }
    expect(keys).toHaveLength(1)
    expect(keys[0]).not.toBe(cachesBefore[0])
    await second.stop()

    await page.goto(second.url + '/id/pustaka/saat-anak-bercerita')
    await expect(page.textContent('main')).resolves.toContain('jadi setiap cerita berharga')
    await expectAccessible(page)
    await page.goto(second.url + '/id/pustaka/teman-daring-dan-rahasia')
    await expect(page.textContent('h1')).resolves.toContain('Teman daring')
    await context.close()
  })
})
