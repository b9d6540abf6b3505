// One register per audience on the participant's form: adults are spoken to with "Anda", children
// with "kamu". The form knows its audience from its link's group.
import type { MessageKey, T } from '../messages.ts'
import { participantMessages } from './participant-messages.ts'

export type Register = 'adult' | 'child'

export const registerOf = (groupKind: string): Register => (groupKind.startsWith('children-') ? 'child' : 'adult')

/** A translator for the form: for a child, a key with a `.child` variant gives that variant. */
export function participantTranslator(t: T, register: Register): T {
  if (register === 'adult') return t
  return (key, params) => {
    const child = `${key}.child`
    return child in participantMessages ? t(child as MessageKey, params) : t(key, params)
  }
}
