// A number item's min/max in XLSForm. They have no column of their own, so the export writes them as a
// constraint other tools enforce (`. >= 0 and . <= 24`, after `(own constraint) and ` when there is one)
// and says in `jaga_limits` what Jaga had: `0..24`, `0..`, `..24`, or `..` for none. Without that mark
// a constraint the builder wrote (`. >= 1 and . <= 20`) could not be told from min/max, and would come
// back changed. A form without the mark (written elsewhere) is read as before (xlsform-logic.ts).
export const LIMITS_COLUMN = 'jaga_limits'

export interface Limits {
  min?: number
  max?: number
}

/** A number as an XPath literal, which has no exponent: 1e-7 is written 0.0000001. */
export function decimal(n: number): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(String(n))
  if (!m) return String(n)
  const [, sign, whole, fraction = '', exponent] = m
  const digits = whole! + fraction
  const point = whole!.length + Number(exponent)
  const text = point <= 0 ? `0.${'0'.repeat(-point)}${digits}` : point >= digits.length ? digits + '0'.repeat(point - digits.length) : `${digits.slice(0, point)}.${digits.slice(point)}`
  return sign + text
}

const range = ({ min, max }: Limits) => [min !== undefined ? `. >= ${decimal(min)}` : '', max !== undefined ? `. <= ${decimal(max)}` : ''].filter(Boolean).join(' and ')

/** The constraint written for an item's own constraint and its limits. */
export function writtenConstraint(constraint: string | undefined, limits: Limits): string {
  const r = range(limits)
  return constraint && r ? `(${constraint}) and ${r}` : (constraint ?? r)
}

export const limitsCell = ({ min, max }: Limits) => `${min !== undefined ? decimal(min) : ''}..${max !== undefined ? decimal(max) : ''}`

const CELL = /^(-?\d+(?:\.\d+)?)?\.\.(-?\d+(?:\.\d+)?)?$/

/**
 * The limits and own constraint of a row Jaga wrote, when its `jaga_limits` cell is one and the
 * constraint is what the export writes for it; undefined otherwise (the mark is then not trusted).
 */
export function readLimits(cell: string, constraint: string): { limits: Limits; constraint?: string } | undefined {
  const m = CELL.exec(cell.trim())
  if (!m) return undefined
  const limits: Limits = { ...(m[1] !== undefined ? { min: Number(m[1]) } : {}), ...(m[2] !== undefined ? { max: Number(m[2]) } : {}) }
  const r = range(limits)
  if (!r) return { limits, ...(constraint ? { constraint } : {}) }
  if (constraint === r) return { limits }
  const suffix = `) and ${r}`
  if (constraint.startsWith('(') && constraint.endsWith(suffix)) return { limits, constraint: constraint.slice(1, -suffix.length) }
  return undefined
}
