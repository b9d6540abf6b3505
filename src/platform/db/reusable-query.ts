import type { Compilable, CompiledQuery, Kysely, QueryResult } from 'kysely'
import { storableText } from './storable-text.ts'

/**
 * A query built and compiled once per database, then run again and again with new values. Building a
 * Kysely query and passing it through the plugins (camel case, storable text) cost more than running it
 * on the hot path of phones sending answers (bench/ingest.ts). The query is built with placeholders that
 * are swapped for the call's values in its compiled parameters; strings get the same storableText as the
 * plugin gives every other query, and rows still pass the plugins' result mapping (camel case).
 * Compiled copies are kept per adapter: a database and its transactions share one, and one dialect's SQL
 * never reaches another.
 */
export function reusableQuery<DB, Args extends unknown[], Row>(build: (db: Kysely<DB>, ...args: Args) => Compilable<Row>): (db: Kysely<DB>, ...args: Args) => Promise<QueryResult<Row>> {
  const compiled = new WeakMap<object, { query: CompiledQuery<Row>; slots: (number | undefined)[] }>()
  return async (db, ...args) => {
    const adapter = db.getExecutor().adapter
    let entry = compiled.get(adapter)
    if (!entry) {
      const placeholders = args.map((_, i) => `\u0001reusable-query-placeholder-${i}\u0001`) as Args
      const query = build(db, ...placeholders).compile()
      const slots = query.parameters.map((p) => (typeof p === 'string' ? placeholders.indexOf(p as never) : -1)).map((i) => (i >= 0 ? i : undefined))
      if (new Set(slots.filter((s) => s !== undefined)).size !== args.length) throw new Error('reusableQuery: every argument must be bound exactly where a placeholder stands')
      compiled.set(adapter, (entry = { query, slots }))
    }
    const { query, slots } = entry
    const parameters = query.parameters.map((p, i) => {
      const slot = slots[i]
      if (slot === undefined) return p
      const value = args[slot]
      return typeof value === 'string' ? storableText(value) : value
    })
    return db.executeQuery<Row>({ ...query, parameters })
  }
}
