// Quick exit: leave for a neutral site and replace this page in the history, so the back
// button does not return here. Without JavaScript the link still leaves, as a plain link.
document.addEventListener('click', function (event) {
  var link = event.target instanceof Element ? event.target.closest('[data-quick-exit]') : null
  if (!link) return
  event.preventDefault()
  window.location.replace(link.getAttribute('href'))
})
document.addEventListener('keydown', function (event) {
  // Two presses of Escape in a row also leave, for someone who cannot reach the button in time.
  if (event.key !== 'Escape') return
  var now = Date.now()
  if (now - (window.__jagaLastEscape || 0) < 600) {
    var link = document.querySelector('[data-quick-exit]')
    if (link) window.location.replace(link.getAttribute('href'))
  }
  window.__jagaLastEscape = now
})
