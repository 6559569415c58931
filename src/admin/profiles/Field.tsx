'use client'
import type { ReactNode } from 'react'
import { useGolT } from '../i18n/useGolT'
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

/** The entries a step lists (numbers, time windows): one row each, with its "Remover". */
export function EntryTable<T>({
  className,
  headers,
  rows,
  rowKey,
  cells,
  removeLabel,
  onRemove,
  empty,
}: {
  className: string
  headers: string[]
  rows: T[]
  rowKey: (row: T, i: number) => string
  cells: (row: T, i: number) => ReactNode[]
  removeLabel: (row: T) => string
  onRemove: (i: number) => void
  empty?: string
}) {
  const t = useGolT()
  return (
    <table className={`${ui.table} ${className}`}>
      <thead>
        <tr>
          {headers.map((h) => (
            <th key={h} className={ui.th}>
              {h}
            </th>
          ))}
          <th className={ui.th} />
        </tr>
      </thead>
      <tbody>
        {empty && rows.length === 0 && (
          <tr>
            <td className={ui.td} colSpan={headers.length + 1}>
              <span className={ui.muted}>{empty}</span>
            </td>
          </tr>
        )}
        {rows.map((row, i) => (
          <tr key={rowKey(row, i)}>
            {cells(row, i).map((cell, j) => (
              <td key={headers[j]} className={ui.td}>
                {cell}
              </td>
            ))}
            <td className={ui.td}>
              <button type="button" className={ui.danger} aria-label={removeLabel(row)} onClick={() => onRemove(i)}>
                {t('gol:profileRemove')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
