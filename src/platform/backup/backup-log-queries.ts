import { sql, type Kysely } from 'kysely'

export interface LastBackup {
  takenAt: string
  encrypted: boolean
}

/** The newest finished backup (`jaga backup` writes backup_log), or undefined when none was ever taken. */
export async function findLastBackup(db: Kysely<any>): Promise<LastBackup | undefined> {
  const { rows } = await sql<{ takenAt: string; encrypted: number }>`select taken_at as "takenAt", encrypted from backup_log order by taken_at desc limit 1`.execute(db)
  const row = rows[0]
  return row ? { takenAt: row.takenAt, encrypted: Number(row.encrypted) === 1 } : undefined
}
