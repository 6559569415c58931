import type { Access, CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeOperationHook, CollectionBeforeValidateHook, Field } from 'payload'
import { Forbidden, ValidationError } from 'payload'
import { accessFor, actorOf, POLICIES, scopeOf } from '../../access/policy'
import { companyIdsOf, idOf, idsOf } from '../../access/roles'
import { selectField } from '../../fields/common'
import { sameCompanyRelations } from '../../hooks/sameCompany'
import { label } from '../../lib/i18n'
import { fileStamp } from '../../reports/format'
import { KINDS } from '../../reports/kinds'
import { checkReferences, checkReportRequest } from '../../reports/params'
import { reportEndpoints } from './endpoints/downloads'
import { lineHistoryEndpoints } from '../../reports/lineHistory'
import { viewEndpoints } from '../../reports/view'
import { removeReportFile } from '../../reports/storage'
import { tenantCollection } from '../tenantCollection'

export const REPORT_KINDS = {
  calls: ['Histórico de chamadas', 'Calls and SMS history'],
  transactions: ['Histórico de transações', 'Transactions'],
  data: ['Histórico de dados', 'Data history'],
  notifications: ['Histórico de notificações', 'Notifications'],
  subscribers: ['Lista de assinantes', 'Subscriber list'],
  restores: ['Histórico de restaurações', 'Restore history'],
  costs: ['Custo por linha e departamento', 'Cost per line and department'],
} as const

export const REPORT_STATUS = {
  pending: ['Pendente', 'Pending'],
  done: ['Concluído', 'Done'],
  failed: ['Falha', 'Failed'],
} as const

/** The queue report jobs run on (its own, so a long report does not hold up other jobs). */
export const REPORTS_QUEUE = 'reports'

/** Set by the server, never by a client. */
const serverOnly = { create: () => false, update: () => false }
/** Chosen when asking for the report, fixed afterwards. */
const fixed = { update: () => false }

/**
 * Asking for a report: the company is the caller's selected (or only) one, filled
 * before the access check, which needs it (policy.ts; a sub-admin's report must also
 * name departments of its own).
 */
const fillRequest: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'create') return args
  const user = actorOf(req)
  const data = { ...(args.data as Record<string, unknown>) }
  if (user) {
    const companies = companyIdsOf(user)
    if (data.company == null && companies.length === 1) data.company = companies[0]
  }
  return { ...args, data }
}

/** Field-level refusal of bad requests (unknown kind or filter, bad period …) and of kinds the caller may not read. */
const checkRequest: CollectionBeforeValidateHook = async ({ data, operation, req }) => {
  if (operation !== 'create' || !data) return data
  const departments = idsOf((data.departments as never) ?? [])
  const { errors, params } = checkReportRequest(data.kind, data.params, departments)
  const user = actorOf(req)
  const def = KINDS[data.kind as string]
  if (user && def && scopeOf(POLICIES[def.source], 'read', user) === 'none') throw new Forbidden(req.t)
  if (!errors.length && def) errors.push(...(await checkReferences(req, idOf(data.company as never)!, departments, params)))
  if (errors.length) throw new ValidationError({ collection: 'reports', errors, req })
  const format = data.format === 'csv' ? 'csv' : 'xlsx'
  return {
    ...data,
    params,
    format,
    status: 'pending',
    requestedBy: user?.id ?? data.requestedBy ?? null,
    name: `${def.file}-${fileStamp()}.${format === 'csv' ? 'csv.zip' : 'xlsx'}`,
    file: null,
    error: null,
    rowCount: null,
  }
}

/** A new report goes to the queue in the same transaction as the document. */
const queueJob: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'create') return doc
  const job = (await req.payload.jobs.queue({ task: 'generateReport' as never, input: { report: String(doc.id) } as never, queue: REPORTS_QUEUE, req })) as { id: string | number }
  await req.payload.update({ collection: 'reports', id: doc.id, data: { job: String(job.id) } as never, overrideAccess: true, req, depth: 0, context: { reportJob: true } })
  return { ...doc, job: String(job.id) }
}

const removeFile: CollectionAfterDeleteHook = async ({ doc }) => {
  await removeReportFile(doc.file)
}

/**
 * Read: the roles table (company users; department-scoped users the reports naming their
 * departments), narrowed for department-scoped users to the reports they asked for
 * themselves, so a report over departments [a, c] is never shown to a sub-admin of [a] only.
 */
const base = accessFor('reports')
const read: Access = async (args) => {
  const result = await base.read(args)
  const user = actorOf(args.req)
  if (typeof result !== 'object' || !user || scopeOf(POLICIES.reports, 'read', user) !== 'departments') return result
  return { and: [result, { requestedBy: { equals: user.id } }] }
}

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
