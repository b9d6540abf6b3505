// What the role journeys (role-homes.test.ts) find on each start page: the demo, plus what the demo has
// none of, each made the way people make it (API, CLI, forms): a facilitator's session today, handing out
// a questionnaire nobody has checked; one held yesterday with its report due, a pair to decide, a written
// answer and a disclosure; a library edit and that questionnaire waiting for review; a user who has not
// accepted the invitation.
import crypto from 'node:crypto'
import { expect } from 'vitest'
import { parentsAnswers } from '../test/evaluation-builders.ts'
import { HARJOSARI_I } from '../test/outreach-builders.ts'
import { twoQuestionXlsform } from '../test/xlsform-upload.ts'
import { addDays, localNow } from '../src/outreach/session-rules.ts'
import { apiCaller, jagaCommand, phoneContext, signIn, submitKept, type Journey } from './browser.ts'

export type Role = 'facilitator' | 'coordinator' | 'partner' | 'admin'
export type Account = { email: string; password: string }

const ADMIN = { email: 'admin@jaga.test', password: 'kata sandi admin yang panjang' }
export const TODAY_SESSION = 'Sosialisasi hari ini (uji)'
export const QUESTIONNAIRE_TITLE = 'Tes singkat (uji)'

export async function seedRoleHomes(journey: Journey): Promise<Map<Role, Account>> {
  const jaga = (args: string[], input = '') => jagaCommand(journey, args, input)
  jaga(['user', 'create', '--email', ADMIN.email, '--role', 'admin', '--name', 'Admin Tim'], ADMIN.password + '\n')
  const accounts = new Map<Role, Account>()
  for (const m of jaga(['demo', 'load']).matchAll(/^\s+(coordinator|facilitator|partner)\s+(\S+@\S+)\s+(\S+)\s*$/gm)) if (!accounts.has(m[1] as Role)) accounts.set(m[1] as Role, { email: m[2]!, password: m[3]! })
  accounts.set('admin', ADMIN)

  const token = (email: string) => jaga(['token', 'create', '--email', email]).trim().split('\n').pop()!
  const adminToken = token(ADMIN.email)
  const api = apiCaller(journey, adminToken)
  const get = async (path: string, bearer = adminToken) => (await fetch(journey.server.url + path, { headers: { Authorization: `Bearer ${bearer}` } })).json()
  const facilitator = (await get('/api/v1/me', token(accounts.get('facilitator')!.email))) as { id: string }
  const programme = ((await get('/api/v1/programmes')) as { programmes: { id: string; name: string }[] }).programmes.find((p) => p.name.includes('[DEMO]'))!
  const today = localNow('Asia/Jakarta').slice(0, 10)
  const session = (title: string, day: string) =>
    api('/api/v1/sessions', { programmeId: programme.id, title, format: 'seminar', areaId: HARJOSARI_I, venue: 'Balai warga', startsAt: `${day}T00:05`, endsAt: `${day}T23:55`, audiences: ['parents'], facilitatorIds: [facilitator.id], confirmOverlap: true })
  const todays = await session(TODAY_SESSION, today)
  const yesterday = await session('Sosialisasi kemarin (uji)', addDays(today, -1))
  const { links } = (await api(`/api/v1/sessions/${yesterday.id}/evaluation`, { groupKind: 'parents' })) as { links: { phase: string; url: string }[] }
  const collect = async (phase: string, body: object) => {
    const url = links.find((l) => l.phase === phase)!.url
    const res = await fetch(`${journey.server.url}/api/v1/collect/${new URL(url).pathname.split('/').at(-1)}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id: crypto.randomUUID(), ...body }) })
    expect(res.status, `${phase}: ${await res.clone().text()}`).toBe(201)
  }
  // Held (attendance recorded), so its report is due.
  const attendance = await fetch(`${journey.server.url}/api/v1/sessions/${yesterday.id}/attendance`, { method: 'PUT', headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ cells: [{ groupKind: 'parents', gender: 'female', ageBand: '18+', count: 9 }] }) })
  expect(attendance.status).toBe(200)
  // One code part differs before and after: a pair for a person to decide.
  await collect('pre', { code: { mother: 'AN', day: '7', own: 'A', siblings: '2' }, answers: parentsAnswers(4) })
  await collect('post', { code: { mother: 'AN', day: '7', own: 'B', siblings: '2' }, answers: parentsAnswers(9) })
  await collect('feedback', { code: { mother: 'CI', day: '3', own: 'C', siblings: '1' }, answers: { useful: '5', clear: '4', facilitator: '5', recommend: 'yes', want_to_know: 'Cara mengatur kontrol orang tua', comments: 'Anak saya diancam lewat gim daring' } })

  // A questionnaire the coordinator imported, waiting for someone else to check it.
  const xlsx = new Uint8Array(await (await twoQuestionXlsform('tes-singkat-uji', QUESTIONNAIRE_TITLE)).arrayBuffer())
  const imported = await fetch(`${journey.server.url}/api/v1/questionnaires/import`, { method: 'POST', body: xlsx, headers: { Authorization: `Bearer ${token(accounts.get('coordinator')!.email)}`, 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } })
  expect(imported.status).toBe(201)
  // Today's session hands it out anyway: its evaluation page warns.
  await api(`/api/v1/sessions/${todays.id}/evaluation`, { groupKind: 'parents', questionnaireKey: 'tes-singkat-uji' })

  // A library edit sent for review, and a user invited who has not signed in yet: through the forms.
  const context = await phoneContext(journey.browser, 'en-GB')
  const page = await context.newPage()
  await signIn(page, journey.server.url, ADMIN.email, ADMIN.password)
  await page.goto(`${journey.server.url}/admin/library/en/online-friends-and-secrets/edit`)
  const source = await page.inputValue('#f-source')
  await page.fill('#f-source', source.replace('## Settings that help', '## Settings that help\n\n- Ask a grown-up to check your settings with you.'))
  await submitKept(page, 'text=Save and send for review')
  await page.goto(`${journey.server.url}/admin/users/invite`)
  await page.fill('#f-email', 'baru@jaga.test')
  await page.fill('#f-displayName', 'Pengguna Baru')
  await page.selectOption('#f-role', 'facilitator')
  await submitKept(page, 'main form button[type=submit]')
  await context.close()
  return accounts
}
