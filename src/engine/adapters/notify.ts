/**
 * Notice gateway (K): notices are always written to `notifications` (unique per line,
 * package, cycle and threshold, so a notice is sent once); the default channel is that
 * outbox, visible in the admin. With NOTIFY_WEBHOOK_URL set, each new notice is also
 * POSTed there as JSON and its row records the outcome (sent / failed + error).
 */
import type { Payload } from 'payload'
import { notifyWebhookUrl } from '../../lib/settings'
import type { Notice } from '../core'

export interface StoredNotice extends Notice {
  /** The notification row's id. */
  rowId: string | number
}

export interface NoticeGateway {
  readonly channel: 'outbox' | 'webhook'
  deliver(payload: Payload, notices: StoredNotice[]): Promise<void>
}

export const outboxGateway: NoticeGateway = {
  channel: 'outbox',
  async deliver() {
    /* the notifications row is the outbox */
  },
}

export function webhookGateway(url: string, timeoutMs = 5000): NoticeGateway {
  return {
    channel: 'webhook',
    async deliver(payload, notices) {
      for (const n of notices) {
        let status: 'sent' | 'failed' = 'sent'
        let error: string | null = null
        try {
          const res = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              key: n.key,
              msisdn: n.msisdn,
              message: n.message,
              threshold: n.threshold,
              package: n.packageName,
              kind: n.kind,
              cycle: n.cycleKey,
              percent: n.percent,
            }),
            signal: AbortSignal.timeout(timeoutMs),
          })
          if (!res.ok) {
            status = 'failed'
            error = `HTTP ${res.status}`
          }
        } catch (e) {
          status = 'failed'
          error = e instanceof Error ? e.message : String(e)
        }
        await payload
          .update({
            collection: 'notifications',
            id: n.rowId,
            data: { status, error, sentAt: status === 'sent' ? new Date().toISOString() : null },
            overrideAccess: true,
            depth: 0,
          })
          .catch((e: unknown) => payload.logger.error({ err: e, msg: 'engine: could not record a notice delivery' }))
      }
    },
  }
}

export function gatewayFromEnv(): NoticeGateway {
  const url = notifyWebhookUrl()
  return url ? webhookGateway(url) : outboxGateway
}
