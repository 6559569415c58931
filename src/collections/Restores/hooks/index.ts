/**
 * Hooks of the `restores` collection (J2, J3): a restore's company and category come from
 * its backup; creating one queues the restore job in the request's transaction.
 */
import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionBeforeOperationHook } from 'payload'
import { ValidationError } from 'payload'
import type { Restore } from '../../../payload-types'
import { actorOf } from '../../../access/policy'
import { restoreAction } from '../../../hooks/audit/describe'
import { writeTransaction } from '../../../hooks/audit'
import type { Data } from '../../Backups/snapshot/categories'
import { RESTORE_TASK } from '../model'

import { idOf } from '../../../domain/ids'

/** The restore's company and category come from its backup (before access is checked against them). */
export const restoreFromBackup: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create') return args
  const data = (args as { data?: Data }).data
  const backupId = idOf(data?.backup)
  if (!data || backupId == null) return args
  const backup = await req.payload.findByID({ collection: 'backups', id: backupId, depth: 0, overrideAccess: true, req, disableErrors: true })
  if (backup) {
    data.company = idOf(backup.company)
    data.category = backup.category
  }
  return args
}

export const initRestore: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const backupId = idOf(data.backup)
  const backup = backupId == null ? null : await req.payload.findByID({ collection: 'backups', id: backupId, depth: 0, overrideAccess: true, req, disableErrors: true })
  if (!backup) throw new ValidationError({ collection: 'restores', errors: [{ path: 'backup', message: 'Backup não encontrado' }] })
  if (!['ok', 'partial'].includes(String(backup.status))) {
    throw new ValidationError({ collection: 'restores', errors: [{ path: 'backup', message: 'O backup ainda não foi concluído' }] })
  }
  return { ...data, backupName: backup.name, status: 'pending', appliedCount: 0, failedCount: 0, resumes: 0, finishedAt: null, requestedBy: actorOf(req)?.id ?? null }
}

/** Queues the restore job in the same transaction as the request (J3) and audits the request. */
export const queueRestore: CollectionAfterChangeHook<Restore> = async ({ doc, operation, req }) => {
  if (operation !== 'create') return doc
  await req.payload.jobs.queue({ task: RESTORE_TASK, input: { restore: String(doc.id) }, req })
  if (!req.context?.skipAudit) {
    const backup = await req.payload.findByID({ collection: 'backups', id: idOf(doc.backup)!, depth: 0, overrideAccess: true, req })
    await writeTransaction(req, {
      event: `Pedido de restauração do backup ${String(backup.name)}`,
      description: restoreAction(String(doc.category)),
      companies: [doc.company],
      entity: 'restores',
      entityId: doc.id,
    })
  }
  return doc
}
