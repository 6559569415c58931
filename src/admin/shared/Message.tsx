'use client'

/** A result line under a form or table: success (role="status") or error (role="alert"). */
export function Message({ ok, text }: { ok: boolean; text?: string }) {
  if (!text) return null
  return (
    <p role={ok ? 'status' : 'alert'} style={{ color: ok ? '#1c7c3c' : '#b00020' }}>
      {text}
    </p>
  )
}
