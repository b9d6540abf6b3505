import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, expect } from 'vitest'
import { spawnSync } from 'node:child_process'
import { ROOT, startServerProcess, type ServerProcess } from '../test/server-process.ts'

const require = createRequire(import.meta.url)
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, 'screenshots')

// Debian's chromium, never a downloaded browser; the flags keep it from calling out to the internet.
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
}

/** A phone-sized context (a cheap Android's 360×740), in the given browser language. */
export async function phoneContext(browser: Browser, locale: 'id-ID' | 'en-GB' = 'id-ID'): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, locale, isMobile: true, hasTouch: true })
  // The quick-exit target is outside; answer it locally so the test never leaves the machine.
  await context.route('https://www.bmkg.go.id/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>BMKG</title><h1>Cuaca</h1>' }))
  return context
}

/** Problems the page reported to its console (a CSP refusal shows up here). */
export function watchConsole(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (m) => {
    if (m.type() !== 'error') return
    // "Failed to load resource" names no address in its text: add it, so a test can tell which load failed.
    const url = m.location().url
    errors.push(m.text().startsWith('Failed to load resource') && url ? `${m.text()} (${url})` : m.text())
  })
  page.on('pageerror', (e) => errors.push(e.message))
  return errors
}

/** Runs axe-core on the page as it is now and fails on any violation, naming rule and node. */
export async function expectAccessible(page: Page): Promise<void> {
  await page.evaluate(AXE_SOURCE)
  const result = (await page.evaluate(() => (window as any).axe.run(document, { resultTypes: ['violations'] }))) as {
    violations: { id: string; help: string; nodes: { target: string[] }[] }[]
  }
  const found = result.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  expect(found, `axe on ${page.url()}`).toEqual([])
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })
}

/** Every page a journey opens is checked with axe and photographed. */
export async function look(page: Page, name: string): Promise<void> {
  await expectAccessible(page)
  await screenshot(page, name)
}

export interface Journey {
  server: ServerProcess
  browser: Browser
}

/** Registers hooks that start a real Jaga (`node bin/serve.js`, fresh SQLite) and Chromium for one test file. */
export function useServerAndBrowser(): Journey {
  const journey = {} as Journey
  beforeAll(async () => {
    journey.server = await startServerProcess()
    journey.browser = await launchBrowser()
  })
  afterAll(async () => {
    await journey.browser?.close()
    await journey.server?.stop()
  })
  return journey
}

/** Signs in through the real form and waits for the person's start page. */
export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(baseUrl + '/login')
  await page.fill('#f-email', email)
  await page.fill('#f-password', password)
  await page.click('main button[type=submit]')
  await page.waitForURL('**/home')
}

/** Opens the main menu where it is folded (a phone); on a wide screen its links are in view already. */
export async function openMenu(page: Page): Promise<void> {
  const summary = page.locator('nav details.menu > summary')
  if ((await summary.isVisible()) && (await page.locator('nav details.menu[open]').count()) === 0) await summary.click()
}

/** Follows an entry of the main menu, as a person would on any screen. */
export async function fromMenu(page: Page, label: string): Promise<void> {
  await openMenu(page)
  await page.click(`nav ul >> text=${label}`)
}

/**
 * Presses a button of a form marked keep (keep-forms.js) and waits for the page it leads to: such a form
 * first checks that the server answers, so its navigation starts a moment after the click.
 */
export async function submitKept(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.click(selector)])
}

/** Runs the `jaga` command on the journey server's data, as an operator would, and returns what it printed. */
export function jagaCommand(journey: Journey, args: string[], input = ''): string {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/jaga.js'), ...args], { input, env: { ...process.env, JAGA_DATA_DIR: journey.server.dataDir }, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(r.stderr)
  return r.stdout
}

/** POSTs JSON to the journey server's API with a bearer token, as an integration would; anything but 2xx throws. */
export function apiCaller(journey: Journey, token: string): (path: string, body: unknown) => Promise<any> {
  return async (p, body) => {
    const res = await fetch(journey.server.url + p, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
    if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`)
    return res.json()
  }
}
