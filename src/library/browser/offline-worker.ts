// Starts the service worker that keeps the library (and questionnaire links) readable offline.
// Shared by library.js and collect.js, so a questionnaire page needs no library.js for it.

/**
 * Registers /sw.js and, once the page has loaded and the browser is idle, asks it to keep the
 * reader's language's library home and static files (sw.ts decides which pages may ask).
 */
export function startOfflineWorker(): void {
  if (!('serviceWorker' in navigator)) return
  navigator.serviceWorker.register('/sw.js').catch(() => {
    /* offline support is an extra; the site works without it */
  })
  whenIdle(() => {
    void navigator.serviceWorker.ready.then((registration) =>
      registration.active?.postMessage({ type: 'precache', locale: document.documentElement.lang, path: location.pathname }),
    )
  })
}

/** Runs `task` a second after the load event when the browser has nothing else to do, so it never competes with the page. */
function whenIdle(task: () => void): void {
  const idle = () => setTimeout(() => ('requestIdleCallback' in window ? requestIdleCallback(task, { timeout: 5000 }) : task()), 1000)
  if (document.readyState === 'complete') idle()
  else addEventListener('load', idle, { once: true })
}
