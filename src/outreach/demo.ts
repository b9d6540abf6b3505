import crypto from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../database.ts'
import { createUser } from '../accounts/users.ts'
import { createArea } from '../areas/areas.ts'
import { createPartner } from './partners.ts'
import { updateUserScope } from '../accounts/user-scope.ts'
import { createProgramme } from './programmes.ts'
import { recordReferral, followUpReferral } from './referrals.ts'
import { ageBandsOf, GENDERS, type AttendanceCell, type SessionFormat } from './session-form.ts'
import { addDays, localToday } from './session-rules.ts'
import { cancelSession, recordAttendance, reportSession, scheduleSession } from './sessions.ts'
import { addTargetGroup } from './target-groups.ts'
import type { GroupKind } from './target-group-form.ts'
import { planVisits } from './visit-plans.ts'

// A realistic, made-up programme in Kecamatan Medan Amplas for trying Jaga out. Every record it makes
// is listed in demo_records and named with "[DEMO]" or "(demo)"; `jaga demo remove` deletes exactly those.

const DEMO_ACTOR = { id: null, label: 'demo' }
const KELURAHAN = {
  harjosariI: '0b7f4a52-2b41-4c4e-9a57-127109100400',
  harjosariII: '0b7f4a52-2b41-4c4e-9a57-127109100500',
  timbangDeli: '0b7f4a52-2b41-4c4e-9a57-127109100600',
}
export const DEMO_PROGRAMME = '[DEMO] Jaga Medan Amplas'

export async function hasDemoData(db: Kysely<Database>): Promise<boolean> {
  return Boolean(await db.selectFrom('demoRecords').select('recordId').limit(1).executeTakeFirst())
}

/** Small deterministic numbers, so every demo looks the same. */
function numbers(seed: number) {
  let s = seed
  return (min: number, max: number) => {
    s = (s * 1103515245 + 12345) % 2147483648
    return min + (s % (max - min + 1))
  }
}

export interface DemoAccount {
  email: string
  role: string
  password: string
}

/** Loads the demo and returns the accounts made for it, each with a fresh random password. */
export async function loadDemo(db: Kysely<Database>, timeZone: string): Promise<DemoAccount[]> {
  if (await hasDemoData(db)) throw new Error('demo data is already loaded (remove it first with: jaga demo remove)')
  const mark = (kind: 'user' | 'area' | 'partner' | 'programme' | 'referral', recordId: string) => db.insertInto('demoRecords').values({ kind, recordId }).execute()
  const accounts: DemoAccount[] = []
  const person = async (role: 'coordinator' | 'facilitator' | 'partner', name: string, email: string) => {
    const password = crypto.randomBytes(9).toString('base64url')
    const user = await createUser(db, DEMO_ACTOR, { email, role, password, displayName: `${name} (demo)` })
    await mark('user', user.id)
    accounts.push({ email, role, password })
    return user
  }
  const coordinator = await person('coordinator', 'Koordinator Demo', 'koordinator@demo.jaga.example')
  const rina = await person('facilitator', 'Rina', 'rina@demo.jaga.example')
  const budi = await person('facilitator', 'Budi', 'budi@demo.jaga.example')
  const mitra = await person('partner', 'Mitra Demo', 'mitra@demo.jaga.example')

  const lingkungan: { id: string; village: string }[] = []
  for (const [village, count] of [[KELURAHAN.harjosariI, 4], [KELURAHAN.timbangDeli, 3]] as const) {
    for (let i = 1; i <= count; i++) {
      const area = await createArea(db, DEMO_ACTOR, { parentId: village, name: `Lingkungan ${i} (demo)`, kind: 'lingkungan', kemendagriCode: null, bpsCode: null })
      await mark('area', area.id)
      lingkungan.push({ id: area.id, village })
    }
  }

  const partner = async (name: string, kind: Parameters<typeof createPartner>[2]['kind'], roles: string) => {
    const p = await createPartner(db, DEMO_ACTOR, { name, kind, areaId: null, contactName: null, contactPhone: null, contactEmail: null, mouStart: null, mouEnd: null, roles, helpPhone: null, helpHandlesId: null, helpHandlesEn: null })
    await mark('partner', p.id)
    return p
  }
  const uptd = await partner('UPTD PPA (demo)', 'women-children-service-unit', 'Menerima rujukan dan mendampingi korban.')
  const school = await partner('SD Negeri Contoh (demo)', 'school', 'Tempat kelas anak dan pertemuan guru.')
  const kelurahanOffice = await partner('Kantor Kelurahan Contoh (demo)', 'village-office', 'Mengundang warga dan menyediakan balai.')
  // The demo partner account belongs to the kelurahan office, a partner in the demo programme: it sees that programme only.
  await updateUserScope(db, mitra.id, { partnerId: kelurahanOffice.id, ownProgrammesOnly: false }, new Date().toISOString())

  const today = localToday(timeZone)
  const programme = await createProgramme(db, DEMO_ACTOR, {
    name: DEMO_PROGRAMME,
    goal: 'Contoh: setiap lingkungan di tiga kelurahan dikunjungi tiap 3 bulan; orang tua, guru dan anak memahami risiko dan cara melapor.',
    startsOn: addDays(today, -150),
    endsOn: addDays(today, 215),
    status: 'active',
    coordinatorId: coordinator.id,
    areaIds: Object.values(KELURAHAN),
    facilitatorIds: [rina.id, budi.id],
    partnerIds: [uptd.id, school.id, kelurahanOffice.id],
  })
  await mark('programme', programme.id)
  const next = numbers(20261127)
  for (const village of Object.values(KELURAHAN)) {
    for (const [groupKind, size] of [['parents', 400], ['teachers', 40], ['children-10-12', 300]] as const) {
      await addTargetGroup(db, DEMO_ACTOR, programme.id, { areaId: village, groupKind, estimatedSize: size + next(0, 80), baselineLevel: 'low', baselineNote: 'Contoh (demo)' })
    }
    await planVisits(db, DEMO_ACTOR, programme.id, { areaId: village, everyMonths: 3 })
  }

  const ctx = { timeZone, isMaterial: () => true }
  const plan: [days: number, title: string, format: SessionFormat, area: string, audiences: GroupKind[], who: string, materials: string[]][] = [
    [-130, 'Seminar orang tua', 'seminar', lingkungan[0]!.id, ['parents'], rina.id, ['kit-parents', 'brochure:parents']],
    [-115, 'Kelas anak 10–12 tahun', 'class', lingkungan[1]!.id, ['children-10-12'], budi.id, ['kit-children-10-12']],
    [-100, 'Pertemuan guru', 'workshop', KELURAHAN.harjosariI, ['teachers'], rina.id, ['brochure:teachers']],
    [-80, 'Pembagian brosur di pasar', 'brochure-drive', lingkungan[4]!.id, ['parents', 'community'], budi.id, ['brochure:parents', 'brochure:community']],
    [-60, 'Kunjungan rumah', 'home-visit', lingkungan[5]!.id, ['parents'], rina.id, []],
    [-45, 'Webinar orang tua', 'webinar', KELURAHAN.timbangDeli, ['parents'], budi.id, ['kit-parents']],
    [-30, 'Pertemuan warga', 'seminar', lingkungan[2]!.id, ['community'], rina.id, ['kit-community']],
    [-12, 'Kelas remaja', 'class', KELURAHAN.harjosariII, ['children-13-17'], budi.id, ['kit-teens-class']],
    [5, 'Seminar orang tua', 'seminar', lingkungan[3]!.id, ['parents'], rina.id, ['kit-parents']],
    [12, 'Kelas anak 6–9 tahun', 'class', lingkungan[6]!.id, ['children-6-9'], budi.id, ['kit-children-6-9']],
    [26, 'Pembekalan petugas kelurahan', 'workshop', KELURAHAN.harjosariII, ['officials'], rina.id, ['kit-officials']],
  ]
  for (const [days, title, format, areaId, audiences, who, materials] of plan) {
    const day = addDays(today, days)
    const { session } = await scheduleSession(
      db,
      DEMO_ACTOR,
      { programmeId: programme.id, title: `${title} (demo)`, format, areaId, venue: format === 'webinar' ? null : 'Balai contoh', onlineLink: format === 'webinar' ? 'https://meet.example.org/jaga-demo' : null, startsAt: `${day}T09:00`, endsAt: `${day}T11:00`, audiences, facilitatorIds: [who], partnerIds: [], materials, confirmOverlap: true },
      ctx,
    )
    if (days > 0 || !session) continue
    const cells: AttendanceCell[] = audiences.flatMap((groupKind) => ageBandsOf(groupKind).slice(-1).flatMap((ageBand) => GENDERS.map((gender) => ({ groupKind, gender, ageBand, count: next(3, 24) }))))
    const facilitator = { id: who, label: 'demo', role: 'facilitator' as const }
    await recordAttendance(db, facilitator, session.id, cells, ctx)
    if (days < -20) await reportSession(db, facilitator, session.id, { notes: 'Contoh catatan (demo): peserta banyak bertanya tentang gim daring.', followUps: 'Kunjungi lagi dalam 3 bulan.' })
  }
  const { session: rained } = await scheduleSession(db, DEMO_ACTOR, { programmeId: programme.id, title: 'Seminar yang dibatalkan (demo)', format: 'seminar', areaId: lingkungan[4]!.id, venue: 'Balai contoh', onlineLink: null, startsAt: `${addDays(today, 2)}T15:00`, endsAt: `${addDays(today, 2)}T16:00`, audiences: ['parents'], facilitatorIds: [budi.id], partnerIds: [], materials: [], confirmOverlap: true }, ctx)
  await cancelSession(db, DEMO_ACTOR, rained!.id, 'Contoh: balai dipakai untuk posyandu.')

  const referral = await recordReferral(db, { id: rina.id, label: 'demo' }, { occurredOn: addDays(today, -30), areaId: KELURAHAN.harjosariI, programmeId: programme.id, ageBand: '13-17', concern: 'sextortion', partnerId: uptd.id, channelId: null, consent: 'child-and-guardian', nextFollowUp: addDays(today, 3), note: 'Contoh (demo).' })
  await followUpReferral(db, { id: rina.id, label: 'demo', role: 'facilitator' }, referral.id, { status: 'received', onDate: addDays(today, -27), nextFollowUp: addDays(today, 3), note: 'Contoh: diterima konselor.' })
  await mark('referral', referral.id)
  return accounts
}

/** Deletes every record the demo made, and what hangs off them; nothing else. Returns how many were listed. */
export async function removeDemo(db: Kysely<Database>): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const ids = async (kind: 'user' | 'area' | 'partner' | 'programme' | 'referral') => (await trx.selectFrom('demoRecords').select('recordId').where('kind', '=', kind).execute()).map((r) => r.recordId)
    const [users, areas, partners, programmes, referrals] = [await ids('user'), await ids('area'), await ids('partner'), await ids('programme'), await ids('referral')]
    const total = users.length + areas.length + partners.length + programmes.length + referrals.length
    const none = ['00000000-0000-0000-0000-000000000000']
    const or = (list: string[]) => (list.length ? list : none)
    await trx.deleteFrom('referrals').where((w) => w.or([w('id', 'in', or(referrals)), w('programmeId', 'in', or(programmes)), w('recordedBy', 'in', or(users))])).execute()
    await trx.deleteFrom('sessions').where('programmeId', 'in', or(programmes)).execute()
    await trx.deleteFrom('programmes').where('id', 'in', or(programmes)).execute()
    await trx.deleteFrom('sessionFacilitators').where('userId', 'in', or(users)).execute()
    await trx.deleteFrom('programmeFacilitators').where('userId', 'in', or(users)).execute()
    await trx.deleteFrom('sessionPartners').where('partnerId', 'in', or(partners)).execute()
    await trx.deleteFrom('programmePartners').where('partnerId', 'in', or(partners)).execute()
    await trx.deleteFrom('calendarFeeds').where('ownerId', 'in', or(users)).execute()
    await trx.updateTable('programmes').set({ coordinatorId: null }).where('coordinatorId', 'in', or(users)).execute()
    await trx.deleteFrom('partners').where('id', 'in', or(partners)).execute()
    await trx.deleteFrom('areas').where('id', 'in', or(areas)).execute()
    await trx.deleteFrom('users').where('id', 'in', or(users)).execute()
    await trx.deleteFrom('demoRecords').execute()
    return total
  })
}
