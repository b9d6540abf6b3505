import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely'
import type { Histogram } from '../http/metrics-registry.ts'

/**
 * Times each query from Kysely handing it over to its rows coming back (so waiting for a pooled
 * connection counts too), by kind of statement. A query that fails never reaches transformResult: its
 * start is kept in a WeakMap keyed by the query's id object, so nothing piles up.
 */
export class QueryTimer implements KyselyPlugin {
  private readonly started = new WeakMap<object, { at: number; kind: string }>()
  constructor(private readonly histogram: Histogram) {}

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.started.set(args.queryId, { at: performance.now(), kind: kindOf(args.node.kind) })
    return args.node
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const start = this.started.get(args.queryId)
    if (start) {
      this.started.delete(args.queryId)
      this.histogram.observe({ kind: start.kind }, (performance.now() - start.at) / 1000)
    }
    return args.result
  }
}

function kindOf(node: string): string {
  switch (node) {
    case 'SelectQueryNode':
      return 'select'
    case 'InsertQueryNode':
      return 'insert'
    case 'UpdateQueryNode':
      return 'update'
    case 'DeleteQueryNode':
      return 'delete'
    case 'RawNode':
      return 'raw'
    default:
      return 'other'
  }
}
