// The question form's richer fields (hint, show-if, required-if, limits and their message, whole numbers,
// "Other", "Don't know", default) as item fields, and an item's fields back as the form shows them.
import type { FieldError } from '../platform/http/problems.ts'
import type { FormValues } from '../platform/http/forms.ts'
import { conditionFields, conditionFromFields, namesOf } from './item-logic-input.ts'
import { constraintFields, constraintFromFields } from './item-limit-input.ts'
import type { Item, ItemKind } from './questionnaire-schema.ts'

/** The form fields this file reads (all optional strings; the checkboxes send "yes"). */
export const LOGIC_FIELDS = [
  'hintId', 'hintEn', 'showQ', 'showOp', 'showValue', 'showExpr', 'reqQ', 'reqOp', 'reqValue', 'reqExpr',
  'min', 'max', 'integer', 'notFuture', 'minLength', 'maxLength', 'constraintExpr', 'constraintMsgId', 'constraintMsgEn', 'other', 'dontKnow', 'default',
] as const

/** Where the question stands: the questions before it (a picker may name only these) and every id in the questionnaire. */
export interface ItemPlace {
  earlier: Item[]
  all: Item[]
}

type LogicFields = Pick<Item, 'hint' | 'relevant' | 'requiredIf' | 'constraint' | 'constraintMessage' | 'integer' | 'other' | 'dontKnow' | 'default'> & { required: boolean }

const bilingual = (id: string | undefined, en: string | undefined) => {
  const a = (id ?? '').trim()
  const b = (en ?? '').trim()
  return a || b ? { id: a || b, en: b || a } : undefined
}

/** `required` is "always", "never" or "when"; the old checkbox's "yes" still means always. */
export function logicFromInput(values: FormValues, kind: ItemKind, id: string, place: ItemPlace): { fields: LogicFields; errors: FieldError[] } {
  const errors: FieldError[] = []
  const show = conditionFromFields(values, 'show', place.earlier, id)
  if (show.error) errors.push(show.error)
  const mode = values['required'] === 'yes' ? 'always' : (values['required'] ?? 'never')
  let requiredIf: string | undefined
  if (mode === 'when') {
    const when = conditionFromFields(values, 'req', place.earlier, id)
    if (when.error) errors.push(when.error)
    else if (!when.expr) errors.push({ field: 'reqQ', message: 'builder.req.missing' })
    requiredIf = when.expr
  }
  const constraint = constraintFromFields(values, kind, namesOf(place.all.filter((i) => i.id !== id)))
  errors.push(...constraint.errors)
  const message = bilingual(values['constraintMsgId'], values['constraintMsgEn'])
  if (message && !constraint.expr && !constraint.errors.length) errors.push({ field: 'constraintMsgId', message: 'builder.limit.messageAlone' })
  const flag = (name: 'integer' | 'other' | 'dontKnow', kinds: ItemKind[]) => {
    if (values[name] !== 'yes') return undefined
    if (!kinds.includes(kind)) errors.push({ field: name, message: 'builder.limit.wrongKind' })
    return true
  }
  const hint = bilingual(values['hintId'], values['hintEn'])
  const dflt = (values['default'] ?? '').trim()
  const fields: LogicFields = {
    required: mode === 'always',
    ...(hint ? { hint } : {}),
    ...(show.expr ? { relevant: show.expr } : {}),
    ...(requiredIf ? { requiredIf } : {}),
    ...(constraint.expr ? { constraint: constraint.expr } : {}),
    ...(constraint.expr && message ? { constraintMessage: message } : {}),
    ...(flag('integer', ['number']) ? { integer: true } : {}),
    ...(flag('other', ['single', 'multiple']) ? { other: true } : {}),
    ...(flag('dontKnow', ['truefalse']) ? { dontKnow: true } : {}),
    ...(dflt ? { default: dflt.slice(0, 200) } : {}),
  }
  if (!['always', 'never', 'when'].includes(mode)) errors.push({ field: 'required', message: 'validation.choice' })
  return { fields, errors }
}

/** The form fields of a stored item's logic, each condition as the picker when it is one. */
export function logicValues(item: Item, earlier: Item[]): FormValues {
  const yes = (b: boolean | undefined) => (b ? 'yes' : '')
  return {
    hintId: item.hint?.id ?? '',
    hintEn: item.hint?.en ?? '',
    required: item.required ? 'always' : item.requiredIf ? 'when' : 'never',
    ...conditionFields(item.relevant, 'show', earlier),
    ...conditionFields(item.requiredIf, 'req', earlier),
    ...constraintFields(item.constraint, item.kind),
    constraintMsgId: item.constraintMessage?.id ?? '',
    constraintMsgEn: item.constraintMessage?.en ?? '',
    integer: yes(item.integer),
    other: yes(item.other),
    dontKnow: yes(item.dontKnow),
    default: item.default ?? '',
  }
}

/** The questions (ids) and sections (numbered from 1) whose relevant, required-if, constraint or choice filter names `id`. */
export function referencesTo(id: string, sections: { relevant?: string | undefined; items: Item[] }[], names: (source: string) => string[]): { items: string[]; sections: number[] } {
  const hits = (source: string | undefined) => !!source && names(source).some((n) => n === id || n === `${id}_other`)
  const found = { items: [] as string[], sections: [] as number[] }
  for (const [s, section] of sections.entries()) {
    if (hits(section.relevant)) found.sections.push(s + 1)
    for (const item of section.items) if (item.id !== id && [item.relevant, item.requiredIf, item.constraint, item.choiceFilter].some(hits)) found.items.push(item.id)
  }
  return found
}

/**
 * Where a question stands: an existing one (`itemId`) after the questions before it; a new one at the
 * end of `section`. Notes are left out of `earlier`: they have no answer to name.
 */
export function placeOf(sections: { items: Item[] }[], at: { itemId: string } | { section: number }): ItemPlace {
  const all = sections.flatMap((s) => s.items)
  const before = 'itemId' in at ? all.slice(0, Math.max(0, all.findIndex((i) => i.id === at.itemId))) : sections.slice(0, Math.max(0, at.section) + 1).flatMap((s) => s.items)
  return { earlier: before.filter((i) => i.kind !== 'note'), all }
}
