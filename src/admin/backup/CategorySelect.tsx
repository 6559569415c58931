'use client'
import type { CSSProperties } from 'react'
import type { CategoryOption } from './common'
import ui from '../shared/ui.module.scss'

/** A labelled choice among the seven categories, with a first option for all of them (value ''). */
export function CategorySelect({
  label,
  all,
  value,
  onChange,
  categories,
  ariaLabel,
  style,
}: {
  label: string
  all: string
  value: string
  onChange: (value: string) => void
  categories: CategoryOption[]
  ariaLabel?: string
  style?: CSSProperties
}) {
  return (
    <label style={{ display: 'inline-flex', gap: 6, alignItems: 'center', ...style }}>
      {label}
      <select className={ui.input} value={value} onChange={(e) => onChange(e.target.value)} aria-label={ariaLabel}>
        <option value="">{all}</option>
        {categories.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  )
}
