// The projector view refreshes its numbers every few seconds without reloading the page, and can be
// paused (an automatic refresh that cannot be stopped fails WCAG 2.2.1). Without script, a link reloads.
// A button (and the F key) puts the page full screen; Escape, the browser's own key, leaves it.
const live = document.querySelector<HTMLElement>('[data-live]')
const button = document.querySelector<HTMLButtonElement>('[data-live-toggle]')
if (live && button) {
  let paused = false
  button.hidden = false
  document.querySelector<HTMLElement>('[data-live-reload]')?.setAttribute('hidden', '')
  button.addEventListener('click', () => {
    paused = !paused
    button.textContent = (paused ? button.dataset.resume : button.dataset.pause) ?? ''
    button.setAttribute('aria-pressed', String(paused))
  })
  setInterval(async () => {
    if (paused || document.hidden) return
    try {
      const html = await (await fetch(location.href, { headers: { Accept: 'text/html' } })).text()
      const fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-live]')
      if (fresh) live.innerHTML = fresh.innerHTML
    } catch {
      // Offline for a moment: keep what is shown and try again at the next tick.
    }
  }, Number(live.dataset.live) || 10_000)
}

const full = document.querySelector<HTMLButtonElement>('[data-fullscreen]')
if (full && document.fullscreenEnabled) {
  full.hidden = false
  const toggle = () => {
    if (document.fullscreenElement) void document.exitFullscreen()
    else void document.documentElement.requestFullscreen().catch(() => undefined)
  }
  full.addEventListener('click', toggle)
  document.addEventListener('fullscreenchange', () => {
    full.textContent = (document.fullscreenElement ? full.dataset.leave : full.dataset.enter) ?? ''
  })
  document.addEventListener('keydown', (e) => {
    // Not while typing, nor with a modifier (Ctrl+F finds text).
    if ((e.key === 'f' || e.key === 'F') && !e.ctrlKey && !e.metaKey && !e.altKey && !(e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement)) {
      e.preventDefault()
      toggle()
    }
  })
}
