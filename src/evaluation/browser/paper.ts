// Paper entry from the keyboard alone: a one-character cell moves on to the next cell as soon as it
// is filled, so a row of answers is typed without pressing Tab.
document.addEventListener('input', (event) => {
  const cell = event.target as HTMLInputElement
  if (!cell.matches('.paper-grid input[data-advance]') || cell.value.length < 1) return
  const cells = Array.from(document.querySelectorAll<HTMLInputElement>('.paper-grid input[type=text]'))
  cells[cells.indexOf(cell) + 1]?.focus()
})

// A dropped connection loses nothing: Save first checks that the server answers; if not, the typed
// cells (with each row's id, so a resend stores nothing twice) wait in localStorage and are sent when
// the connection returns, or put back in the grid the next time this page opens.
const form = document.querySelector<HTMLFormElement>('form.paper')
const status = document.querySelector<HTMLElement>('[data-paper-status]')
const RETRY_MS = 15_000

if (form && status) {
  const key = `jaga-paper:${new URL(form.action).pathname}`
  const kept = (): Record<string, string> | null => {
    try {
      return JSON.parse(localStorage.getItem(key) ?? 'null') as Record<string, string> | null
    } catch {
      return null
    }
  }
  if (status.hasAttribute('data-posted')) {
    // This page is the server's answer to a save: it holds the rows now (saved, or kept with their errors).
    localStorage.removeItem(key)
  } else {
    const saved = kept()
    if (saved) {
      for (const name of Object.keys(saved)) {
        const field = form.elements.namedItem(name)
        if (field instanceof HTMLInputElement) field.value = saved[name]!
      }
      status.textContent = status.dataset.msgRestored ?? ''
    }
  }

  const reachable = async (): Promise<boolean> => {
    try {
      return (await fetch('/healthz', { cache: 'no-store' })).ok
    } catch {
      return false
    }
  }
  const send = () => HTMLFormElement.prototype.submit.call(form)

  form.addEventListener('submit', (event) => {
    event.preventDefault()
    void reachable().then((online) => {
      if (online) return send()
      const rows: Record<string, string> = {}
      for (const field of Array.from(form.querySelectorAll<HTMLInputElement>('input[name^="r"]'))) if (field.value) rows[field.name] = field.value
      localStorage.setItem(key, JSON.stringify(rows))
      status.textContent = status.dataset.msgOffline ?? ''
    })
  })

  const retry = async () => {
    if (kept() && status.textContent === status.dataset.msgOffline && (await reachable())) send()
  }
  window.addEventListener('online', () => void retry())
  setInterval(() => void retry(), RETRY_MS)
}
