import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { tokenize } from './chat-words.ts'
import { looksLikeDisclosure } from './disclosure.ts'

// The trigger phrases the migrations install (2026-11-27-13-evaluation, 2026-11-28-16-more-disclosure-words):
// the detector is measured as it runs on a fresh installation.
const STARTING_PHRASES = [
  ...['diperkosa', 'perkosa', 'dilecehkan', 'pelecehan', 'dicabuli', 'dipaksa', 'diancam', 'mengancam', 'diperas', 'memeras', 'disentuh', 'diraba', 'meraba', 'telanjang', 'bugil', 'disebar', 'disebarkan', 'kekerasan', 'dipukul', 'disiksa', 'tolong aku', 'tolong saya', 'takut pulang', 'vcs', 'sextortion'],
  ...['abused', 'abuse', 'raped', 'rape', 'molested', 'touched me', 'threatened', 'threatening me', 'blackmail', 'blackmailed', 'naked', 'nude', 'nudes', 'forced', 'hurt me', 'help me', 'scared to go home', 'sextortion'],
  ...['ancaman', 'pemerasan', 'memperkosa', 'perkosaan', 'pemerkosaan', 'mencabuli', 'pencabulan', 'melecehkan'],
]

interface Labelled {
  text: string
  lang: 'id' | 'en'
  disclosure: boolean
}
const load = (name: string) => JSON.parse(readFileSync(new URL(`../../../test/fixtures/disclosures/${name}.json`, import.meta.url), 'utf8')) as Labelled[]
// The held-out third was written with the rest, before any rule, and never used to tune them.
const tuning = load('tuning')
const heldOut = load('held-out')
// 24 disclosures an independent reviewer wrote after the rules were tuned (all disclosures, no ordinary
// comments): 19 found before the rules were changed for them, so no longer held out.
const reviewer = load('reviewer')

function measure(set: readonly Labelled[]) {
  const disclosures = set.filter((e) => e.disclosure)
  const ordinary = set.filter((e) => !e.disclosure)
  const found = disclosures.filter((e) => looksLikeDisclosure(e.text, STARTING_PHRASES)).length
  const flagged = ordinary.filter((e) => looksLikeDisclosure(e.text, STARTING_PHRASES)).length
  return { recall: found / disclosures.length, falsePositives: flagged / ordinary.length, found, disclosures: disclosures.length, flagged, ordinary: ordinary.length }
}
const report = (name: string, m: ReturnType<typeof measure>) =>
  `${name}: recall ${(m.recall * 100).toFixed(1)}% (${m.found}/${m.disclosures})` +
  (m.ordinary ? `, false positives ${(m.falsePositives * 100).toFixed(1)}% (${m.flagged}/${m.ordinary})` : '')

describe('disclosure detection', () => {
  it('holds at least 150 disclosures and 150 ordinary comments, 60 of each kind in each language', () => {
    const all = [...tuning, ...heldOut]
    for (const disclosure of [true, false]) {
      expect(all.filter((e) => e.disclosure === disclosure).length).toBeGreaterThanOrEqual(150)
      for (const lang of ['id', 'en']) expect(all.filter((e) => e.disclosure === disclosure && e.lang === lang).length).toBeGreaterThanOrEqual(60)
    }
    expect(heldOut.length / all.length).toBeGreaterThan(0.3)
  })

  it('finds at least 95% of the labelled disclosures and flags at most 5% of the ordinary comments', () => {
    const onTuning = measure(tuning)
    const onHeldOut = measure(heldOut)
    const overall = measure([...tuning, ...heldOut])
    const onReviewer = measure(reviewer)
    console.log([report('tuning part', onTuning), report('held-out part', onHeldOut), report('overall', overall), report("independent reviewer's set", onReviewer)].join('\n'))
    expect(overall.recall).toBeGreaterThanOrEqual(0.95)
    expect(overall.falsePositives).toBeLessThanOrEqual(0.05)
    expect(onHeldOut.falsePositives).toBeLessThanOrEqual(0.05)
  })

  // What testers wrote and the old whole-word matcher missed.
  it.each([
    'sy di ancam',
    'dia ngancam aku terus',
    'aku diancem mantan',
    'tolongin aku',
    'fotoku disebarin ke grup kelas',
    'dia mau menyebarkan videoku',
    'my stepdad touches me at night',
    'my uncle touched my sister',
    'he keeps touching me',
    'Anak saya pernah diminta foto oleh orang di Free Fire, saya takut',
  ])('flags the tester example "%s"', (text) => {
    expect(looksLikeDisclosure(text, STARTING_PHRASES)).toBe(true)
  })

  it.each([
    'materi tentang pemerasan online sangat bermanfaat',
    'I learned how predators ask for photos',
    'saya takut anak saya kecanduan game',
    'tolong adakan lagi seminarnya',
    'pukul 10 terlalu pagi',
    'terpaksa pulang cepat',
    'suaranya kurang keras',
    'tolong kirimkan foto kegiatannya ke grup wa kami',
    'thank you for helping me',
    'tolong saya mau tanya soal undang-undang',
  ])('leaves the ordinary comment "%s" alone', (text) => {
    expect(looksLikeDisclosure(text, STARTING_PHRASES)).toBe(false)
  })

  // The reviewer's causes: a topic word (tahu, learned, never, jangan, kalau) hid a first-person experience,
  // and "dia … chat aku minta pap" was read as the writer asking.
  it.each([
    'tahu gak kak, pacarku ngancam mau nyebarin videoku',
    'I learned that my coach touching me is not ok',
    'never told anyone but my cousin abused me',
    'jangan bilang siapa2 ya, dia pegang aku',
    'aku takut, dia terus chat aku minta pap',
    'gmn caranya keluar kalau udah terlanjur kirim pap ke orang',
    'i dont know how to tell anyone my uncle touches me',
    'tolong hubungi saya',
  ])('flags the first-person experience "%s" whatever topic word comes before it', (text) => {
    expect(looksLikeDisclosure(text, STARTING_PHRASES)).toBe(true)
  })

  it.each([
    'cara melapor kalau ada yang mengancam saya',
    'kalau ada yang minta foto saya, saya harus lapor',
    'apa yang harus dilakukan kalau anak terlanjur kirim foto',
    'i learned that someone can threaten me online',
    'materi tentang pacar yang ngancam sebar video sangat bagus',
    'aku minta foto kegiatannya ya kak',
    // A request for material: its number is blanked anyway, and referral staff could do nothing with it.
    'tolong hubungi saya di 0812 3456 7890 untuk materi lanjutan',
  ])('still reads "%s" as talk about the topic or an ordinary request', (text) => {
    expect(looksLikeDisclosure(text, STARTING_PHRASES)).toBe(false)
  })

  it('matches a phrase the staff added on its word roots, in both languages', () => {
    // No built-in sign in these: only the staff phrase can find them.
    expect(looksLikeDisclosure('kemarin diancam di grup', [])).toBe(false)
    expect(looksLikeDisclosure('kemarin diancam di grup', ['ancam'])).toBe(true)
    expect(looksLikeDisclosure('ada yang mengancam di grup', ['ancam'])).toBe(true)
    expect(looksLikeDisclosure('the class was threatened', ['threat'])).toBe(true)
    expect(looksLikeDisclosure('anak itu ditawari open bo', ['open BO!'])).toBe(true)
    // A bare root in the text stands only for itself.
    expect(looksLikeDisclosure('suaranya keras', ['kekerasan'])).toBe(false)
    expect(looksLikeDisclosure('pukul 10 terlalu pagi', ['dipukul'])).toBe(false)
  })

  it('reads chat spellings, reduplication and a separate "di" as the usual words', () => {
    expect(tokenize('sy gk tau, dia pegang2 aq. di ancam').map((t) => t.word)).toEqual(['saya', 'tidak', 'tahu', 'dia', 'pegang', 'pegang', 'aku', 'diancam'])
    expect([...tokenize('nyebarin')[0]!.forms]).toContain('sebar')
    expect([...tokenize('maksa')[0]!.forms]).toContain('paksa')
  })
})
