import { selectField } from '../fields/common'
import { label } from '../lib/i18n'
import { tenantCollection } from './tenantCollection'

export const REPORT_KINDS = {
  calls: ['Histórico de chamadas', 'Calls and SMS history'],
  transactions: ['Histórico de transações', 'Transactions'],
  data: ['Histórico de dados', 'Data history'],
  notifications: ['Histórico de notificações', 'Notifications'],
  subscribers: ['Lista de assinantes', 'Subscriber list'],
  restores: ['Histórico de restaurações', 'Restore history'],
} as const

export const REPORT_STATUS = {
  pending: ['Pendente', 'Pending'],
  done: ['Concluído', 'Done'],
  failed: ['Falha', 'Failed'],
} as const

/** Reports generated in the background (H6). */
export const Reports = tenantCollection({
  slug: 'reports',
  labels: { singular: label('Relatório', 'Report'), plural: label('Download de relatórios', 'Report downloads') },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'createdAt', 'status'] },
  defaultSort: '-createdAt',
  fields: [
    { name: 'name', type: 'text', label: label('Nome', 'Name'), admin: { readOnly: true } },
    selectField('kind', 'Relatório', 'Report', REPORT_KINDS, { required: true }),
    selectField('format', 'Formato', 'Format', { xlsx: ['Excel (.xlsx)', 'Excel (.xlsx)'], csv: ['CSV (.csv.zip)', 'CSV (.csv.zip)'] }, { required: true, defaultValue: 'xlsx' }),
    { name: 'params', type: 'json', label: label('Filtros', 'Filters') },
    selectField('status', 'Status', 'Status', REPORT_STATUS, { required: true, defaultValue: 'pending', index: true }),
    { name: 'rowCount', type: 'number', label: label('Linhas', 'Rows'), admin: { readOnly: true } },
    { name: 'file', type: 'text', label: label('Arquivo', 'File'), admin: { readOnly: true } },
    { name: 'error', type: 'textarea', label: label('Erro', 'Error'), admin: { readOnly: true } },
    { name: 'requestedBy', type: 'relationship', relationTo: 'users', label: label('Solicitado por', 'Requested by') },
  ],
})
