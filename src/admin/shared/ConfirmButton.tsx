'use client'
import { Button, ConfirmationModal, Modal, useModal } from '@payloadcms/ui'
import { useEffect, useId, useRef, type ReactNode } from 'react'
import ui from './ui.module.scss'
import { useGolT } from '../i18n/useGolT'

const BUTTON_STYLE = { primary: 'primary', danger: 'error', secondary: 'secondary' } as const

/**
 * A button for a destructive action: it opens Payload's confirmation modal, which names
 * what will happen, and runs `onConfirm` only after "Confirmar".
 */
export function ConfirmButton({
  children,
  title,
  message,
  onConfirm,
  variant = 'danger',
  disabled,
  ariaLabel,
}: {
  children: ReactNode
  title: string
  message: ReactNode
  onConfirm: () => void | Promise<void>
  variant?: keyof typeof BUTTON_STYLE
  disabled?: boolean
  ariaLabel?: string
}) {
  const t = useGolT()
  const slug = `gol-confirm-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`
  const { openModal } = useModal()
  return (
    <>
      <Button type="button" buttonStyle={BUTTON_STYLE[variant]} size="small" margin={false} disabled={disabled} aria-label={ariaLabel} onClick={() => openModal(slug)}>
        {children}
      </Button>
      <ConfirmationModal
        modalSlug={slug}
        heading={<h3>{title}</h3>}
        body={<div className={ui.confirmBody}>{message}</div>}
        cancelLabel={t('gol:cancel')}
        confirmLabel={t('gol:confirm')}
        confirmingLabel={t('gol:pleaseWait')}
        onConfirm={async () => {
          try {
            await onConfirm()
          } catch (e) {
            // The panels show their own errors; the modal still closes.
            console.error(e)
          }
        }}
      />
    </>
  )
}

/**
 * A modal dialog on Payload's Modal (a <dialog> named by its title), shown while mounted;
 * Escape or a click outside calls `onClose`.
 */
export function Dialog({ title, children, onClose, width = 460 }: { title: string; children: ReactNode; onClose: () => void; width?: number }) {
  const slug = `gol-dialog-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`
  const { openModal, closeModal, isModalOpen } = useModal()
  const open = isModalOpen(slug)
  const shown = useRef(false)
  const close = useRef(onClose)
  close.current = onClose
  useEffect(() => {
    openModal(slug)
    return () => closeModal(slug)
  }, [slug, openModal, closeModal])
  useEffect(() => {
    if (open) shown.current = true
    else if (shown.current) {
      // Closed by Escape or a click outside: the owner decides (it may keep the dialog while busy).
      shown.current = false
      close.current()
      openModal(slug)
    }
  }, [open, slug, openModal])
  return (
    <Modal slug={slug} aria-label={title} className={ui.dialog} closeOnBlur={false} onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className={ui.dialogBox} style={{ width: `min(${width}px, 94vw)` }}>
        <h3>{title}</h3>
        {children}
      </div>
    </Modal>
  )
}

/** "Excluir" of one row (named for screen readers "Excluir <name>"), after a confirmation. */
export function DeleteButton({ name, title, message, onConfirm }: { name: string; title: string; message: ReactNode; onConfirm: () => void | Promise<void> }) {
  const t = useGolT()
  return (
    <ConfirmButton variant="danger" ariaLabel={`${t('gol:delete')} ${name}`} title={title} message={message} onConfirm={onConfirm}>
      {t('gol:delete')}
    </ConfirmButton>
  )
}
