// Library pages open with YAML front matter between two "---" lines. Coordinators write these
// sources in the web editor, so the parser must never run code: gray-matter (used before) evaluated
// a block opened with "---js" as JavaScript. Here only plain YAML is read, with js-yaml's core schema
// (strings, numbers, booleans, null, lists and maps: no custom tags, no timestamps, no functions).
import yaml from 'js-yaml'

export class FrontmatterError extends Error {
  constructor(
    message: string,
    /** Why, for a message in the editor's language: the block names another language, or its YAML is broken. */
    readonly reason: 'not-yaml' | 'invalid',
  ) {
    super(message)
  }
}

/** Splits a page source into its front matter (parsed) and its Markdown body. */
export function parseFrontmatter(raw: string): { data: Record<string, unknown>; content: string } {
  const source = raw.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n')
  const opening = /^---([^\n]*)\n/.exec(source)
  if (!opening) return { data: {}, content: source }
  const language = opening[1]!.trim()
  // "---js", "---javascript", "---coffee", "---json", "---yaml"…: only the bare "---" is accepted, so
  // nobody has to remember which names are dangerous.
  if (language !== '') throw new FrontmatterError(`the front matter opens with "---${language}"; only YAML is read: open it with a line of just "---"`, 'not-yaml')
  const rest = source.slice(opening[0].length)
  const closing = /^---[ \t]*$/m.exec(rest)
  if (!closing) throw new FrontmatterError('the front matter has no closing "---" line', 'invalid')
  let data: unknown
  try {
    data = yaml.load(rest.slice(0, closing.index), { schema: yaml.CORE_SCHEMA })
  } catch (e) {
    throw new FrontmatterError(`the frontmatter is not valid YAML (${(e as Error).message.split('\n')[0]})`, 'invalid')
  }
  if (data === undefined || data === null) data = {}
  if (typeof data !== 'object' || Array.isArray(data)) throw new FrontmatterError('the frontmatter must be a list of "name: value" lines', 'invalid')
  return { data: data as Record<string, unknown>, content: rest.slice(closing.index + closing[0].length).replace(/^\n/, '') }
}
