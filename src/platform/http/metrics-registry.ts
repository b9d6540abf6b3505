// Counters and histograms in the Prometheus text format (version 0.0.4), written by hand: the format is
// a few lines of text, and prom-client would add a dependency for what is here about 100 lines.
// Label values are code-chosen words (route patterns, outcomes), never text a visitor typed.

type Labels = Record<string, string>

const escapeLabel = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"')
const labelText = (labels: Labels) => {
  const pairs = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`)
  return pairs.length ? `{${pairs.join(',')}}` : ''
}
const keyOf = (labels: Labels) => JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)))
const number = (n: number) => (Number.isFinite(n) ? String(n) : n > 0 ? '+Inf' : n < 0 ? '-Inf' : 'NaN')

interface Metric {
  render(): string
}

export class Counter implements Metric {
  private readonly values = new Map<string, { labels: Labels; value: number }>()
  constructor(
    readonly name: string,
    private readonly help: string,
  ) {}

  inc(labels: Labels = {}, by = 1): void {
    const key = keyOf(labels)
    const entry = this.values.get(key)
    if (entry) entry.value += by
    else this.values.set(key, { labels, value: by })
  }

  /** One series to count on a hot path: the labels are turned into a key once, not on every inc(). */
  series(labels: Labels): { inc(by?: number): void } {
    const key = keyOf(labels)
    return {
      inc: (by = 1) => {
        const entry = this.values.get(key)
        if (entry) entry.value += by
        else this.values.set(key, { labels, value: by })
      },
    }
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`]
    for (const { labels, value } of this.values.values()) lines.push(`${this.name}${labelText(labels)} ${number(value)}`)
    return lines.join('\n')
  }
}

/** Seconds-based buckets from 1 ms to 10 s: a page, a query or a phone's answer all fall in this range. */
export const DEFAULT_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

export class Histogram implements Metric {
  private readonly series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>()
  constructor(
    readonly name: string,
    private readonly help: string,
    private readonly buckets: number[] = DEFAULT_BUCKETS,
  ) {}

  observe(labels: Labels, seconds: number): void {
    const key = keyOf(labels)
    let s = this.series.get(key)
    if (!s) this.series.set(key, (s = { labels, counts: this.buckets.map(() => 0), sum: 0, count: 0 }))
    for (let i = 0; i < this.buckets.length; i++) if (seconds <= this.buckets[i]!) s.counts[i]!++
    s.sum += seconds
    s.count++
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`]
    for (const { labels, counts, sum, count } of this.series.values()) {
      this.buckets.forEach((le, i) => lines.push(`${this.name}_bucket${labelText({ ...labels, le: number(le) })} ${counts[i]}`))
      lines.push(`${this.name}_bucket${labelText({ ...labels, le: '+Inf' })} ${count}`)
      lines.push(`${this.name}_sum${labelText(labels)} ${number(sum)}`)
      lines.push(`${this.name}_count${labelText(labels)} ${count}`)
    }
    return lines.join('\n')
  }
}

/** A value read when scraped (a database count, a memory figure), one line per label set. */
export interface GaugeReading {
  name: string
  help: string
  read: () => Promise<Array<{ labels?: Labels; value: number }>> | Array<{ labels?: Labels; value: number }>
}

export async function renderGauge(g: GaugeReading): Promise<string> {
  const lines = [`# HELP ${g.name} ${g.help}`, `# TYPE ${g.name} gauge`]
  for (const { labels, value } of await g.read()) lines.push(`${g.name}${labelText(labels ?? {})} ${number(value)}`)
  return lines.join('\n')
}

/**
 * The process's metrics. One per process on purpose: a slice counts where the thing happens
 * (`metrics.counter(...)` at module level) without the request in hand, and /metrics renders them all.
 */
export class MetricsRegistry {
  private readonly metrics = new Map<string, Metric>()

  counter(name: string, help: string): Counter {
    return this.get(name, () => new Counter(name, help), Counter)
  }

  histogram(name: string, help: string, buckets?: number[]): Histogram {
    return this.get(name, () => new Histogram(name, help, buckets), Histogram)
  }

  render(): string {
    return [...this.metrics.values()].map((m) => m.render()).join('\n')
  }

  private get<M extends Metric>(name: string, make: () => M, kind: new (...args: any[]) => M): M {
    const existing = this.metrics.get(name)
    if (existing instanceof kind) return existing
    if (existing) throw new Error(`metric ${name} is already registered as another kind`)
    const m = make()
    this.metrics.set(name, m)
    return m
  }
}

export const metrics = new MetricsRegistry()
