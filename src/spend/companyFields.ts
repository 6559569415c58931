import type { Field } from 'payload'
import { label } from '../lib/i18n'

export const DEFAULT_ALERT_THRESHOLDS = [50, 80, 100]

/** "50, 80, 100" → [50, 80, 100]; null when it is not a list of whole percents 1–100. */
export function parseThresholds(text: unknown): number[] | null {
  if (text == null || text === '') return DEFAULT_ALERT_THRESHOLDS
  if (typeof text !== 'string') return null
  const parts = text.split(/[,;\s]+/).filter(Boolean).map(Number)
  if (!parts.length || parts.some((n) => !Number.isInteger(n) || n < 1 || n > 100)) return null
  return [...new Set(parts)].sort((a, b) => a - b)
}

/** The company's spend alert settings (issue 15): thresholds of caps, franchises and pools, and the signed webhook. */
export const spendAlertFields: Field = {
  name: 'spendAlerts',
  type: 'group',
  label: label('Alertas de gasto e consumo', 'Spend and usage alerts'),
  fields: [
    {
      name: 'thresholds',
      type: 'text',
      defaultValue: '50, 80, 100',
      label: label('Percentuais de alerta', 'Alert thresholds (%)'),
      admin: { description: { pt: 'Dos limites de gasto, franquias e franquia compartilhada. Ex.: 50, 80, 100', en: 'Of spend caps, franchises and the shared pool. E.g. 50, 80, 100' } },
      validate: (v: unknown) => (parseThresholds(v) ? true : 'Informe percentuais inteiros de 1 a 100 separados por vírgula'),
    },
    {
      name: 'webhookUrl',
      type: 'text',
      label: label('Webhook (URL)', 'Webhook URL'),
      validate: (v: unknown) => {
        if (v == null || v === '') return true
        try {
          const u = new URL(String(v))
          return u.protocol === 'https:' || u.protocol === 'http:' ? true : 'Use uma URL http(s)'
        } catch {
          return 'URL inválida'
        }
      },
    },
    {
      name: 'webhookSecret',
      type: 'text',
      label: label('Segredo do webhook (HMAC-SHA256)', 'Webhook secret (HMAC-SHA256)'),
      admin: { description: { pt: 'Assina cada entrega no cabeçalho X-GOL-Signature', en: 'Signs each delivery in the X-GOL-Signature header' } },
    },
  ],
}
