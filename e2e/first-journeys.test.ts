import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../test/server-process.ts'
import { look, phoneContext, signIn, useServerAndBrowser, watchConsole } from './browser.ts'

const journey = useServerAndBrowser()
const ADMIN = { email: 'admin@jaga.test', password: 'kata sandi admin yang panjang' }


function createAdmin() {
  const env = { ...process.env, JAGA_DATA_DIR: journey.server.dataDir }
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/jaga.js'), 'user', 'create', '--email', ADMIN.email, '--role', 'admin', '--name', 'Admin Tim'], { input: ADMIN.password + '\n', env, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(r.stderr)
}

describe('first journeys, on a phone', () => {
  it('shows the first-run hint, then lets an admin sign in, invite a coordinator who signs in and switches language', async () => {
    const context = await phoneContext(journey.browser, 'id-ID')
    const page = await context.newPage()
    const consoleErrors = watchConsole(page)

    await page.goto(journey.server.url + '/')
    expect(await page.getAttribute('html', 'lang')).toBe('id')
    await look(page, 'home-id')

    await page.goto(journey.server.url + '/login')
    await expect(page.textContent('main')).resolves.toContain('Belum ada pengguna')
    await look(page, 'login-first-run-id')
    createAdmin()

    // A wrong password first: a clear message, in Indonesian.
    await page.goto(journey.server.url + '/login')
    await page.fill('#f-email', ADMIN.email)
    await page.fill('#f-password', 'salah sekali')
    await page.click('main button[type=submit]')
    await expect(page.textContent('main')).resolves.toContain('Email atau kata sandi salah')
    await look(page, 'login-wrong-id')

    await page.fill('#f-password', ADMIN.password)
    await page.click('main button[type=submit]')
    await page.waitForURL('**/areas')
    await expect(page.textContent('main')).resolves.toContain('Harjosari I')
    await look(page, 'areas-admin-id')

    await page.click('nav >> text=Pengguna')
    await look(page, 'users-id')
    await page.click('text=Undang pengguna')
    await page.click('main button[type=submit]') // empty: the browser's own required check stops it
    await page.fill('#f-displayName', 'Rina Koordinator')
    await page.fill('#f-email', 'rina@jaga.test')
    await page.selectOption('#f-role', 'coordinator')
    await look(page, 'invite-id')
    await page.click('main button[type=submit]')
    const link = (await page.textContent('[data-testid=access-link]'))!.trim()
    expect(link).toContain('/access/')
    await look(page, 'invite-link-id')

    await page.goto(journey.server.url + '/admin/audit')
    await expect(page.textContent('main')).resolves.toContain('user.invite')
    await look(page, 'audit-id')
    await page.click('nav button:has-text("Keluar")')
    await page.waitForURL(journey.server.url + '/')

    // The coordinator, on their own phone.
    const theirs = await phoneContext(journey.browser, 'id-ID')
    const coord = await theirs.newPage()
    const coordErrors = watchConsole(coord)
    await coord.goto(link.replace(/^http:\/\/localhost:\d+/, journey.server.url))
    await expect(coord.textContent('main')).resolves.toContain('rina@jaga.test')
    await coord.fill('#f-password', 'kopi pagi di amplas')
    await coord.fill('#f-confirm', 'kopi pagi di amplas berbeda')
    await coord.click('main button[type=submit]')
    await expect(coord.textContent('#f-confirm-error')).resolves.toContain('Kedua kata sandi tidak sama')
    await look(coord, 'set-password-error-id')
    await coord.fill('#f-password', 'kopi pagi di amplas')
    await coord.fill('#f-confirm', 'kopi pagi di amplas')
    await coord.click('main button[type=submit]')
    await coord.waitForURL('**/areas')
    await expect(coord.textContent('nav')).resolves.toContain('Rina Koordinator')
    expect(await coord.locator('nav >> text=Pengguna').count()).toBe(0)

    // One click to English, remembered on the next page.
    await coord.click('header >> text=English')
    await coord.waitForURL('**/areas')
    expect(await coord.getAttribute('html', 'lang')).toBe('en')
    await expect(coord.textContent('h1')).resolves.toBe('Areas')
    await look(coord, 'areas-coordinator-en')
    await coord.goto(journey.server.url + '/admin/users')
    await expect(coord.textContent('h1')).resolves.toBe('Access denied')
    await look(coord, 'forbidden-en')
    await coord.goto(journey.server.url + '/no/such/page')
    await expect(coord.textContent('h1')).resolves.toBe('Page not found')
    await look(coord, 'not-found-en')

    expect([...consoleErrors, ...coordErrors].filter((e) => !/404|403|401|422|Failed to load resource/.test(e))).toEqual([])
    await context.close()
    await theirs.close()
  })

  it('shows every public page in English too', async () => {
    const context = await phoneContext(journey.browser, 'en-GB')
    const page = await context.newPage()
    await page.goto(journey.server.url + '/')
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    await look(page, 'home-en')
    await page.goto(journey.server.url + '/login')
    await look(page, 'login-en')
    await page.goto(journey.server.url + '/areas')
    await page.fill('#f-email', ADMIN.email)
    await page.fill('#f-password', ADMIN.password)
    await page.click('main button[type=submit]')
    await page.waitForURL('**/areas')
    await look(page, 'areas-admin-en')
    await page.goto(journey.server.url + '/areas/import')
    await look(page, 'import-en')
    await page.goto(journey.server.url + '/admin/users/invite')
    await look(page, 'invite-en')
    await context.close()
  })

  it('lets a coordinator propose a library edit that an admin reviews and publishes', async () => {
    const admin = await (await phoneContext(journey.browser, 'en-GB')).newPage()
    await signIn(admin, journey.server.url, ADMIN.email, ADMIN.password)

    // Rina, the coordinator invited in the first journey, proposes the edit.
    const coordinator = await (await phoneContext(journey.browser, 'en-GB')).newPage()
    await signIn(coordinator, journey.server.url, 'rina@jaga.test', 'kopi pagi di amplas')
    await coordinator.click('nav >> text=Manage library')
    await look(coordinator, 'library-edit-home-en')
    await coordinator.click('text=Online friends, gifts and secrets (for children aged 10–12)')
    await look(coordinator, 'library-edit-history-en')
    await coordinator.click('main >> text=Edit')
    const source = await coordinator.inputValue('#f-source')
    await coordinator.fill('#f-source', source.replace('## Settings that help', '## Settings that help\n\n- Ask a grown-up to check your settings with you.'))
    await look(coordinator, 'library-edit-form-en')
    await coordinator.click('text=Save and send for review')
    await expect(coordinator.textContent('main')).resolves.toContain('In review')
    await look(coordinator, 'library-edit-revision-en')

    await admin.goto(journey.server.url + '/admin/library')
    await admin.click('main ul >> text=en/online-friends-and-secrets')
    await admin.click('button:has-text("Publish")')
    await expect(admin.textContent('main')).resolves.toContain('Published. Readers now see this version.')
    await look(admin, 'library-edit-published-en')
    await admin.goto(journey.server.url + '/en/library/online-friends-and-secrets')
    await expect(admin.textContent('main')).resolves.toContain('Ask a grown-up to check your settings with you.')
  })

  it('lets a coordinator record a partner institution (clear message on a wrong date) and a programme in two kelurahan', async () => {
    const page = await (await phoneContext(journey.browser, 'id-ID')).newPage()
    await signIn(page, journey.server.url, 'rina@jaga.test', 'kopi pagi di amplas')
    await page.click('nav >> text=Mitra')
    await look(page, 'partners-empty-id')
    await page.click('text=Tambah mitra')
    await page.fill('#f-name', 'UPTD PPA Kota Medan')
    await page.selectOption('#f-kind', 'women-children-service-unit')
    await page.selectOption('#f-areaId', { label: '· Kota Medan' })
    await page.fill('#f-mouStart', '2026-09-01')
    await page.fill('#f-mouEnd', '2026-03-01')
    await page.click('main form button[type=submit]')
    await expect(page.textContent('#f-mouEnd-error')).resolves.toContain('Tanggal berakhir tidak boleh sebelum tanggal mulai')
    await look(page, 'partner-form-error-id')
    await page.fill('#f-mouEnd', '2027-08-31')
    await page.click('main form button[type=submit]')
    await page.waitForURL('**/partners?saved=1')
    await expect(page.textContent('main')).resolves.toContain('UPTD PPA Kota Medan')
    await look(page, 'partners-id')

    // A programme in two kelurahan, with that partner.
    await page.click('nav >> text=Program')
    await look(page, 'programmes-empty-id')
    await page.click('text=Buat program')
    await page.fill('#f-name', 'Jaga Amplas 2026')
    await page.fill('#f-startsOn', '2026-09-01')
    await page.fill('#f-endsOn', '2027-08-31')
    await page.selectOption('#f-status', 'active')
    await page.check('label:has-text("Harjosari I") >> input')
    await page.check('label:has-text("Timbang Deli") >> input')
    await page.check('label:has-text("UPTD PPA Kota Medan") >> input')
    await look(page, 'programme-form-id')
    await page.click('main form button[type=submit]')
    await page.waitForURL('**/programmes?saved=1')
    await expect(page.textContent('main')).resolves.toContain('2 wilayah · 0 fasilitator · 1 mitra')
    await look(page, 'programmes-id')
    await page.click('text=Jaga Amplas 2026')
    await page.selectOption('#f-areaId', { label: 'Timbang Deli' })
    await page.selectOption('#f-groupKind', 'parents')
    await page.fill('#f-estimatedSize', '850')
    await page.selectOption('#f-baselineLevel', 'low')
    await page.click('main form button:has-text("Tambah kelompok sasaran")')
    await expect(page.textContent('table')).resolves.toContain('850')
    await look(page, 'programme-detail-id')
  })

  it('leaves for a neutral site on quick exit, and Back does not return to Jaga', async () => {
    const context = await phoneContext(journey.browser, 'id-ID')
    const page = await context.newPage()
    await page.goto('about:blank')
    await page.goto(journey.server.url + '/')
    await page.click('text=Keluar cepat')
    await page.waitForURL('https://www.bmkg.go.id/')
    await page.goBack()
    expect(page.url()).toBe('about:blank')
    await context.close()
  })
})
