import type { Kysely } from 'kysely'

// Reference areas for the first programme, from shared/facts/ocsea-indonesia.md §8
// (emsifa/api-wilayah-indonesia datasets; confidence MEDIUM to MEDIUM-HIGH, to be re-checked against
// the current Kepmendagri "Kode dan Data Wilayah" and BPS MFD). The province codes are the common
// prefix of Kota Medan's codes (12.71 and 1275). Fixed ids keep the rows the same on every install.
const AT = '2026-11-27T00:00:00.000Z'
type Row = [id: string, parentId: string | null, level: string, kind: string, name: string, kemendagri: string, bps: string]

const ROWS: Row[] = [
  ['0b7f4a52-2b41-4c4e-9a57-000000000012', null, 'province', 'provinsi', 'Sumatera Utara', '12', '12'],
  ['0b7f4a52-2b41-4c4e-9a57-000000001271', '0b7f4a52-2b41-4c4e-9a57-000000000012', 'city', 'kota', 'Kota Medan', '12.71', '1275'],
  ['0b7f4a52-2b41-4c4e-9a57-000000127109', '0b7f4a52-2b41-4c4e-9a57-000000001271', 'district', 'kecamatan', 'Medan Amplas', '12.71.09', '1275030'],
  ['0b7f4a52-2b41-4c4e-9a57-127109100100', '0b7f4a52-2b41-4c4e-9a57-000000127109', 'village', 'kelurahan', 'Amplas', '12.71.09.1001', '1275030005'],
  ['0b7f4a52-2b41-4c4e-9a57-127109100200', '0b7f4a52-2b41-4c4e-9a57-000000127109', 'village', 'kelurahan', 'Sitirejo II', '12.71.09.1002', '1275030002'],
  ['0b7f4a52-2b41-4c4e-9a57-127109100300', '0b7f4a52-2b41-4c4e-9a57-000000127109', 'village', 'kelurahan', 'Sitirejo III', '12.71.09.1003', '1275030003'],
  ['0b7f4a52-2b41-4c4e-9a57-127109100400', '0b7f4a52-2b41-4c4e-9a57-000000127109', 'village', 'kelurahan', 'Harjosari I', '12.71.09.1004', '1275030004'],
  ['0b7f4a52-2b41-4c4e-9a57-127109100500', '0b7f4a52-2b41-4c4e-9a57-000000127109', 'village', 'kelurahan', 'Harjosari II', '12.71.09.1005', '1275030001'],
  ['0b7f4a52-2b41-4c4e-9a57-127109100600', '0b7f4a52-2b41-4c4e-9a57-000000127109', 'village', 'kelurahan', 'Timbang Deli', '12.71.09.1006', '1275030006'],
  ['0b7f4a52-2b41-4c4e-9a57-127109100700', '0b7f4a52-2b41-4c4e-9a57-000000127109', 'village', 'kelurahan', 'Bangun Mulia', '12.71.09.1007', '1275030007'],
]

export async function up(db: Kysely<any>): Promise<void> {
  await db
    .insertInto('areas')
    .values(
      ROWS.map(([id, parentId, level, kind, name, kemendagri, bps]) => ({
        id,
        parent_id: parentId,
        level,
        kind,
        name,
        kemendagri_code: kemendagri,
        bps_code: bps,
        created_at: AT,
        updated_at: AT,
      })),
    )
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('areas').where('id', 'in', [...ROWS].reverse().map((r) => r[0])).execute()
}
