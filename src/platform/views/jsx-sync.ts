import { jsx } from 'hono/jsx/jsx-runtime'

/**
 * Makes hono/jsx render without AsyncLocalStorage, once, before anything else renders (app.ts imports
 * this first).
 *
 * Why: hono/jsx 4.13 runs every render, and every context provider inside one (each inline <svg>),
 * in `AsyncLocalStorage.run` when the runtime has it. On Node 20 the first such call turns on async
 * hooks for the rest of the process: from then on every promise, socket write and request pays an
 * init hook. A Kysely query costs 16–20% more CPU with them on (measured: 24–26 µs against 29–31 µs a
 * query on SQLite, alternating runs), a page answered from memory a few µs more.
 *
 * How: hono looks for AsyncLocalStorage once, on its first render, through
 * `process.getBuiltinModule` (and `process.mainModule`, absent under ESM). Hidden for that one
 * synchronous render, hono keeps its documented fallback: context lives in a store set only while a
 * render runs synchronously. Jaga's views are synchronous functions (no async component anywhere), so
 * they render the same; jsx-sync.test.tsx checks the same markup and that no request turns the hooks on.
 * If a hono upgrade changes how it looks, that test fails rather than the server slowing down unseen.
 */
function renderOnceWithoutStorage(): void {
  const proc = process as unknown as Record<string, unknown>
  const hidden = ['getBuiltinModule', 'mainModule'].map((name) => [name, Object.getOwnPropertyDescriptor(proc, name)] as const)
  for (const [name, descriptor] of hidden) if (descriptor) Object.defineProperty(proc, name, { value: undefined, configurable: true, writable: true })
  try {
    String(jsx('b', {}))
  } finally {
    for (const [name, descriptor] of hidden) if (descriptor) Object.defineProperty(proc, name, descriptor)
  }
}

renderOnceWithoutStorage()
