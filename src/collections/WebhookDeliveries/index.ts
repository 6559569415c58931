import { selectField } from '../../fields/common'
import { label } from '../../lib/i18n'
import { DELIVERY_STATE } from '../SpendAlerts'
import { tenantCollection } from '../tenantCollection'

/** Each signed webhook delivery of an alert and its attempts (src/spend/webhook.ts), for admins and integrators. */
export const WebhookDeliveries = tenantCollection({
  slug: 'webhook-deliveries',
  labels: { singular: label('Entrega de webhook', 'Webhook delivery'), plural: label('Entregas de webhook', 'Webhook deliveries') },
  admin: { useAsTitle: 'url', defaultColumns: ['createdAt', 'alert', 'url', 'status', 'attempts', 'responseStatus', 'lastError'] },
  defaultSort: '-createdAt',
  fields: [
    { name: 'alert', type: 'relationship', relationTo: 'spend-alerts', required: true, index: true, label: label('Alerta', 'Alert') },
    { name: 'url', type: 'text', required: true, label: label('URL', 'URL') },
    selectField('status', 'Situação', 'Status', DELIVERY_STATE, { defaultValue: 'pending' }),
    { name: 'attempts', type: 'number', defaultValue: 0, label: label('Tentativas', 'Attempts') },
    { name: 'responseStatus', type: 'number', label: label('Resposta HTTP', 'HTTP status') },
    { name: 'lastError', type: 'text', label: label('Último erro', 'Last error') },
    { name: 'deliveredAt', type: 'date', label: label('Entregue em', 'Delivered at') },
    { name: 'body', type: 'textarea', label: label('Corpo enviado', 'Body sent'), admin: { readOnly: true } },
  ],
})
