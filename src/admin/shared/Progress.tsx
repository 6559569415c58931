'use client'
import { tr, type Lang } from './lang'

/** Progress of a long action: "N de M" with a bar (role="progressbar"). */
export function Progress({ done, total, label, lang = 'pt' }: { done: number; total: number; label: string; lang?: Lang }) {
  const p = total > 0 ? Math.round((done / total) * 100) : 0
  return (
    <div aria-live="polite" style={{ display: 'grid', gap: 4, margin: '8px 0' }}>
      <span style={{ fontSize: 13 }}>
        {label}: {done} {tr(lang)('de', 'of')} {total}
      </span>
      <div role="progressbar" aria-label={label} aria-valuenow={p} aria-valuemin={0} aria-valuemax={100} style={{ height: 8, background: 'var(--theme-elevation-100)', borderRadius: 4 }}>
        <div style={{ width: `${p}%`, height: '100%', background: '#da291c', borderRadius: 4, transition: 'width .2s' }} />
      </div>
    </div>
  )
}
