import { selectField } from '../../fields/common'
import { label } from '../../lib/i18n'
import { tenantCollection } from '../tenantCollection'

export const ALERT_KIND = { threshold: ['Percentual atingido', 'Threshold reached'], forecast: ['Previsão de esgotamento', 'Run-out forecast'], spike: ['Pico de uso', 'Usage spike'] } as const
export const ALERT_SUBJECT = { cap: ['Limite de gasto', 'Spend cap'], franchise: ['Franquia', 'Franchise'], pool: ['Franquia compartilhada', 'Shared pool'], line: ['Linha', 'Line'] } as const
export const DELIVERY_STATE = { none: ['Sem webhook', 'No webhook'], pending: ['Pendente', 'Pending'], delivered: ['Entregue', 'Delivered'], failed: ['Falhou', 'Failed'] } as const

/**
 * The alert log (issue 15): each alert once per subject, threshold and cycle (spikes once per
 * line and day), by its unique `key`. Written by the engine after usage (src/spend/alerts.ts).
 */
export const SpendAlerts = tenantCollection({
  slug: 'spend-alerts',
  labels: { singular: label('Alerta', 'Alert'), plural: label('Alertas', 'Alerts') },
  admin: { useAsTitle: 'message', defaultColumns: ['createdAt', 'kind', 'subject', 'subjectName', 'threshold', 'message', 'webhook'] },
  defaultSort: '-createdAt',
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, label: label('Chave', 'Key'), admin: { readOnly: true } },
    selectField('kind', 'Tipo', 'Kind', ALERT_KIND, { required: true, index: true }),
    selectField('subject', 'Sobre', 'Subject', ALERT_SUBJECT, { required: true }),
    { name: 'subjectId', type: 'text', label: label('Identificador', 'Subject id') },
    { name: 'subjectName', type: 'text', label: label('Nome', 'Name') },
    { name: 'line', type: 'relationship', relationTo: 'lines', index: true, label: label('Linha', 'Line') },
    { name: 'department', type: 'relationship', relationTo: 'departments', index: true, label: label('Departamento', 'Department') },
    { name: 'cycle', type: 'text', index: true, label: label('Ciclo', 'Cycle') },
    { name: 'threshold', type: 'number', label: label('Percentual', 'Threshold (%)') },
    { name: 'percent', type: 'number', label: label('Consumido (%)', 'Used (%)') },
    { name: 'runsOutAt', type: 'date', label: label('Esgota em', 'Runs out at'), admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'message', type: 'textarea', required: true, label: label('Mensagem', 'Message') },
    { name: 'emailedTo', type: 'text', label: label('E-mail para', 'E-mailed to') },
    selectField('webhook', 'Webhook', 'Webhook', DELIVERY_STATE, { defaultValue: 'none' }),
  ],
})
