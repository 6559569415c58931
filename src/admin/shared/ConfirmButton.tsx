'use client'
import { useState, type CSSProperties, type ReactNode } from 'react'
import { tr, type Lang } from './lang'
import { button as buttonStyle, danger, primary } from './styles'

/**
 * A button for a destructive action: it opens a dialog that names what will happen,
 * and runs `onConfirm` only after "Confirmar".
 */
export function ConfirmButton({
  children,
  title,
  message,
  onConfirm,
  style = danger,
  disabled,
  ariaLabel,
  lang = 'pt',
}: {
  children: ReactNode
  title: string
  message: ReactNode
  onConfirm: () => void | Promise<void>
  style?: CSSProperties
  disabled?: boolean
  ariaLabel?: string
  lang?: Lang
}) {
  const t = tr(lang)
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState(false)
  const confirm = async () => {
    setBusy(true)
    try {
      await onConfirm()
    } finally {
      setBusy(false)
      setOpen(false)
    }
  }
  return (
    <>
      <button type="button" style={style} disabled={disabled} aria-label={ariaLabel} onClick={() => setOpen(true)}>
        {children}
      </button>
      {open && (
        <Dialog title={title} onClose={() => !busy && setOpen(false)}>
          <div style={{ margin: '0 0 16px' }}>{message}</div>
          <div style={{ display: 'flex', gap: 8, justifyContent: 'flex-end' }}>
            <button type="button" style={buttonStyle} disabled={busy} onClick={() => setOpen(false)}>
              {t('Cancelar', 'Cancel')}
            </button>
            <button type="button" style={primary} disabled={busy} onClick={confirm}>
              {busy ? t('Aguarde…', 'Please wait…') : t('Confirmar', 'Confirm')}
            </button>
          </div>
        </Dialog>
      )}
    </>
  )
}

/** A plain modal dialog (role="dialog"), closed by Escape or a click outside. */
export function Dialog({ title, children, onClose, width = 460 }: { title: string; children: ReactNode; onClose: () => void; width?: number }) {
  return (
    <div
      style={{ position: 'fixed', inset: 0, background: 'rgba(0,0,0,.45)', display: 'grid', placeItems: 'center', zIndex: 1000 }}
      onMouseDown={(e) => e.target === e.currentTarget && onClose()}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <div
        role="dialog"
        aria-modal="true"
        aria-label={title}
        style={{ background: 'var(--theme-bg, #fff)', color: 'var(--theme-text)', borderRadius: 8, padding: 20, width: `min(${width}px, 94vw)`, maxHeight: '88vh', overflow: 'auto', boxShadow: '0 8px 30px rgba(0,0,0,.3)' }}
      >
        <h3 style={{ marginTop: 0 }}>{title}</h3>
        {children}
      </div>
    </div>
  )
}
