// Paper entry from the keyboard alone: a one-character cell moves on to the next cell as soon as it
// is filled, so a row of answers is typed without pressing Tab.
document.addEventListener('input', (event) => {
  const cell = event.target as HTMLInputElement
  if (!cell.matches('.paper-grid input[data-advance]') || cell.value.length < 1) return
  const cells = Array.from(document.querySelectorAll<HTMLInputElement>('.paper-grid input[type=text]'))
  cells[cells.indexOf(cell) + 1]?.focus()
})

