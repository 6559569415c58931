import type { CSSProperties } from 'react'

/** Small inline styles on Payload's theme variables, so light and dark themes both work. */
export const card: CSSProperties = {
  border: '1px solid var(--theme-elevation-150)',
  borderRadius: 6,
  padding: '14px 18px',
  background: 'var(--theme-elevation-0)',
}
export const grid = (min = 220): CSSProperties => ({ display: 'grid', gap: 14, gridTemplateColumns: `repeat(auto-fill, minmax(${min}px, 1fr))` })
export const table: CSSProperties = { width: '100%', borderCollapse: 'collapse', fontSize: 14 }
export const th: CSSProperties = { textAlign: 'left', padding: '6px 8px', borderBottom: '2px solid var(--theme-elevation-200)', whiteSpace: 'nowrap' }
export const td: CSSProperties = { padding: '6px 8px', borderBottom: '1px solid var(--theme-elevation-100)', verticalAlign: 'middle' }
export const muted: CSSProperties = { color: 'var(--theme-elevation-500)', fontSize: 13 }
export const big: CSSProperties = { fontSize: 30, fontWeight: 700, lineHeight: 1.1 }
export const h2: CSSProperties = { margin: '0 0 10px', fontSize: 18 }
export const button: CSSProperties = {
  padding: '6px 12px',
  fontSize: 14,
  border: '1px solid var(--theme-elevation-250)',
  borderRadius: 4,
  background: 'var(--theme-elevation-50)',
  color: 'var(--theme-text)',
  cursor: 'pointer',
}
export const primary: CSSProperties = { ...button, background: '#da291c', borderColor: '#da291c', color: '#fff' }
export const danger: CSSProperties = { ...button, color: '#b00020', borderColor: '#b00020' }
export const input: CSSProperties = {
  padding: '6px 8px',
  fontSize: 14,
  border: '1px solid var(--theme-elevation-250)',
  borderRadius: 4,
  background: 'var(--theme-input-bg, var(--theme-elevation-0))',
  color: 'var(--theme-text)',
}
