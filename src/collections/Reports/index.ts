import type { Field } from 'payload'
import { selectField } from '../../fields/common'
import { sameCompanyRelations } from '../../hooks/sameCompany'
import { label } from '../../lib/i18n'
import { tenantCollection } from '../tenantCollection'
import { read } from './access/read'
import { reportEndpoints } from './endpoints/downloads'
import { lineHistoryEndpoints } from './endpoints/lineHistory'
import { viewEndpoints } from './endpoints/view'
import { checkRequest, fillRequest, queueJob, removeFile } from './hooks'
import { REPORT_KINDS, REPORT_STATUS } from './model'

export * from './model'

/** Set by the server, never by a client. */
const serverOnly = { create: () => false, update: () => false }
/** Chosen when asking for the report, fixed afterwards. */
const fixed = { update: () => false }

const departmentsField: Field = {
  name: 'departments',
  type: 'relationship',
  relationTo: 'departments',
  hasMany: true,
  access: fixed,
  label: label('Departamentos', 'Departments'),
  admin: { description: { pt: 'Vazio: todos. Um sub-administrador escolhe entre os seus.', en: 'Empty: all. A sub-administrator picks among its own.' } },
}

/** Reports generated in the background (H6). */
export const Reports = tenantCollection({
  slug: 'reports',
  labels: { singular: label('Relatório', 'Report'), plural: label('Download de relatórios', 'Report downloads') },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'createdAt', 'status'] },
  defaultSort: '-createdAt',
  access: { read },
  endpoints: [...viewEndpoints, ...lineHistoryEndpoints, ...reportEndpoints],
  hooks: {
    beforeOperation: [fillRequest],
    beforeValidate: [checkRequest, sameCompanyRelations([{ field: 'departments', collection: 'departments', hasMany: true }])],
    afterChange: [queueJob],
    afterDelete: [removeFile],
  },
  fields: [
    // Display only, made by the server at creation (file paths come from ids: src/reports/storage.ts).
    { name: 'name', type: 'text', label: label('Nome', 'Name'), access: serverOnly, admin: { readOnly: true } },
    { ...selectField('kind', 'Relatório', 'Report', REPORT_KINDS, { required: true }), access: fixed },
    {
      ...selectField('format', 'Formato', 'Format', { xlsx: ['Excel (.xlsx)', 'Excel (.xlsx)'], csv: ['CSV (.csv.zip)', 'CSV (.csv.zip)'] }, { required: true, defaultValue: 'xlsx' }),
      access: fixed,
    },
    { name: 'params', type: 'json', label: label('Filtros', 'Filters'), access: fixed, admin: { description: { pt: 'from, to (AAAA-MM-DD) e os filtros do relatório', en: 'from, to (YYYY-MM-DD) and the report filters' } } },
    departmentsField,
    { ...selectField('status', 'Status', 'Status', REPORT_STATUS, { required: true, defaultValue: 'pending', index: true }), access: serverOnly },
    { name: 'rowCount', type: 'number', label: label('Linhas', 'Rows'), access: serverOnly, admin: { readOnly: true } },
    { name: 'file', type: 'text', label: label('Arquivo', 'File'), access: serverOnly, admin: { readOnly: true } },
    { name: 'error', type: 'textarea', label: label('Erro', 'Error'), access: serverOnly, admin: { readOnly: true } },
    { name: 'attempts', type: 'number', label: label('Tentativas', 'Attempts'), access: serverOnly, admin: { readOnly: true } },
    { name: 'heartbeatAt', type: 'date', label: label('Última atividade', 'Last activity'), access: serverOnly, admin: { readOnly: true, hidden: true } },
    { name: 'finishedAt', type: 'date', label: label('Concluído em', 'Finished at'), access: serverOnly, admin: { readOnly: true } },
    { name: 'job', type: 'text', label: label('Tarefa', 'Job'), access: serverOnly, admin: { readOnly: true, hidden: true } },
    { name: 'requestedBy', type: 'relationship', relationTo: 'users', label: label('Solicitado por', 'Requested by'), access: serverOnly, admin: { readOnly: true } },
  ],
})
