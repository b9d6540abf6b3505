/**
 * True when the database refused a write because another row still refers to this one
 * (SQLite "FOREIGN KEY constraint failed", PostgreSQL SQLSTATE 23503).
 */
export function isForeignKeyViolation(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false
  const err = e as { code?: string; message?: string }
  return err.code === '23503' || err.code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || /FOREIGN KEY constraint failed/.test(err.message ?? '')
}
