export function whyNotCompiled(root?: string): string | undefined
export function loadEntry(name: 'server' | 'jaga' | 'analyze', sourceFile: string): Promise<Record<string, unknown>>
