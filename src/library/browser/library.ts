import { normalise } from '../shared/words.ts'
import { matches } from '../shared/stemming.ts'
import { startOfflineWorker } from './offline-worker.ts'

// Progressive enhancements for the public library; every page works without them.
// Kept small: it is sent to phones on slow networks.

interface IndexEntry {
  u: string
  t: string
  s: string
  w: string
}

const hasWorker = 'serviceWorker' in navigator

startOfflineWorker()

setUpSaveForOffline()
setUpReadAloud()
setUpCopy()
setUpPresenting()
setUpOfflineQuiz()
void setUpOfflineSearch()

// A declaration, not a const: the set-ups above run before this line is reached.
function formatNumber(n: number): string {
  return new Intl.NumberFormat(document.documentElement.lang === 'en' ? 'en-GB' : 'id-ID').format(n)
}

/**
 * A count message the page gives twice, because the words agree with the number ("1 page", "2 pages"):
 * data-<name>-one for exactly 1 (English's only singular; Indonesian says both alike), and data-<name>
 * with {count} for any other number.
 */
function countText(element: HTMLElement, name: string, n: number): string {
  const one = element.dataset[`${name}One`]
  return n === 1 && one !== undefined ? one : (element.dataset[name] ?? '').replace('{count}', formatNumber(n))
}

function setUpSaveForOffline(): void {
  const button = document.querySelector<HTMLButtonElement>('[data-save-offline]')
  const status = document.querySelector<HTMLElement>('[data-save-status]')
  if (!button || !status || !hasWorker || !('caches' in window)) return
  button.hidden = false
  button.addEventListener('click', async () => {
    button.disabled = true
    status.textContent = button.dataset.saving ?? ''
    const registration = await navigator.serviceWorker.ready
    const channel = new MessageChannel()
    channel.port1.onmessage = (event: MessageEvent<{ ok: boolean; count: number }>) => {
      button.disabled = false
      status.textContent = event.data.ok ? countText(button, 'saved', event.data.count) : (button.dataset.failed ?? '')
    }
    registration.active?.postMessage({ type: 'save', manifest: button.dataset.manifest }, [channel.port2])
  })
}

function setUpReadAloud(): void {
  const button = document.querySelector<HTMLButtonElement>('[data-read-aloud]')
  const article = document.querySelector<HTMLElement>('.prose')
  if (!button || !article || !('speechSynthesis' in window)) return
  button.hidden = false
  const lang = document.documentElement.lang === 'id' ? 'id-ID' : 'en-GB'
  button.addEventListener('click', () => {
    if (speechSynthesis.speaking) {
      speechSynthesis.cancel()
      button.textContent = button.dataset.start ?? ''
      return
    }
    const title = document.querySelector('h1')?.textContent ?? ''
    const utterance = new SpeechSynthesisUtterance(`${title}. ${article.innerText}`)
    utterance.lang = lang
    const voice = speechSynthesis.getVoices().find((v) => v.lang.replace('_', '-').startsWith(lang.slice(0, 2)))
    if (voice) utterance.voice = voice
    utterance.onend = () => (button.textContent = button.dataset.start ?? '')
    button.textContent = button.dataset.stop ?? ''
    speechSynthesis.speak(utterance)
  })
}

/** Copy buttons are shown only where the browser can copy; the result is read out by the status beside each. */
function setUpCopy(): void {
  if (!navigator.clipboard) return
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-copy]')) {
    const status = button.parentElement?.querySelector<HTMLElement>('[data-copy-status]')
    button.hidden = false
    button.addEventListener('click', () => {
      const say = (text = '') => status && (status.textContent = text)
      navigator.clipboard.writeText(button.dataset.copy ?? '').then(
        () => say(button.dataset.copied),
        () => say(button.dataset.failed),
      )
    })
  }
}

/** Offline, the search page comes from the cache without results: search the saved index here instead. */
async function setUpOfflineSearch(): Promise<void> {
  const form = document.querySelector<HTMLFormElement>('form[data-index]')
  const list = document.querySelector<HTMLUListElement>('[data-results]')
  const status = document.querySelector<HTMLElement>('[data-results-status]')
  if (!form || !list || !status) return
  const q = new URLSearchParams(location.search).get('q')?.trim() ?? ''
  // The server always fills the status line when there is a query; an empty one means this page
  // is the saved search page, answered by the service worker without a network.
  if (!q || list.children.length > 0 || status.textContent?.trim()) return
  const response = await caches.match(form.dataset.index ?? '')
  if (!response) return
  const index = (await response.json()) as IndexEntry[]
  const terms = normalise(q)
  const locale = document.documentElement.lang === 'en' ? 'en' : 'id'
  const hits = index.filter((e) => terms.every((term) => normalise(`${e.t} ${e.s} ${e.w}`).some((w) => matches(w, term, locale))))
  // A function as replacement, so a query holding "$&" is shown as typed.
  status.textContent = (hits.length ? countText(status, 'found', hits.length) : (status.dataset.none ?? '')).replace('{q}', () => q)
  for (const hit of hits) {
    const item = document.createElement('li')
    const link = document.createElement('a')
    link.href = hit.u
    link.textContent = hit.t
    const summary = document.createElement('p')
    summary.textContent = hit.s
    item.append(link, summary)
    list.append(item)
  }
  ;(form.querySelector('input[name=q]') as HTMLInputElement).value = q
}


/** Slide decks: one slide at a time, full screen; arrows, taps and swipes move between slides. */
function setUpPresenting(): void {
  const deck = document.querySelector<HTMLElement>('[data-deck]')
  const button = document.querySelector<HTMLButtonElement>('[data-present]')
  if (!deck || !button) return
  const slides = [...deck.querySelectorAll<HTMLElement>('.slide')]
  let index = 0
  button.hidden = false
  const show = (i: number) => {
    index = Math.max(0, Math.min(slides.length - 1, i))
    slides.forEach((s, n) => s.classList.toggle('current', n === index))
    slides[index]?.focus()
  }
  const stop = () => {
    deck.classList.remove('presenting')
    slides.forEach((s) => s.classList.remove('current'))
    if (document.fullscreenElement) void document.exitFullscreen()
  }
  button.addEventListener('click', () => {
    deck.classList.add('presenting')
    show(0)
    deck.requestFullscreen?.().catch(() => {
      /* presenting still works without full screen */
    })
  })
  document.addEventListener('fullscreenchange', () => {
    if (!document.fullscreenElement && deck.classList.contains('presenting')) stop()
  })
  document.addEventListener('keydown', (e) => {
    if (!deck.classList.contains('presenting')) return
    if (['ArrowRight', 'PageDown', ' '].includes(e.key)) show(index + 1)
    else if (['ArrowLeft', 'PageUp'].includes(e.key)) show(index - 1)
    else if (e.key === 'Escape') stop()
    else return
    e.preventDefault()
  })
  deck.addEventListener('click', (e) => {
    if (!deck.classList.contains('presenting') || (e.target as Element).closest('a')) return
    show(e.clientX > window.innerWidth / 2 ? index + 1 : index - 1)
  })
  let startX = 0
  deck.addEventListener('touchstart', (e) => (startX = e.touches[0]?.clientX ?? 0), { passive: true })
  deck.addEventListener('touchend', (e) => {
    if (!deck.classList.contains('presenting')) return
    const dx = (e.changedTouches[0]?.clientX ?? 0) - startX
    if (Math.abs(dx) > 50) show(dx < 0 ? index + 1 : index - 1)
  })
}

interface QuizKey {
  texts: Record<'right' | 'wrong' | 'unanswered' | 'answerIs' | 'readMore' | 'score', string>
  questions: { id: string; answer: string; answerText: string; explanation: string; page: { title: string; url: string } | null }[]
}

/** Offline, a submitted quiz comes back from the cache unchecked: check it here with the page's answer key. */
function setUpOfflineQuiz(): void {
  const data = document.getElementById('quiz-key')
  const score = document.querySelector<HTMLElement>('[data-quiz-score]')
  const params = new URLSearchParams(location.search)
  if (!data || !score || params.get('check') !== '1') return
  const key = JSON.parse(data.textContent ?? '{}') as QuizKey
  let correct = 0
  for (const q of key.questions) {
    const given = params.get(q.id)
    const fieldset = document.getElementById(q.id)
    if (!fieldset) continue
    const input = given ? fieldset.querySelector<HTMLInputElement>(`input[value="${CSS.escape(given)}"]`) : null
    if (input) input.checked = true
    if (given === q.answer) correct++
    const box = document.createElement('div')
    box.className = `feedback ${given === q.answer ? 'is-right' : 'is-wrong'}`
    const verdict = document.createElement('p')
    const strong = document.createElement('strong')
    strong.textContent = given === null ? key.texts.unanswered : given === q.answer ? key.texts.right : key.texts.wrong
    verdict.append(strong)
    if (given !== q.answer) verdict.append(` · ${key.texts.answerIs.replace('{answer}', () => q.answerText)}`)
    const explanation = document.createElement('p')
    explanation.textContent = q.explanation
    box.append(verdict, explanation)
    if (q.page) {
      const link = document.createElement('a')
      link.href = q.page.url
      const title = q.page.title
      link.textContent = key.texts.readMore.replace('{title}', () => title)
      box.append(link)
    }
    fieldset.append(box)
  }
  // The server wrote the number of questions in, with the words that agree with it ("1 of 1 answer").
  score.textContent = key.texts.score.replace('{correct}', formatNumber(correct))
  score.hidden = false
}
