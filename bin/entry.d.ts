export function whyNotCompiled(root?: string, entry?: 'server' | 'jaga' | 'analyze'): string | undefined
export function loadEntry(name: 'server' | 'jaga' | 'analyze', sourceFile: string): Promise<Record<string, unknown>>
