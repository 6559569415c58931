/**
 * Signed webhook delivery of alerts (issue 15). Each alert a company's webhook should hear of
 * gets a `webhook-deliveries` row and a job; the job POSTs the alert as JSON with
 *   X-GOL-Timestamp: <unix seconds>
 *   X-GOL-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" with the company's secret>
 * A non-2xx answer or a network error fails the try: the queue retries with exponential back-off
 * (SPEND_WEBHOOK_ATTEMPTS, 6; first delay SPEND_WEBHOOK_DELAY_MS, 2 000 ms), each try recorded.
 */
import { createHmac } from 'node:crypto'
import type { Payload, TaskConfig } from 'payload'
import { spendWebhookAttempts, spendWebhookDelayMs } from '../lib/settings'
import type { Company, WebhookDelivery } from '../payload-types'
import { requiredId } from '../domain/ids'

export const WEBHOOK_TASK = 'deliverSpendWebhook'

export const signBody = (secret: string, timestamp: number, body: string) => `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`

/** A relation's id (depth 0 gives the id, a populated one the document). */

const attempts = spendWebhookAttempts

/** Records a delivery of `alert` to the company's webhook and queues its job (none without a URL). */
export async function queueWebhook(payload: Payload, company: { id: string | number; url: string }, alert: { id: string | number }, body: Record<string, unknown>): Promise<void> {
  const delivery = await payload.create({
    collection: 'webhook-deliveries',
    // Ids are numbers on SQL databases and strings on MongoDB; the generated types know only numbers.
    data: { company: company.id as number, alert: alert.id as number, url: company.url, status: 'pending', attempts: 0, body: JSON.stringify(body) },
    overrideAccess: true,
    depth: 0,
  })
  await payload.jobs.queue({ task: WEBHOOK_TASK, input: { delivery: String(delivery.id) } })
}

async function deliver(payload: Payload, deliveryId: string): Promise<void> {
  const d: WebhookDelivery = await payload.findByID({ collection: 'webhook-deliveries', id: deliveryId, depth: 0, overrideAccess: true })
  if (d.status === 'delivered') return
  const company: Company = await payload.findByID({ collection: 'companies', id: requiredId(d.company, 'delivery.company'), depth: 0, overrideAccess: true })
  const secret = String(company.spendAlerts?.webhookSecret ?? '')
  const body = String(d.body)
  const timestamp = Math.floor(Date.now() / 1000)
  const tries = Number(d.attempts ?? 0) + 1
  let responseStatus: number | null = null
  let error: string | null = null
  try {
    const res = await fetch(d.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-gol-timestamp': String(timestamp), 'x-gol-signature': signBody(secret, timestamp, body), 'x-gol-delivery': String(d.id) },
      body,
      signal: AbortSignal.timeout(10_000),
    })
    responseStatus = res.status
    if (!res.ok) error = `HTTP ${res.status}`
  } catch (e) {
    error = e instanceof Error ? e.message : String(e)
  }
  const final = error !== null && tries >= attempts()
  const status = error === null ? 'delivered' : final ? 'failed' : 'pending'
  await payload.update({
    collection: 'webhook-deliveries',
    id: d.id,
    data: { attempts: tries, responseStatus, lastError: error, status, deliveredAt: error === null ? new Date().toISOString() : null },
    overrideAccess: true,
    depth: 0,
  })
  await payload.update({ collection: 'spend-alerts', id: requiredId(d.alert, 'delivery.alert'), data: { webhook: status }, overrideAccess: true, depth: 0 })
  if (error !== null) throw new Error(`webhook ${d.url}: ${error}`)
}

type Task = TaskConfig<{ input: Record<string, unknown>; output: Record<string, unknown> }>

export const webhookTasks: Task[] = [
  {
    slug: WEBHOOK_TASK,
    label: 'Alerta por webhook',
    inputSchema: [{ name: 'delivery', type: 'text', required: true }],
    retries: { attempts: attempts() - 1, backoff: { type: 'exponential', delay: spendWebhookDelayMs() } },
    handler: async ({ input, req }) => {
      await deliver(req.payload, String(input.delivery))
      return { output: {} }
    },
  },
]
