/** Hooks of the `reports` collection (H6): the request is checked and completed, then queued. */
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeOperationHook, CollectionBeforeValidateHook } from 'payload'
import { Forbidden, ValidationError } from 'payload'
import { actorOf, POLICIES, scopeOf } from '../../../access/policy'
import { companyIdsOf, idOf, idsOf } from '../../../access/roles'
import { fileStamp } from '../../../reports/format'
import { KINDS } from '../../../reports/kinds'
import { checkReferences, checkReportRequest } from '../../../reports/params'
import { serverT } from '../../../lib/i18n'
import { removeReportFile } from '../../../reports/storage'
import { REPORTS_QUEUE } from '../model'

/**
 * Asking for a report: the company is the caller's selected (or only) one, filled
 * before the access check, which needs it (policy.ts; a sub-admin's report must also
 * name departments of its own).
 */
export const fillRequest: CollectionBeforeOperationHook = ({ args, operation, req }) => {
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
export const checkRequest: CollectionBeforeValidateHook = async ({ data, operation, req }) => {
  if (operation !== 'create' || !data) return data
  const departments = idsOf((data.departments as unknown[] | undefined) ?? [])
  const { errors, params } = checkReportRequest(data.kind, data.params, departments, serverT(req))
  const user = actorOf(req)
  const def = KINDS[data.kind as string]
  if (user && def && scopeOf(POLICIES[def.source], 'read', user) === 'none') throw new Forbidden(req.t)
  if (!errors.length && def) errors.push(...(await checkReferences(req, idOf(data.company)!, departments, params)))
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
export const queueJob: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'create') return doc
  const job = (await req.payload.jobs.queue({ task: 'generateReport', input: { report: String(doc.id) }, queue: REPORTS_QUEUE, req })) as { id: string | number }
  await req.payload.update({ collection: 'reports', id: doc.id, data: { job: String(job.id) }, overrideAccess: true, req, depth: 0, context: { reportJob: true } })
  return { ...doc, job: String(job.id) }
}

export const removeFile: CollectionAfterDeleteHook = async ({ doc }) => {
  await removeReportFile(doc.file)
}
