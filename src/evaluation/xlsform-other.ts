// A choice item's "Other" option in XLSForm. pyxform warns when `or_other` is used with translations
// (its "Other" label exists in English only), so Jaga never writes `or_other`: the list gets an
// explicit `other` choice and the item is followed by a text row `<id>_other`, shown when "other" is
// chosen and marked `jaga_kind = other_text`. The same shape is written for a one-language form,
// since `or_other` would show an Indonesian-only form's participants the English word "Other".
// A reader folds that shape back into one item with `other: true` only when the marker is there: a
// form written by hand with the same look stays a choice question plus a text question, as written.
import { createTranslator } from '../platform/i18n/i18n.ts'
import { formViewMessages } from './form-view-messages.ts'
import { OTHER, type Bilingual } from './questionnaire-schema.ts'

export const OTHER_TEXT_KIND = 'other_text'

const bilingual = (key: 'collect.other' | 'collect.otherText'): Bilingual => ({
  id: createTranslator(formViewMessages, 'id')(key),
  en: createTranslator(formViewMessages, 'en')(key),
})
/** The words the participant's form shows (form-view-messages.ts), so another tool shows the same. */
export const OTHER_LABEL = bilingual('collect.other')
export const OTHER_TEXT_LABEL = bilingual('collect.otherText')

export const otherTextName = (id: string) => `${id}_other`
export const otherRelevant = (id: string) => `selected(\${${id}}, '${OTHER}')`

/** Jaga offers "Other" whatever a choice_filter says; another tool needs the filter to say so. */
export const filterWithOther = (filter: string) => `(${filter}) or name = '${OTHER}'`
const WITH_OTHER = new RegExp(`^\\((.+)\\)\\s+or\\s+name\\s*=\\s*'${OTHER}'$`)
/** The choice_filter as Jaga keeps it, when it is one filterWithOther wrote; else undefined. */
export function filterWithoutOther(filter: string): string | undefined {
  return WITH_OTHER.exec(filter.trim())?.[1]
}

/** The relevant of a text row written by Jaga for `<id>_other`, spacing aside. */
export const isOtherRelevant = (relevant: string, id: string) => relevant.replace(/\s+/g, '') === otherRelevant(id).replace(/\s+/g, '')
