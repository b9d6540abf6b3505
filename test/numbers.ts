// Compares a result with reference values (R, SciPy): every number the reference holds must be in the
// result at the same path, equal to a relative tolerance; null must be null. Keys the reference lacks
// are not compared. Numbers below the smallest normal double (p-values that underflow, e.g. R's 1e-323
// against 0) carry no relative precision and count as equal. Returns the differences, empty when they agree.
const MIN_NORMAL = 2.2250738585072014e-308
export function differences(reference: unknown, actual: unknown, relative = 1e-9, path = ''): string[] {
  if (typeof reference === 'number') {
    if (typeof actual !== 'number') return [`${path}: expected ${reference}, got ${JSON.stringify(actual)}`]
    const scale = Math.max(Math.abs(reference), Math.abs(actual))
    return actual === reference || scale < MIN_NORMAL || Math.abs(actual - reference) <= relative * scale ? [] : [`${path}: expected ${reference}, got ${actual} (relative difference ${(Math.abs(actual - reference) / scale).toExponential(2)})`]
  }
  if (reference === null || typeof reference !== 'object') return reference === actual ? [] : [`${path}: expected ${JSON.stringify(reference)}, got ${JSON.stringify(actual)}`]
  if (actual === null || typeof actual !== 'object') return [`${path}: expected an ${Array.isArray(reference) ? 'array' : 'object'}, got ${JSON.stringify(actual)}`]
  return Object.entries(reference).flatMap(([key, value]) => differences(value, (actual as Record<string, unknown>)[key], relative, `${path}.${key}`))
}

/** How many numbers a reference holds, so a test can say it compared something. */
export function countNumbers(reference: unknown): number {
  if (typeof reference === 'number') return 1
  if (reference === null || typeof reference !== 'object') return 0
  return Object.values(reference).reduce((sum: number, v) => sum + countNumbers(v), 0)
}
