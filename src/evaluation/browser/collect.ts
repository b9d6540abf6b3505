// Sends a participant's answers so that a dropped connection loses nothing and stores nothing twice:
// the answers go into an outbox on the phone (localStorage) under an id made here, and are sent from
// there until the server has acknowledged them; a resend with the same id is recognised by the server.
// One that keeps failing waits longer each time and lets the others go first (outbox.ts).
import { looksLikeDisclosure } from '../shared/disclosure.ts'
import { localDate } from '../shared/local-date.ts'
import { sendDue, type OutboxEntry } from './outbox.ts'
import { startOfflineWorker } from '../../library/browser/offline-worker.ts'

interface Pending extends OutboxEntry {
  /** answeredOn: the phone's day when the participant pressed send; the server's today() for these answers (answers.ts). */
  body: { id: string; code: Record<string, string>; answers: Record<string, string | string[]>; answeredOn?: string }
}

const OUTBOX = 'jaga-collect-outbox'
/** How often the outbox is looked at; each entry waits its own back-off (outbox.ts). */
const TICK_MS = 5_000
/** Forms opened on this phone, so they open again with no connection (the service worker reads it). Not "jaga-…": those caches belong to library releases. */
const FORM_CACHE = 'questionnaires-offline'

function readOutbox(): Pending[] {
  try {
    return JSON.parse(localStorage.getItem(OUTBOX) ?? '[]') as Pending[]
  } catch {
    return []
  }
}
const writeOutbox = (items: Pending[]) => localStorage.setItem(OUTBOX, JSON.stringify(items))

/** A version 4 UUID; crypto.randomUUID exists only on https pages, which a local network may not have. */
function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const b = crypto.getRandomValues(new Uint8Array(16))
  b[6] = (b[6]! & 0x0f) | 0x40
  b[8] = (b[8]! & 0x3f) | 0x80
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

const form = document.querySelector<HTMLFormElement>('form[data-collect]')
const status = document.getElementById('collect-status')
const say = (text: string) => {
  if (status) status.textContent = text
}

/** Ends the form with a message; `received` when the server has the answers: it looks like success and says what comes next. */
function finish(text: string, received = false): void {
  say(text)
  if (form) form.hidden = true
  if (received) {
    status?.classList.add('alert', 'alert-success')
    const next = document.getElementById('collect-next')
    if (next) next.hidden = false
  }
  status?.scrollIntoView()
}

let flushing = false
async function problemDetail(response: Response): Promise<string | undefined> {
  try {
    const body = (await response.json()) as { detail?: unknown }
    return typeof body.detail === 'string' && body.detail !== '' ? body.detail : undefined
  } catch {
    return undefined
  }
}

/** One pass over the outbox; `force` sends every entry whatever its back-off (the phone just came online). */
async function flush(force = false): Promise<void> {
  if (flushing) return
  flushing = true
  try {
    await sendDue<Pending, Response>(
      {
        read: readOutbox,
        write: writeOutbox,
        now: Date.now,
        send: (item) => fetch(item.url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept-Language': document.documentElement.lang || 'id' }, body: JSON.stringify(item.body) }),
        failed: (item, response) => {
          // Kept on the phone either way; the participant is told it waits, and may close the page.
          if (form && !form.hidden && item.url === form.dataset.collect) finish((response ? form.dataset.msgRetry : form.dataset.msgOffline) ?? '')
        },
        settled: async (item, response) => {
          if (!form || item.url !== form.dataset.collect) return false
          if (response.status === 422) {
            // The server knows better what is wrong: let it show the form again with its messages.
            HTMLFormElement.prototype.submit.call(form)
            return true
          }
          // Closed, or (rarely) the code's questions changed while sending: the server's own words when it gave them.
          if (response.status === 409) finish((await problemDetail(response)) ?? form.dataset.msgClosed ?? '')
          else if (response.ok) {
            const result = (await response.json()) as { duplicate: boolean; blanked?: boolean }
            const waited = status?.textContent === form.dataset.msgOffline || status?.textContent === form.dataset.msgRetry
            const text = waited ? (form.dataset.msgSentLater ?? '') : result.duplicate ? (form.dataset.msgDuplicate ?? '') : (form.dataset.msgThanks ?? '')
            finish(result.blanked ? `${text} ${form.dataset.msgBlanked ?? ''}` : text, true)
          }
          return false
        },
      },
      force,
    )
  } finally {
    flushing = false
  }
}

if (form) {
  const idField = form.querySelector<HTMLInputElement>('input[name="id"]')!
  // One id per filled-in form, made on this phone; kept if the same form is sent again.
  idField.value = uuid()
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    if (!form.reportValidity()) return
    const body: Pending['body'] = { id: idField.value, code: {}, answers: {}, answeredOn: localDate() }
    const data = new FormData(form)
    data.forEach((value, name) => {
      if (typeof value !== 'string') return
      if (name.startsWith('code.')) body.code[name.slice(5)] = value
      else if (name.startsWith('a.') && value.trim() !== '') {
        const key = name.slice(2)
        const before = body.answers[key]
        body.answers[key] = before === undefined ? value : ([] as string[]).concat(before, value)
      }
    })
    // Help is shown at once, before anything is sent, and also with no connection.
    const keywords = JSON.parse(form.dataset.keywords ?? '[]') as string[]
    const texts = Array.from(form.querySelectorAll<HTMLTextAreaElement>('textarea[data-free-text]'), (x) => x.value)
    const help = document.getElementById('help-panel')
    if (help && texts.some((x) => looksLikeDisclosure(x, keywords))) help.hidden = false
    writeOutbox([...readOutbox().filter((x) => x.body.id !== body.id), { url: form.dataset.collect!, body }])
    say(form.dataset.msgSending ?? '')
    void flush()
  })
}

/**
 * Keeps this form (and its script and style) on the phone while the connection is there, so a
 * participant who closes the tab can open the link again without one. Its answers already wait in
 * the outbox; now the form itself does too.
 */
async function keepFormOffline(): Promise<void> {
  // The service worker that serves it offline is started below (a form page loads no library.js).
  if (!form || !('serviceWorker' in navigator) || !('caches' in window)) return
  const assets = Array.from(document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>('script[src], link[rel="stylesheet"]'), (e) => ('src' in e ? e.src : e.href))
  const cache = await caches.open(FORM_CACHE)
  await cache.addAll([location.pathname, ...assets])
}
startOfflineWorker()
keepFormOffline().catch(() => {
  /* an extra: without it the form still works while online, and answers still wait in the outbox */
})

window.addEventListener('online', () => void flush(true))
setInterval(() => {
  if (readOutbox().length) void flush()
}, TICK_MS)
void flush()
