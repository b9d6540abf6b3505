// A questionnaire link for the page benches (first-visit, lighthouse): made through the CLI and the API
// as staff would, on a server started by test/server-process.ts.
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import type { ServerProcess } from '../test/server-process.ts'
import { localNow } from '../src/outreach/session-rules.ts'

function jaga(server: ServerProcess, root: string, args: string[], input = ''): string {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/jaga.js'), ...args], { input, env: { ...process.env, JAGA_DATA_DIR: server.dataDir }, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(r.stderr)
  return r.stdout
}

/** A questionnaire link for a teenagers' class today, made through the API as staff would. */
export async function questionnairePath(server: ServerProcess, root: string): Promise<string> {
  jaga(server, root, ['user', 'create', '--email', 'bench@jaga.test', '--role', 'admin', '--name', 'Bench'], 'kata sandi yang cukup panjang\n')
  const token = jaga(server, root, ['token', 'create', '--email', 'bench@jaga.test']).trim().split('\n').pop()!
  const api = async (p: string, body: unknown) => {
    const res = await fetch(server.url + p, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
    if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`)
    return res.json() as Promise<any>
  }
  // Harjosari I, a shipped neighbourhood (HARJOSARI_I in test/outreach-builders.ts).
  const areaId = '0b7f4a52-2b41-4c4e-9a57-127109100400'
  // The session is today where the shipped areas are, so the link is open now.
  const day = localNow('Asia/Jakarta').slice(0, 10)
  const programme = await api('/api/v1/programmes', { name: 'Bench', startsOn: day, endsOn: day, status: 'active', areaIds: [areaId] })
  const session = await api('/api/v1/sessions', { programmeId: programme.id, title: 'Bench', format: 'class', areaId, venue: 'SMP', startsAt: `${day}T00:05`, endsAt: `${day}T23:55`, audiences: ['children-13-17'] })
  const { links } = (await api(`/api/v1/sessions/${session.id}/evaluation`, { groupKind: 'children-13-17' })) as { links: { phase: string; url: string }[] }
  return new URL(links.find((l) => l.phase === 'pre')!.url).pathname
}
