// A questionnaire version that uses issue 14's model (skip logic, constraints, whole numbers, dates,
// "Other", "don't know", a choice filter), attached to a session's link in place of the shipped test.
import crypto from 'node:crypto'
import type { Definition } from '../src/evaluation/questionnaire-schema.ts'
import { definitionSchema } from '../src/evaluation/questionnaire-schema.ts'
import type { TestApp } from './harness.ts'

/** A label in Bahasa Indonesia and English (the same text when one is given, as for a place name). */
export const l = (id: string, en = id) => ({ id, en })

/** A district question and a village question whose choices follow the district (a cascading choice filter). */
export const districtAndVillage = [
  { id: 'district', kind: 'single', label: l('Kecamatan', 'District'), options: [{ value: 'amplas', label: l('Medan Amplas') }, { value: 'johor', label: l('Medan Johor') }] },
  {
    id: 'village',
    kind: 'single',
    label: l('Kelurahan', 'Village'),
    choiceFilter: 'district = ${district}',
    options: [
      { value: 'harjosari', label: l('Harjosari I'), filter: { district: 'amplas' } },
      { value: 'kedai_durian', label: l('Kedai Durian'), filter: { district: 'johor' } },
    ],
  },
]

export const logicDefinition: Definition = definitionSchema.parse({
  sections: [
    {
      items: [
        { id: 'has_children', kind: 'single', label: l('Punya anak?', 'Any children?'), required: true, options: [{ value: 'yes', label: l('Ya', 'Yes') }, { value: 'no', label: l('Tidak', 'No') }] },
        {
          id: 'children',
          kind: 'number',
          integer: true,
          label: l('Berapa anak?', 'How many children?'),
          required: true,
          relevant: "${has_children} = 'yes'",
          constraint: '. >= 1 and . <= 20',
          constraintMessage: l('Jumlah anak antara 1 dan 20.', 'The number of children is between 1 and 20.'),
        },
        { id: 'why_none', kind: 'text', label: l('Mengapa ikut?', 'Why did you come?'), requiredIf: "${has_children} = 'no'" },
        { id: 'visit', kind: 'date', label: l('Tanggal kunjungan', 'Date of the visit'), constraint: ". >= '2020-01-01'" },
        { id: 'job', kind: 'single', other: true, label: l('Pekerjaan', 'Work'), options: [{ value: 'farmer', label: l('Petani', 'Farmer') }, { value: 'trader', label: l('Pedagang', 'Trader') }] },
        ...districtAndVillage,
        { id: 'k1', kind: 'truefalse', dontKnow: true, label: l('Pernyataan satu', 'Statement one'), answer: 'true' },
        { id: 'k2', kind: 'truefalse', label: l('Pernyataan dua (orang tua)', 'Statement two (parents)'), answer: 'true', relevant: "${has_children} = 'yes'" },
        { id: 'k3', kind: 'truefalse', label: l('Pernyataan tiga', 'Statement three'), answer: 'false' },
        { id: 'k4', kind: 'truefalse', label: l('Pernyataan empat', 'Statement four'), answer: 'true' },
      ],
    },
  ],
})

/** Puts the logic questionnaire behind one of a session's links (a new version of the link's questionnaire). */
export async function useLogicQuestionnaire(jaga: TestApp, linkId: string, definition: Definition = logicDefinition): Promise<void> {
  const link = await jaga.db.selectFrom('collectionLinks').select('questionnaireVersionId').where('id', '=', linkId).executeTakeFirstOrThrow()
  const current = await jaga.db.selectFrom('questionnaireVersions').selectAll().where('id', '=', link.questionnaireVersionId).executeTakeFirstOrThrow()
  const last = await jaga.db.selectFrom('questionnaireVersions').select((eb) => eb.fn.max('version').as('v')).where('questionnaireId', '=', current.questionnaireId).executeTakeFirstOrThrow()
  const id = crypto.randomUUID()
  await jaga.db.insertInto('questionnaireVersions').values({ id, questionnaireId: current.questionnaireId, version: Number(last.v) + 1, definition: JSON.stringify(definition), createdAt: new Date().toISOString(), createdBy: null }).execute()
  await jaga.db.updateTable('collectionLinks').set({ questionnaireVersionId: id }).where('id', '=', linkId).execute()
}
