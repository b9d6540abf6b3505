// Staff forms typed in the field (attendance, paper questionnaires, session reports, library edits)
// lose nothing to a dropped connection. A form marked data-keep checks that the server answers before
// it is sent; with no answer, what was typed waits in localStorage (never a password or a file: such
// forms are not marked) and is sent when the connection returns, or put back in the form the next time
// the page opens. Each kept form has a status line (data-keep-status) with its messages in the page's
// language.

interface Kept {
  fields: [string, string][]
  submitter: [string, string] | null
}

const RETRY_MS = 15_000

const reachable = async (): Promise<boolean> => {
  try {
    return (await fetch('/healthz', { cache: 'no-store' })).ok
  } catch {
    return false
  }
}

for (const form of Array.from(document.querySelectorAll<HTMLFormElement>('form[data-keep]'))) keep(form)

function keep(form: HTMLFormElement): void {
  const status = form.previousElementSibling instanceof HTMLElement && form.previousElementSibling.hasAttribute('data-keep-status') ? form.previousElementSibling : null
  const key = `jaga-keep:${new URL(form.action).pathname}`
  const read = (): Kept | null => {
    try {
      return JSON.parse(localStorage.getItem(key) ?? 'null') as Kept | null
    } catch {
      return null
    }
  }
  const say = (text: string | undefined) => {
    if (status) status.textContent = text ?? ''
  }

  const saved = read()
  if (saved) {
    // Typed here before, with no connection: put it back (the server's values are replaced).
    const values = new Map<string, string[]>()
    for (const pair of saved.fields) values.set(pair[0], [...(values.get(pair[0]) ?? []), pair[1]])
    for (const field of Array.from(form.elements)) {
      if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement || field instanceof HTMLSelectElement)) continue
      const mine = values.get(field.name)
      if (!mine || field.name === '_csrf') continue
      if (field instanceof HTMLInputElement && (field.type === 'checkbox' || field.type === 'radio')) field.checked = mine.includes(field.value)
      else field.value = mine.shift() ?? ''
    }
    say(status?.dataset.msgRestored)
  }

  // The button pressed, also where the browser does not report it with the submit event (Safari before 15.4).
  let pressed: HTMLButtonElement | null = null
  form.addEventListener('click', (event) => {
    const button = (event.target as Element).closest('button')
    if (button && button.type === 'submit') pressed = button
  })

  // Set once the form is on its way: the online event and the timer may both find the connection back.
  let sending = false
  /** Sends the form the ordinary way, with the button that was pressed (intent=submit, decision=publish…). */
  const send = (submitter: [string, string] | null) => {
    if (sending) return
    sending = true
    localStorage.removeItem(key)
    if (submitter) {
      const hidden = document.createElement('input')
      hidden.type = 'hidden'
      hidden.name = submitter[0]
      hidden.value = submitter[1]
      form.append(hidden)
    }
    HTMLFormElement.prototype.submit.call(form)
  }

  // The browser has checked required fields before this event fires.
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const button = ((event as SubmitEvent).submitter as HTMLButtonElement | null) ?? pressed
    const submitter: [string, string] | null = button?.name ? [button.name, button.value] : null
    void reachable().then((online) => {
      if (online) return send(submitter)
      const fields: [string, string][] = []
      new FormData(form).forEach((value, name) => {
        if (typeof value === 'string' && name !== '_csrf') fields.push([name, value])
      })
      localStorage.setItem(key, JSON.stringify({ fields, submitter } satisfies Kept))
      say(status?.dataset.msgOffline)
    })
  })

  const retry = async () => {
    const waiting = read()
    if (!sending && waiting && status?.textContent === status?.dataset.msgOffline && (await reachable())) send(waiting.submitter)
  }
  window.addEventListener('online', () => void retry())
  setInterval(() => void retry(), RETRY_MS)
}
