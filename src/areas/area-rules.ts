// The region hierarchy and its official codes: pure rules, no I/O.

export const LEVELS = ['province', 'city', 'district', 'village', 'neighbourhood'] as const
export type AreaLevel = (typeof LEVELS)[number]

/** What each level is called locally; a city may be a kota or a kabupaten, a village a kelurahan or a desa. */
export const KINDS_BY_LEVEL = {
  province: ['provinsi'],
  city: ['kota', 'kabupaten'],
  district: ['kecamatan'],
  village: ['kelurahan', 'desa'],
  neighbourhood: ['lingkungan', 'rw', 'dusun'],
} as const satisfies Record<AreaLevel, readonly string[]>

export type AreaKind = (typeof KINDS_BY_LEVEL)[AreaLevel][number]
export const KINDS = Object.values(KINDS_BY_LEVEL).flat() as AreaKind[]

// Kemendagri codes are dotted (12.71.09.1001), BPS codes plain digits (1275030005). Neither
// system codes neighbourhoods, so a local code of up to 20 letters, digits, dots or dashes is allowed there.
const KEMENDAGRI: Record<AreaLevel, RegExp> = {
  province: /^\d{2}$/,
  city: /^\d{2}\.\d{2}$/,
  district: /^\d{2}\.\d{2}\.\d{2}$/,
  village: /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/,
  neighbourhood: /^[0-9A-Za-z.-]{1,20}$/,
}
const BPS: Record<AreaLevel, RegExp> = {
  province: /^\d{2}$/,
  city: /^\d{4}$/,
  district: /^\d{7}$/,
  village: /^\d{10}$/,
  neighbourhood: /^[0-9A-Za-z.-]{1,20}$/,
}
export const CODE_EXAMPLES: Record<AreaLevel, { kemendagri: string; bps: string }> = {
  province: { kemendagri: '12', bps: '12' },
  city: { kemendagri: '12.71', bps: '1275' },
  district: { kemendagri: '12.71.09', bps: '1275030' },
  village: { kemendagri: '12.71.09.1001', bps: '1275030005' },
  neighbourhood: { kemendagri: 'L-01', bps: 'L-01' },
}

export function childLevel(parent: AreaLevel | null): AreaLevel | null {
  if (parent === null) return 'province'
  return LEVELS[LEVELS.indexOf(parent) + 1] ?? null
}

export function isKindOf(level: AreaLevel, kind: string): kind is AreaKind {
  return (KINDS_BY_LEVEL[level] as readonly string[]).includes(kind)
}

export type CodeProblem = 'format' | 'prefix'

/** Checks a code's shape for its level and that it extends its parent's code. */
export function checkCode(system: 'kemendagri' | 'bps', level: AreaLevel, code: string, parentCode: string | null): CodeProblem | null {
  const shape = system === 'kemendagri' ? KEMENDAGRI[level] : BPS[level]
  if (!shape.test(code)) return 'format'
  if (level !== 'neighbourhood' && level !== 'province' && parentCode) {
    const prefix = system === 'kemendagri' ? `${parentCode}.` : parentCode
    if (!code.startsWith(prefix)) return 'prefix'
  }
  return null
}
