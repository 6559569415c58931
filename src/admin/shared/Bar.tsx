import { fmtPercent } from './format'

/** A percentage bar (franchise consumed); red from 100 %, amber from 80 %. */
export function Bar({ percent, label }: { percent: number | null; label?: string }) {
  const p = percent == null ? 0 : Math.max(0, Math.min(100, percent))
  const color = percent == null ? 'var(--theme-elevation-300)' : percent >= 100 ? '#b00020' : percent >= 80 ? '#d98200' : '#1c7c3c'
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8, minWidth: 160 }} title={label}>
      <div
        role="progressbar"
        aria-valuenow={Math.round(p)}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-label={label}
        style={{ flex: 1, height: 8, borderRadius: 4, background: 'var(--theme-elevation-100)', overflow: 'hidden' }}
      >
        <div style={{ width: `${p}%`, height: '100%', background: color }} />
      </div>
      <span style={{ fontSize: 13, minWidth: 64, textAlign: 'right' }}>{fmtPercent(percent)}</span>
    </div>
  )
}
