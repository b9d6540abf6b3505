import type { Child } from 'hono/jsx'

export interface Bar {
  label: string
  /** null: hidden (a small cell), drawn as a note instead of a bar. */
  value: number | null
}

/**
 * A horizontal bar chart as inline SVG, drawn on the server: no script, prints, scales to the screen.
 * Labels sit above their bars so long area names fit a phone. The numbers are in a table beside it too.
 */
export function BarChart(p: { title: string; bars: Bar[]; format: (n: number) => string; hiddenLabel: string; children?: Child }) {
  const width = 320
  const row = 34
  const max = Math.max(1, ...p.bars.map((b) => b.value ?? 0))
  const height = p.bars.length * row + 4
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={p.title} xmlns="http://www.w3.org/2000/svg">
        <title>{p.title}</title>
        {p.bars.map((b, i) => {
          const y = i * row
          const w = b.value === null ? 0 : Math.max(b.value > 0 ? 2 : 0, Math.round(((width - 60) * b.value) / max))
          return (
            <g>
              <text x="0" y={y + 12} font-size="12" fill="#1b1f24">
                {b.label}
              </text>
              <rect x="0" y={y + 16} width={w} height="12" rx="2" fill="#0b5c4a" />
              <text x={w + 4} y={y + 26} font-size="11" fill="#4d5661">
                {b.value === null ? p.hiddenLabel : p.format(b.value)}
              </text>
            </g>
          )
        })}
      </svg>
      <figcaption class="small muted">{p.title}</figcaption>
      {p.children}
    </figure>
  )
}
