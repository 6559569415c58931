'use client'
import type { ReactNode } from 'react'
import type { ProfileDraft, StepErrors } from './steps'
import ui from '../shared/ui.module.scss'
import css from './wizard.module.scss'

/** A labelled field of a step, with its message (role="alert") under it. */
export function Field({ label, htmlFor, children, message }: { label: string; htmlFor: string; children: ReactNode; message?: string }) {
  return (
    <div className={css.field}>
      <label htmlFor={htmlFor} className={ui.muted}>
        {label}
      </label>
      {children}
      <FieldError message={message} />
    </div>
  )
}

/** A step's message (role="alert"), nothing without one. */
export function FieldError({ message, role = 'alert' }: { message?: string; role?: 'alert' | null }) {
  if (!message) return null
  return (
    <p role={role ?? undefined} className={css.error}>
      {message}
    </p>
  )
}

/** What every step gets: the draft, its messages, and how to change it. */
export interface StepProps {
  draft: ProfileDraft
  errors: StepErrors
  update: (patch: Partial<ProfileDraft>) => void
  setErrors: (errors: StepErrors) => void
}
