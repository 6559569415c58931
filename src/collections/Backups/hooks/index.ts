/**
 * Hooks of the `backups` collection (J1): a backup's content is always read from the
 * database by the backup job (never taken from the client); creating one queues that job.
 */
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeChangeHook, CollectionBeforeDeleteHook } from 'payload'
import { ValidationError } from 'payload'
import type { Backup } from '../../../payload-types'
import { actorOf } from '../../../access/policy'
import { describeBackup } from '../../../hooks/audit/describe'
import { writeTransaction } from '../../../hooks/audit'
import { backupFileOf, removeBackupFile } from '../snapshot/backupFile'
import { saoPauloStamp } from '../snapshot/spreadsheet'
import { BACKUP_CATEGORIES, BACKUP_FILE_PREFIX, BACKUP_TASK, type BackupCategory } from '../model'

/** A new backup: name `assinantes_20250526144355`, `pending` until the backup job has written its file. */
export const fillBackup: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const category = data.category as BackupCategory
  if (!category || !(category in BACKUP_CATEGORIES)) return data
  return {
    ...data,
    itemCount: 0,
    failedCount: 0,
    error: null,
    status: 'pending',
    name: `${BACKUP_FILE_PREFIX[category]}_${saoPauloStamp(new Date())}`,
    createdBy: actorOf(req)?.id ?? null,
  }
}

/** Queues the backup job in the request's transaction: the answer comes at once, the job writes the file. */
export const queueBackup: CollectionAfterChangeHook<Backup> = async ({ doc, operation, req }) => {
  if (operation === 'create') await req.payload.jobs.queue({ task: BACKUP_TASK, input: { backup: String(doc.id) }, req })
  return doc
}

export const removeFile: CollectionAfterDeleteHook<Backup> = async ({ doc }) => {
  await removeBackupFile(backupFileOf(doc))
  return doc
}

export const auditBackupCreate: CollectionAfterChangeHook<Backup> = async ({ doc, operation, req }) => {
  if (operation !== 'create' || req.context?.skipAudit) return doc
  await writeTransaction(req, { ...describeBackup(doc.category, doc.name, 'create'), companies: [doc.company], entity: 'backups', entityId: doc.id })
  return doc
}

/** A backup a restore is still working from cannot go; finished restores keep its name. */
export const keepBackupOfRunningRestore: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const running = await req.payload.count({
    collection: 'restores',
    where: { and: [{ backup: { equals: id } }, { status: { in: ['pending', 'running'] } }] },
    overrideAccess: true,
    req,
  })
  if (running.totalDocs > 0) {
    throw new ValidationError({ collection: 'backups', errors: [{ path: 'id', message: 'Há uma restauração em andamento com este backup; aguarde o fim para excluí-lo' }] })
  }
}

export const auditBackupDelete: CollectionAfterDeleteHook<Backup> = async ({ doc, req }) => {
  if (req.context?.skipAudit) return doc
  await writeTransaction(req, { ...describeBackup(doc.category, doc.name, 'delete'), companies: [doc.company], entity: 'backups', entityId: doc.id })
  return doc
}
