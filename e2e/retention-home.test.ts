import { spawnSync } from 'node:child_process'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT, startServerProcess, type ServerProcess } from '../test/server-process.ts'
import { launchBrowser, look, phoneContext, signIn } from './browser.ts'

// The admin's start page with a retention setting and one run, on a phone, in both languages.
let server: ServerProcess
let browser: Browser
const env = () => ({ ...process.env, JAGA_DATA_DIR: server.dataDir, JAGA_RETAIN_ANSWERS_MONTHS: '24', LANG: 'C' })
const jaga = (args: string[], input = '') => {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/jaga.js'), ...args], { input, env: env(), encoding: 'utf8' })
  if (r.status !== 0) throw new Error(r.stderr)
  return r.stdout
}

beforeAll(async () => {
  server = await startServerProcess({ JAGA_RETAIN_ANSWERS_MONTHS: '24' })
  browser = await launchBrowser()
}, 60_000)
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('the admin’s start page', () => {
  it('shows the retention setting and the last run on a phone, in Bahasa Indonesia and English', async () => {
    jaga(['user', 'create', '--email', 'admin@example.org', '--role', 'admin', '--name', 'Admin'], 'a-long-enough-password-1\n')
    expect(jaga(['retention', 'run'])).toContain('Done, and recorded in the audit log.')
    for (const [locale, heading, line] of [
      ['id-ID', 'Retensi jawaban', 'Terakhir dijalankan'],
      ['en-GB', 'Answer retention', 'Last run'],
    ] as const) {
      const context = await phoneContext(browser, locale)
      const page = await context.newPage()
      await signIn(page, server.url, 'admin@example.org', 'a-long-enough-password-1')
      const section = page.locator('section:has(h2#retention)')
      expect(await section.locator('h2').textContent()).toBe(heading)
      expect(await section.textContent()).toContain(line)
      await section.scrollIntoViewIfNeeded()
      await look(page, `retention-home-${locale}`)
      await context.close()
    }
  }, 60_000)
})
