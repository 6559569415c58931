'use client'
import { Banner } from '@payloadcms/ui'
import ui from './ui.module.scss'

/** A result line under a form or table, in Payload's Banner: success (role="status") or error (role="alert"). */
export function Message({ ok, text }: { ok: boolean; text?: string }) {
  if (!text) return null
  return (
    <Banner type={ok ? 'success' : 'error'}>
      <p role={ok ? 'status' : 'alert'} className={ui.flush}>
        {text}
      </p>
    </Banner>
  )
}
