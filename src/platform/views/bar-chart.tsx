import type { Child } from 'hono/jsx'

/** Every label of a chart, in CSS pixels: at least 12 on any screen (issue 15). */
export const CHART_FONT = 13
/** A label line: 13 px text and the gap under it. */
export const LABEL_LINE = 16
const BAR_SPAN = 75
/** Characters on a label line: 34 of 13 px text stay within the 328 px a 360 px phone leaves the figure. */
const LINE_CHARS = 34

export interface Bar {
  label: string
  /** null: hidden (a small cell), drawn as a note instead of a bar. */
  value: number | null
}

/**
 * A horizontal bar chart as inline SVG, drawn on the server: no script, prints, fits the screen.
 * Labels sit above their bars (on two lines at most) so long area names fit a phone. The numbers are in
 * a table beside it too. No viewBox: a viewBox scales the text with the figure, and on a 360 px phone
 * 12-unit labels came out near 10 px. Here text keeps its size in CSS pixels and only the bars stretch.
 */
export function BarChart(p: { title: string; bars: Bar[]; format: (n: number) => string; hiddenLabel: string; children?: Child }) {
  const max = Math.max(1, ...p.bars.map((b) => b.value ?? 0))
  const rows = stackRows(p.bars.map((b) => ({ ...b, lines: wrapLabel(b.label) })), 0, (r) => r.lines.length * LABEL_LINE + 22)
  return (
    <figure class="chart">
      <svg width="100%" height={rows.height + 4} role="img" aria-label={p.title} xmlns="http://www.w3.org/2000/svg">
        <title>{p.title}</title>
        {rows.rows.map(({ row: b, y }) => {
          const w = barPercent(b.value, max)
          const top = y + b.lines.length * LABEL_LINE
          return (
            <g>
              <ChartLabel lines={b.lines} y={y} />
              <rect x="0" y={top + 3} width={`${w}%`} height="13" rx="2" fill="#0b5c4a" />
              <text x={`${w}%`} dx="5" y={top + 14} font-size={CHART_FONT} fill="#4d5661">
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

/** A label's lines, one tspan each, its first baseline LABEL_LINE - 3 below y. */
export function ChartLabel(p: { lines: string[]; y: number }) {
  return (
    <text x="0" y={p.y + LABEL_LINE - 3} font-size={CHART_FONT} fill="#1b1f24">
      {p.lines.map((line, i) => (i === 0 ? <tspan x="0">{line}</tspan> : <tspan x="0" dy={LABEL_LINE}>{line}</tspan>))}
    </text>
  )
}

/** Rows placed one under the other, each as tall as it says, from `start`. */
export function stackRows<R>(rows: R[], start: number, height: (r: R) => number): { rows: { row: R; y: number }[]; height: number } {
  let y = start
  return { rows: rows.map((row) => ({ row, y: (y += height(row)) - height(row) })), height: y }
}

/**
 * A label broken into lines at spaces, at most `lines` of them; what does not fit ends in "…" after a
 * whole word (a word longer than a line is cut). SVG text does not wrap by itself.
 */
export function wrapLabel(label: string, chars = LINE_CHARS, lines = 2): string[] {
  const out: string[] = []
  let rest = label.trim().replace(/\s+/g, ' ')
  while (rest && out.length < lines) {
    if (rest.length <= chars) {
      out.push(rest)
      rest = ''
      break
    }
    const cut = rest.lastIndexOf(' ', chars)
    const at = cut > 0 ? cut : chars
    out.push(rest.slice(0, at))
    rest = rest.slice(at).trimStart()
  }
  if (rest) {
    const last = out.pop() ?? ''
    const room = last.length + 2 <= chars ? last : last.slice(0, Math.max(0, last.lastIndexOf(' ', chars - 2))) || last.slice(0, chars - 1)
    out.push(`${room}…`)
  }
  return out
}

/**
 * A bar's length as a percent of the figure's width: the longest bar takes BAR_SPAN, which leaves the
 * rest for its number ("100%", "12.345") after it on a 320 px wide figure. A value above 0 shows.
 */
export function barPercent(value: number | null, max: number): number {
  if (value === null || value <= 0) return 0
  return Math.max(0.5, Math.round((BAR_SPAN * value * 10) / max) / 10)
}
