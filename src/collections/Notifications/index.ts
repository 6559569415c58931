import { nobody } from '../../access/tenant'
import { selectField } from '../../fields/common'
import { label } from '../../lib/i18n'
import { tenantCollection } from '../tenantCollection'

/**
 * Usage notices (60/80/100 %, K and H4). The default gateway is this outbox; an HTTP
 * webhook may deliver them to an SMS provider, recording the outcome here.
 */
export const Notifications = tenantCollection({
  slug: 'notifications',
  labels: { singular: label('Notificação', 'Notification'), plural: label('Notificações', 'Notifications') },
  admin: { defaultColumns: ['line', 'offer', 'package', 'threshold', 'cycle', 'status', 'createdAt'] },
  defaultSort: '-createdAt',
  access: { create: nobody, update: nobody },
  indexes: [{ fields: ['line', 'packageKey', 'cycle', 'threshold'], unique: true }],
  fields: [
    { name: 'line', type: 'relationship', relationTo: 'lines', required: true, index: true, label: label('Linha', 'Line') },
    { name: 'msisdn', type: 'text', label: label('Nº de linha', 'Line number') },
    { name: 'offer', type: 'text', label: label('Oferta', 'Offer') },
    { name: 'package', type: 'text', label: label('Pacote', 'Package') },
    { name: 'packageKey', type: 'text', required: true, label: label('Chave do pacote', 'Package key') },
    selectField('threshold', 'Limiar', 'Threshold', { '60': ['60%', '60%'], '80': ['80%', '80%'], '100': ['100%', '100%'] }, { required: true }),
    { name: 'cycle', type: 'text', required: true, index: true, label: label('Ciclo', 'Cycle') },
    { name: 'message', type: 'textarea', label: label('Mensagem', 'Message') },
    selectField('status', 'Status', 'Status', { queued: ['Na fila', 'Queued'], sent: ['Enviada', 'Sent'], failed: ['Falha', 'Failed'] }, { defaultValue: 'queued' }),
    selectField('channel', 'Canal', 'Channel', { outbox: ['Caixa de saída', 'Outbox'], webhook: ['Webhook', 'Webhook'] }, { defaultValue: 'outbox' }),
    { name: 'sentAt', type: 'date', label: label('Enviada em', 'Sent at') },
    { name: 'error', type: 'text', label: label('Erro', 'Error') },
  ],
})
