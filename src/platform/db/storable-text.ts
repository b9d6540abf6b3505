// PostgreSQL refuses U+0000 in text ("invalid byte sequence"), and a lone UTF-16 surrogate cannot be
// encoded as UTF-8 at all, so one such character in a form, a path or a participant's answer made the
// whole write fail with a 500 (and a disclosure was lost with its answers). SQLite stored them, so the
// two databases disagreed. Every string bound into a query on either database passes through here:
// each such character becomes U+FFFD, the mark a reader sees where a character could not be kept.
import { OperationNodeTransformer, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow, type ValueNode, type PrimitiveValueListNode } from 'kysely'

// A NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

export const hasUnstorableCharacters = (text: string) => text.search(UNSTORABLE) !== -1
export const storableText = (text: string) => text.replace(UNSTORABLE, '\uFFFD')

const clean = (value: unknown) => (typeof value === 'string' ? storableText(value) : value)

class StorableValues extends OperationNodeTransformer {
  protected override transformValue(node: ValueNode): ValueNode {
    return { ...super.transformValue(node), value: clean(node.value) }
  }
  protected override transformPrimitiveValueList(node: PrimitiveValueListNode): PrimitiveValueListNode {
    return { ...super.transformPrimitiveValueList(node), values: node.values.map(clean) }
  }
}

export class StorableTextPlugin implements KyselyPlugin {
  private readonly transformer = new StorableValues()
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.transformer.transformNode(args.node)
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result
  }
}
