import type { PoolFigures } from '../db/connect.ts'
import type { GaugeReading } from './metrics-registry.ts'

/**
 * The database connections as /metrics shows them. PostgreSQL: open, idle and waiting from pg.Pool,
 * and its maximum; a `waiting` above 0 on several scrapes means the pool (10) is too small for the
 * traffic or a query holds connections too long. SQLite has a single connection, so only its total
 * (1) and maximum are shown; queueing for it is in jaga_db_query_duration_seconds.
 */
export function poolGauges(figures: (() => PoolFigures) | undefined): GaugeReading[] {
  if (!figures) return []
  return [
    {
      name: 'jaga_db_pool_connections',
      help: 'Database connections by state: total open, idle and queries waiting for one (idle and waiting only on PostgreSQL).',
      read: () => {
        const f = figures()
        const out = [{ labels: { state: 'total' }, value: f.total }]
        if (f.idle !== undefined) out.push({ labels: { state: 'idle' }, value: f.idle })
        if (f.waiting !== undefined) out.push({ labels: { state: 'waiting' }, value: f.waiting })
        return out
      },
    },
    { name: 'jaga_db_pool_max_connections', help: 'The most connections the pool opens (1 for SQLite).', read: () => [{ value: figures().max }] },
  ]
}
