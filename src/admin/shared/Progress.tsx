'use client'
import { useGolT } from '../i18n/useGolT'
import ui from './ui.module.scss'

/** Progress of a long action: "N de M" with a bar (role="progressbar"). */
export function Progress({ done, total, label }: { done: number; total: number; label: string }) {
  const t = useGolT()
  const p = total > 0 ? Math.round((done / total) * 100) : 0
  return (
    <div aria-live="polite" className={ui.progress}>
      <span className={ui.muted}>
        {label}: {done} {t('gol:of')} {total}
      </span>
      <div role="progressbar" aria-label={label} aria-valuenow={p} aria-valuemin={0} aria-valuemax={100} className={ui.progressTrack}>
        <div className={ui.progressBar} style={{ width: `${p}%` }} />
      </div>
    </div>
  )
}
