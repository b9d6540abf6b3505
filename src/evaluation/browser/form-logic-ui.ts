// Runs a questionnaire's logic on the phone, offline too: the same formState (shared/form-logic.ts) the
// server runs, over a definition read back from the form's data attributes (question-fields.tsx). A
// question that is not relevant is hidden and its inputs disabled, so neither the JSON outbox nor a plain
// form submit sends its answer; a failed check shows its message at the field and stops the sending.
import { localDate } from '../shared/local-date.ts'
import type { Definition, Item } from '../questionnaire-schema.ts'
import { formState, type Answers, type FormState } from '../shared/form-logic.ts'

type Input = HTMLInputElement | HTMLTextAreaElement
const NO_LABEL = { id: '', en: '' }

interface Field {
  item: Item
  el: HTMLElement
  inputs: Input[]
  /** The "Other (please write)" text box, when the item has one. */
  other?: HTMLInputElement
  check?: HTMLElement
  /** Set once the participant has left the field or tried to send: only then is a message shown. */
  touched: boolean
}


const asNumber = (text: string) => Number(text.replace(',', '.'))
const choiceInputs = (f: Field) => f.inputs.filter((i): i is HTMLInputElement => i instanceof HTMLInputElement && (i.type === 'radio' || i.type === 'checkbox'))

function fieldOf(el: HTMLElement): Field {
  const d = el.dataset
  const inputs = Array.from(el.querySelectorAll<Input>('input[name^="a."], textarea[name^="a."]')).filter((i) => !i.closest('[data-other-text]'))
  const choice = d.kind === 'single' || d.kind === 'multiple'
  const item = {
    id: d.item!,
    kind: d.kind as Item['kind'],
    label: NO_LABEL,
    required: d.required !== undefined,
    relevant: d.relevant,
    constraint: d.constraint,
    requiredIf: d.requiredIf,
    choiceFilter: d.choiceFilter,
    integer: d.integer !== undefined || undefined,
    other: d.other !== undefined || undefined,
    options: choice
      ? inputs.filter((i) => i.dataset.otherOption === undefined).map((i) => ({ value: i.value, label: NO_LABEL, filter: i.dataset.filter ? (JSON.parse(i.dataset.filter) as Record<string, string>) : undefined }))
      : undefined,
  } as Item
  return { item, el, inputs, other: el.querySelector<HTMLInputElement>('[data-other-text] input') ?? undefined, check: document.getElementById(`q-${item.id}-check`) ?? undefined, touched: false }
}

/** The answers as the server's logic reads them (answers.ts): trimmed, numbers as numbers, multiple choices as lists. */
function answersOf(fields: Field[]): Answers {
  const out: Answers = {}
  for (const f of fields) {
    const values = (choiceInputs(f).length ? choiceInputs(f).filter((i) => i.checked) : f.inputs).map((i) => i.value.trim()).filter((v) => v !== '')
    if (f.item.other && f.other) out[`${f.item.id}_other`] = f.other.value.trim() || undefined
    if (values.length === 0) continue
    if (f.item.kind === 'multiple') out[f.item.id] = values
    else if ((f.item.kind === 'number' || f.item.kind === 'likert') && Number.isFinite(asNumber(values[0]!))) out[f.item.id] = asNumber(values[0]!)
    else out[f.item.id] = values.join(' ')
  }
  return out
}

export interface FormLogic {
  /** Shows every failed check; true when the answers may be sent. */
  check(): boolean
}

export function startFormLogic(form: HTMLFormElement): FormLogic {
  const msg = form.dataset
  const sections = Array.from(form.querySelectorAll<HTMLElement>('section.items'))
  const bySection = sections.map((s) => Array.from(s.querySelectorAll<HTMLElement>('[data-item]'), fieldOf))
  const fields = bySection.flat()
  const definition = { sections: sections.map((s, i) => ({ relevant: s.dataset.relevant, items: bySection[i]!.map((f) => f.item) })) } as Definition
  const byId = new Map(fields.map((f) => [f.item.id, f]))
  let state: FormState | undefined

  /** What is wrong with a shown field's answer, in the page's language, or undefined. */
  function problemOf(f: Field, s: FormState): string | undefined {
    const answer = answersOf([f])[f.item.id]
    if (answer === undefined) return s.required.has(f.item.id) ? msg.msgRequired : undefined
    if (f.other && !f.other.disabled && f.other.value.trim() === '') return msg.msgRequired
    if (f.item.kind === 'number') {
      const n = asNumber(f.inputs[0]!.value.trim())
      if (!Number.isFinite(n)) return msg.msgNumber
      if (f.item.integer && !Number.isInteger(n)) return msg.msgWhole
    }
    if (s.constraintFailures.includes(f.item.id)) return f.el.dataset.msgConstraint
    return undefined
  }

  function showProblem(f: Field, text: string | undefined): void {
    if (!f.check) return
    const target = f.el.tagName === 'FIELDSET' ? f.el : f.inputs[0]
    const ids = (target?.getAttribute('aria-describedby') ?? '').split(' ').filter((x) => x && x !== f.check!.id)
    if (text) ids.push(f.check.id)
    if (ids.length) target?.setAttribute('aria-describedby', ids.join(' '))
    else target?.removeAttribute('aria-describedby')
    // Written only when it changes, so a screen reader hears it once, not at every key.
    if (f.check.textContent !== (text ?? '')) f.check.textContent = text ?? ''
    f.check.hidden = !text
    f.el.classList.toggle('has-check', Boolean(text))
    // aria-invalid="" would mean false: set it to true or take it away.
    for (const i of f.inputs) if (text) i.setAttribute('aria-invalid', 'true')
    else i.removeAttribute('aria-invalid')
  }

  /** `typing`: a message may go away while the participant types, but a new one waits for the field to be left. */
  function apply(typing = false, again = true): void {
    try {
      state = formState(definition, answersOf(fields), localDate())
    } catch {
      // Without a state the form stays as it is without a script: every question shown, the server checks.
      state = undefined
      return
    }
    const s = state
    let unchecked = false
    for (const f of fields) {
      const shown = s.relevant.has(f.item.id)
      f.el.hidden = !shown
      const offered = s.options.get(f.item.id)
      for (const input of f.inputs) {
        const on = !offered || !(input instanceof HTMLInputElement) || input.dataset.otherOption !== undefined || offered.includes(input.value)
        if (!on && input instanceof HTMLInputElement && input.checked) {
          input.checked = false
          unchecked = true
        }
        ;(input.closest('label.choice') as HTMLElement | null)?.toggleAttribute('hidden', !on)
        input.disabled = !shown || !on
      }
      if (f.other) {
        const chosen = choiceInputs(f).some((i) => i.dataset.otherOption !== undefined && i.checked)
        const box = f.other.closest<HTMLElement>('[data-other-text]')!
        box.hidden = !(shown && chosen)
        f.other.disabled = box.hidden
      }
      const required = s.required.has(f.item.id)
      f.el.querySelector<HTMLElement>('[data-optional]')?.toggleAttribute('hidden', required)
      // Kept for the browser's own check too; a set of checkboxes is checked in problemOf only.
      for (const input of f.inputs) if (!(input instanceof HTMLInputElement && input.type === 'checkbox')) input.required = required
      const showing = f.check !== undefined && !f.check.hidden
      showProblem(f, shown && f.touched && (!typing || showing) ? problemOf(f, s) : undefined)
    }
    sections.forEach((section, i) => {
      const items = bySection[i]!
      section.hidden = items.length > 0 && items.every((f) => f.el.hidden)
    })
    // An option no longer offered was taken away: what depends on it is worked out once more.
    if (unchecked && again) return apply(typing, false)
    // "Question 3 of 5" counts the questions shown, so a skipped one leaves no gap.
    const shown = fields.filter((f) => !f.el.hidden && f.item.kind !== 'note')
    shown.forEach((f, i) => {
      const number = f.el.querySelector('.item-number')
      const text = (msg.msgProgress ?? '').replace('{n}', String(i + 1)).replace('{total}', String(shown.length))
      if (number && msg.msgProgress && number.textContent !== text) number.textContent = text
    })
    // The "please correct" line goes once nothing is marked any more.
    const status = document.getElementById('collect-status')
    if (status && status.textContent === msg.msgFix && !fields.some((f) => f.check && !f.check.hidden)) status.textContent = ''
  }

  const touch = (event: Event) => {
    const el = (event.target as HTMLElement).closest<HTMLElement>('[data-item]')
    const f = el && byId.get(el.dataset.item!)
    if (f) f.touched = true
    apply()
  }
  form.addEventListener('input', () => apply(true))
  form.addEventListener('change', touch)
  apply()

  return {
    check() {
      for (const f of fields) f.touched = true
      apply()
      if (!state) return true
      const s = state
      const failing = fields.filter((f) => s.relevant.has(f.item.id) && problemOf(f, s) !== undefined)
      const first = failing[0]
      if (!first) return true
      first.el.scrollIntoView({ block: 'center' })
      first.inputs.find((i) => !i.disabled)?.focus({ preventScroll: true })
      return false
    },
  }
}

// Loaded only on a form whose questionnaire has logic (question-fields.tsx usesLogic): the engine is most of its size.
const form = document.querySelector<HTMLFormElement>('form[data-collect]')
if (form) {
  const logic = startFormLogic(form)
  // Caught on the document on its way down: this runs before collect.js's own submit handler on the form, whatever order the scripts ran in.
  document.addEventListener(
    'submit',
    (event) => {
      if (event.target !== form || logic.check()) return
      event.preventDefault()
      event.stopPropagation()
      const status = document.getElementById('collect-status')
      if (status) status.textContent = form.dataset.msgFix ?? ''
    },
    true,
  )
}
