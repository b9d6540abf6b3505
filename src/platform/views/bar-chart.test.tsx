import { describe, expect, it } from 'vitest'
import { BarChart, wrapLabel } from './bar-chart.tsx'

describe('chart labels', () => {
  it('keep a short label on one line', () => {
    expect(wrapLabel('Harjosari I')).toEqual(['Harjosari I'])
  })

  it('break a long label at a space into lines that fit a phone', () => {
    const lines = wrapLabel('Apa yang sebaiknya dilakukan orang tua ketika anak bercerita')
    expect(lines).toEqual(['Apa yang sebaiknya dilakukan orang', 'tua ketika anak bercerita'])
    expect(lines.every((l) => l.length <= 34)).toBe(true)
  })

  it('end what does not fit in two lines with an ellipsis after a whole word', () => {
    const lines = wrapLabel('1. Apa yang sebaiknya dilakukan orang tua ketika anak bercerita tentang pesan dari orang asing yang meminta foto')
    expect(lines).toEqual(['1. Apa yang sebaiknya dilakukan', 'orang tua ketika anak bercerita…'])
    expect(lines.every((l) => l.length <= 35)).toBe(true)
  })

  it('cut a word longer than a line', () => {
    expect(wrapLabel('x'.repeat(80))).toEqual(['x'.repeat(34), `${'x'.repeat(33)}…`])
  })

  it('are drawn in CSS pixels (no viewBox to shrink them) at 12 px or more, bars in percent', () => {
    const svg = String(<BarChart title="Orang" bars={[{ label: 'Harjosari I', value: 40 }, { label: 'Timbang Deli', value: 10 }, { label: 'Kecil', value: null }]} format={String} hiddenLabel="<5" />)
    expect(svg).not.toContain('viewBox')
    const sizes = [...svg.matchAll(/font-size="(\d+)"/g)].map((m) => Number(m[1]))
    expect(sizes).toHaveLength(6)
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12)
    expect(svg).toContain('width="75%"')
    expect(svg).toContain('width="18.8%"')
  })
})
