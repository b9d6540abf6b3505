import { defineMessages } from '../platform/i18n/i18n.ts'

// Skip logic, constraints and required-if: what a participant is told (adults 'Anda'; children's forms use the .child keys where participant-register.ts picks them).
export const logicMessages = defineMessages({})
