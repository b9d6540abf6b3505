/**
 * True when the database refused a write because another row still refers to this one
 * (SQLite "FOREIGN KEY constraint failed", PostgreSQL SQLSTATE 23503).
 */
export function isForeignKeyViolation(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false
  const err = e as { code?: string; message?: string }
  return err.code === '23503' || err.code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || /FOREIGN KEY constraint failed/.test(err.message ?? '')
}

/**
 * True when the database refused a write that would duplicate a unique value (SQLite
 * "UNIQUE constraint failed", PostgreSQL SQLSTATE 23505): two requests raced past the check.
 */
export function isUniqueViolation(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false
  const err = e as { code?: string; message?: string }
  return err.code === '23505' || err.code === 'SQLITE_CONSTRAINT_UNIQUE' || err.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || /UNIQUE constraint failed/.test(err.message ?? '')
}
