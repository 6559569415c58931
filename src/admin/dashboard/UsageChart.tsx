import { type Lang } from '../shared/lang'
import { golT } from '../i18n'
import ui from '../shared/ui.module.scss'

/** A small SVG bar chart of one series per day (no chart library; renders on the server). */
export function UsageChart({
  title,
  days,
  values,
  format,
  color = '#da291c',
  lang = 'pt',
}: {
  lang?: Lang
  title: string
  days: string[]
  values: number[]
  format: (n: number) => string
  color?: string
}) {
  const width = 520
  const height = 180
  const pad = { left: 8, right: 8, top: 22, bottom: 26 }
  const max = Math.max(1, ...values)
  const slot = (width - pad.left - pad.right) / Math.max(1, days.length)
  const barW = Math.max(2, slot * 0.7)
  const plotH = height - pad.top - pad.bottom
  const total = values.reduce((a, b) => a + b, 0)
  const labelEvery = Math.ceil(days.length / 10)
  const t = golT(lang)
  return (
    <figure className={ui.flush} data-testid={`chart-${title}`}>
      <figcaption style={{ display: 'flex', justifyContent: 'space-between', fontSize: 14, marginBottom: 4 }}>
        <strong>{title}</strong>
        <span>
          {t('gol:cycleTotal')} {format(total)}
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={`${title}: total ${format(total)}`}>
        <line x1={pad.left} x2={width - pad.right} y1={pad.top + plotH} y2={pad.top + plotH} stroke="currentColor" strokeOpacity={0.3} />
        <text x={pad.left} y={12} fontSize={11} fill="currentColor" opacity={0.7}>
          {t('gol:max')} {format(max)}/{t('gol:day')}
        </text>
        {values.map((v, i) => {
          const h = (v / max) * plotH
          const x = pad.left + i * slot + (slot - barW) / 2
          return (
            <g key={days[i]}>
              <rect x={x} y={pad.top + plotH - h} width={barW} height={h} fill={color} rx={1}>
                <title>{`${days[i].slice(8, 10)}/${days[i].slice(5, 7)}: ${format(v)}`}</title>
              </rect>
              {i % labelEvery === 0 && (
                <text x={x + barW / 2} y={height - 8} fontSize={10} textAnchor="middle" fill="currentColor" opacity={0.7}>
                  {`${days[i].slice(8, 10)}/${days[i].slice(5, 7)}`}
                </text>
              )}
            </g>
          )
        })}
      </svg>
    </figure>
  )
}
