import { z } from 'zod'
import { KINDS } from './area-rules.ts'

const optionalCode = z
  .string()
  .trim()
  .max(20, { error: 'validation.tooLong' })
  .optional()
  .nullable()
  .transform((v) => (v ? v : null))

/** The writable fields of an area, shared by the HTML form and POST /api/v1/areas. */
export const areaInput = z.object({
  parentId: z
    .union([z.uuid({ error: 'area.noSuchParent' }), z.literal('')])
    .optional()
    .nullable()
    .transform((v) => (v ? v : null))
    .meta({ description: 'The area this one belongs to; leave out for a province.' }),
  kind: z.enum(KINDS, { error: 'validation.choice' }).meta({ description: 'provinsi; kota or kabupaten; kecamatan; kelurahan or desa; lingkungan, rw or dusun' }),
  name: z.string({ error: 'validation.required' }).trim().min(1, { error: 'validation.required' }).max(120),
  kemendagriCode: optionalCode.meta({ description: 'Kemendagri code, dotted, e.g. 12.71.09.1001 for a kelurahan' }),
  bpsCode: optionalCode.meta({ description: 'BPS code, digits, e.g. 1275030005 for a kelurahan' }),
})
export type AreaInput = z.output<typeof areaInput>

export const areaUpdate = areaInput.omit({ parentId: true })
export type AreaUpdate = z.output<typeof areaUpdate>

export interface AreaNode {
  id: string
  level: string
  kind: string
  name: string
  kemendagriCode: string | null
  bpsCode: string | null
  children: AreaNode[]
}

// A recursive schema for the OpenAPI document of GET /api/v1/areas.
export const areaNodeSchema: z.ZodType<AreaNode> = z.lazy(() =>
  z.object({
    id: z.uuid(),
    level: z.string(),
    kind: z.string(),
    name: z.string(),
    kemendagriCode: z.string().nullable(),
    bpsCode: z.string().nullable(),
    children: z.array(areaNodeSchema),
  }),
)
