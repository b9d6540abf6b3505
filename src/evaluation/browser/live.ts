// The projector view refreshes its numbers every few seconds without reloading the page, and can be
// paused (an automatic refresh that cannot be stopped fails WCAG 2.2.1). Without script, a link reloads.
const live = document.querySelector<HTMLElement>('[data-live]')
const button = document.querySelector<HTMLButtonElement>('[data-live-toggle]')
if (live && button) {
  let paused = false
  button.hidden = false
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
