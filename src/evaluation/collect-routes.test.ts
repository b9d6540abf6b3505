import crypto from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { Agent, textOf } from '../../test/agent.ts'
import { useTestApp } from '../../test/harness.ts'
import { aSessionWithLinks } from '../../test/evaluation-builders.ts'

const jaga = useTestApp()

async function feedbackToken(): Promise<string> {
  return (await aSessionWithLinks(jaga, { codeElements: ['mother', 'day', 'own'] })).token('feedback')
}

const send = (token: string, body: unknown) => jaga.request(`http://localhost/api/v1/collect/${token}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
const WITH_PHONE = 'Materinya bagus, hubungi saya di +62 812 3456 7890 kalau ada kegiatan lagi'

describe('personal details blanked from what a participant wrote', () => {
  it('are reported in the JSON answer, also when the phone sends the same answers again', async () => {
    const token = await feedbackToken()
    const id = crypto.randomUUID()
    const body = { id, code: { mother: 'BL', day: '4', own: 'A' }, answers: { useful: '5', clear: '4', want_to_know: WITH_PHONE } }
    const first = await send(token, body)
    expect(first.status).toBe(201)
    expect(await first.json()).toEqual({ duplicate: false, disclosure: false, blanked: true })
    expect(await (await send(token, body)).json()).toEqual({ duplicate: true, disclosure: false, blanked: true })
    const plain = await send(token, { id: crypto.randomUUID(), code: { mother: 'BL', day: '5', own: 'A' }, answers: { useful: '5', clear: '4', want_to_know: 'Cara mengatur TikTok anak' } })
    expect(await plain.json()).toEqual({ duplicate: false, disclosure: false, blanked: false })
    const stored = await jaga.db.selectFrom('submissions').select('answers').where('id', '=', id).executeTakeFirstOrThrow()
    expect(stored.answers).not.toContain('3456')
  })

  it('are told to the participant on the thank-you page without JavaScript, in their language', async () => {
    const token = await feedbackToken()
    for (const [locale, words] of [
      ['id', 'Data pribadi yang Anda tulis'],
      ['en', 'Personal details you wrote'],
    ] as const) {
      const phone = new Agent(jaga).lang(locale)
      await phone.get(`/q/${token}`)
      const fields = { 'code.mother': 'NS', 'code.day': '2', 'code.own': 'B', 'a.useful': '4', 'a.clear': '4' }
      const blanked = await phone.post(`/q/${token}`, { ...fields, id: crypto.randomUUID(), 'a.want_to_know': WITH_PHONE })
      expect(blanked.status).toBe(200)
      expect(textOf(await blanked.text())).toContain(words)
      const plain = await phone.post(`/q/${token}`, { ...fields, id: crypto.randomUUID(), 'a.want_to_know': 'Cara melapor' })
      expect(textOf(await plain.text())).not.toContain(words)
    }
  })

  it('are told by the phone’s script too: the form carries the sentence in the participant’s language', async () => {
    const token = await feedbackToken()
    const page = await (await new Agent(jaga).lang('en').get(`/q/${token}`)).text()
    expect(page).toContain('data-msg-blanked="Personal details you wrote')
    expect(page).toContain('data-msg-retry="The server could not take your answers just now.')
  })
})
