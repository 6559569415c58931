'use client'
import { useEffect, useState, type CSSProperties } from 'react'
import { formatDate, parseBrDay } from '../../domain/time'

/** 'dd/mm/aaaa' → 'YYYY-MM-DD', or '' when it is not a real date. */
export const parseBrDate = (text: string): string => parseBrDay(text) ?? ''

const toBr = (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? formatDate(iso) : '')

/**
 * A date typed as dd/mm/aaaa (the carrier's screens), whatever the browser's locale;
 * `value` and `onChange` speak 'YYYY-MM-DD' ('' while incomplete or invalid).
 */
export function DateInput({
  value,
  onChange,
  label,
  style,
  className,
  required,
}: {
  value: string
  onChange: (iso: string) => void
  label: string
  style?: CSSProperties
  className?: string
  required?: boolean
}) {
  const [text, setText] = useState(toBr(value))
  useEffect(() => {
    if (parseBrDate(text) !== value) setText(toBr(value))
    // Only an outside change of `value` (a reset) rewrites the text.
  }, [value])
  return (
    <input
      className={className}
      style={{ ...style, width: 120 }}
      value={text}
      inputMode="numeric"
      placeholder="dd/mm/aaaa"
      aria-label={label}
      required={required}
      pattern="\d{2}/\d{2}/\d{4}"
      maxLength={10}
      onChange={(e) => {
        let t = e.target.value.replace(/[^\d/]/g, '')
        if (/^\d{2}$/.test(t) || /^\d{2}\/\d{2}$/.test(t)) t += t.length > text.length ? '/' : ''
        setText(t)
        onChange(parseBrDate(t))
      }}
    />
  )
}
