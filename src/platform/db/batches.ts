// Rows for a long list of ids, asked in batches. With thousands of ids in one `IN (…)` list
// PostgreSQL expects so many rows that it reads the whole table (5,000,000 answers for one programme's
// 2,000 sessions, 3 s in bench/national.ts); a hundred at a time it reads those sessions' pages only
// (an index), and no batch comes near SQLite's limit on bound parameters.
export const ID_BATCH = 100

export async function inBatches<T>(ids: readonly string[], run: (batch: string[]) => Promise<T[]>, size = ID_BATCH): Promise<T[]> {
  const out: T[] = []
  for (let i = 0; i < ids.length; i += size) out.push(...(await run(ids.slice(i, i + size))))
  return out
}
