/**
 * Restore (J2–J3): brings one category of a company back to a backup exactly. What was
 * created after the backup is removed, what changed is put back, what was deleted is
 * re-created with its id (so every relation to it holds again). The steps are computed
 * set-wise from the backup file and the database (src/collections/Backups/snapshot/plan.ts, also the
 * preview of SPEC L) and applied in batches, each one transaction with its audit entries
 * and item log (src/collections/Backups/snapshot/apply.ts). This module runs a restore document to its
 * outcome and recovers restores whose process died.
 */
import type { Payload, PayloadRequest } from 'payload'
import { createLocalReq } from 'payload'
import type { BackupCategory } from '../../collections/Backups/model'
import { restoreAction } from '../../hooks/audit/describe'
import { writeTransaction, type Actor } from '../../hooks/audit'
import { BACKUP_TASK } from '../../collections/Backups/model'
import { RESTORE_TASK } from '../../collections/Restores/model'
import { clearFailures, countItems, logItem } from '../../collections/Backups/snapshot/items'
import { backupFileOf } from '../../collections/Backups/snapshot/backupFile'
import { applyRestore, reasonOf, RestoreAborted, SimulatedCrash, type RestoreProbe } from '../../collections/Backups/snapshot/apply'
import type { Data } from '../../collections/Backups/snapshot/categories'
import type { Restore } from '../../payload-types'
import { withTransaction } from '../../lib/transaction'
import { restoreStaleMinutes } from '../../lib/settings'
import { idKey, requiredId } from '../../domain/ids'

export { applyRestore, RestoreAborted, SimulatedCrash }
export type { RestoreProbe }
export type { Step } from '../../collections/Backups/snapshot/plan'

export type RestoreStatus = 'success' | 'partial' | 'error'
export interface RestoreOutcome {
  status: RestoreStatus
  appliedCount: number
  failedCount: number
}

export const STATUS_WORDS = { success: 'Sucesso', partial: 'Parcial', error: 'Erro' } as const

const quiet = { overrideAccess: true, depth: 0, context: { skipAudit: true } }

/** The restore's final state from its whole item log (every run's items), and its closing audit entry. */
async function finishRestore(payload: Payload, restore: Restore, actor: Actor | undefined, backupName: string): Promise<RestoreOutcome> {
  const counts = await countItems(payload, restore.id as string | number)
  const status: RestoreStatus = counts.failed === 0 ? 'success' : counts.applied === 0 ? 'error' : 'partial'
  await payload.update({
    collection: 'restores',
    id: restore.id,
    data: { status, appliedCount: counts.applied, failedCount: counts.failed, finishedAt: new Date().toISOString() },
    ...quiet,
  })
  const req = await createLocalReq({ context: { skipAudit: true } }, payload)
  await writeTransaction(req, {
    event: `Restauração do backup ${backupName} concluída: ${STATUS_WORDS[status]} (${counts.applied} aplicados, ${counts.failed} com falha)`,
    description: restoreAction(String(restore.category)),
    companies: [restore.company],
    entity: 'restores',
    entityId: restore.id,
    actor: actor ?? { role: null, username: null },
  })
  return { status, appliedCount: counts.applied, failedCount: counts.failed }
}

async function requesterOf(payload: Payload, restore: Restore): Promise<Actor | undefined> {
  if (!restore.requestedBy) return undefined
  const user = await payload.findByID({ collection: 'users', id: requiredId(restore.requestedBy, 'restore.requestedBy'), ...quiet, disableErrors: true })
  return user ? { id: user.id, role: user.role, username: user.username } : undefined
}


/** The job's work: runs (or resumes) the restore document `restoreId` and records its outcome; `probe`: see RestoreProbe. */
export async function runRestore(payload: Payload, restoreId: string | number, probe?: RestoreProbe): Promise<RestoreOutcome> {
  probe?.beforeStart?.()
  const restore = await payload.findByID({ collection: 'restores', id: restoreId, ...quiet })
  const company = requiredId(restore.company, 'restore.company')
  const backupId = requiredId(restore.backup, 'restore.backup')
  const backup = backupId == null ? null : await payload.findByID({ collection: 'backups', id: backupId, ...quiet, disableErrors: true })
  const actor = await requesterOf(payload, restore)
  const backupName = String(backup?.name ?? restore.backupName ?? backupId)
  // Earlier failures are tried again; items applied by an earlier run stay in the log.
  await clearFailures(payload, restoreId)
  if (!backup || idKey(backup.company) !== String(company) || !['ok', 'partial'].includes(String(backup.status))) {
    await logItem(payload, undefined, restoreId, company, 'failed', { kind: 'backup', id: String(backupId), title: '', action: 'update', changes: [], reason: 'Backup não encontrado' })
    return finishRestore(payload, restore, actor, backupName)
  }
  const before = await countItems(payload, restoreId)
  const progress = async (applied: number, failed: number) => {
    await payload.update({ collection: 'restores', id: restoreId, data: { status: 'running', appliedCount: before.applied + applied, failedCount: failed }, ...quiet })
  }
  await progress(0, 0)
  try {
    const category = backup.category as BackupCategory
    await applyRestore(payload, { restore: restoreId, company, category, file: backupFileOf(backup), actor, onProgress: progress, probe })
  } catch (e) {
    if (e instanceof SimulatedCrash) throw e
    await logItem(payload, undefined, restoreId, company, 'failed', { kind: 'restore', id: String(restoreId), title: backupName, action: 'update', changes: [], reason: reasonOf(e) })
  }
  return finishRestore(payload, restore, actor, backupName)
}

/** Runs of one restore after which it is closed as interrupted rather than queued again. */
const MAX_RESUMES = 3

const staleAfter = (now: Date) => new Date(now.getTime() - restoreStaleMinutes() * 60_000).toISOString()

/** A document's job rows still on the queue (a crashed runner leaves its row `processing`). */
async function jobsOf(payload: Payload, task: string, input: 'restore' | 'backup', id: string | number): Promise<Data[]> {
  const found = await payload.db.find({
    collection: 'payload-jobs',
    where: { and: [{ taskSlug: { equals: task } }, { completedAt: { exists: false } }] },
    pagination: false,
  })
  return (found.docs as unknown as Data[]).filter((j) => String((j.input as Data | undefined)?.[input]) === String(id))
}

const waiting = (jobs: Data[]) => jobs.some((j) => !j.processing && !j.hasError)
const dropJobs = async (payload: Payload, jobs: Data[], req: PayloadRequest) => {
  if (jobs.length) await payload.db.deleteMany({ collection: 'payload-jobs', where: { id: { in: jobs.map((j) => j.id) } }, req })
}

/** Backups whose job died (`pending`/`running` without progress, no job waiting) are written again from the start. */
async function sweepBackups(payload: Payload, now: Date): Promise<number> {
  const stuck = await payload.find({
    collection: 'backups',
    where: { and: [{ status: { in: ['pending', 'running'] } }, { updatedAt: { less_than: staleAfter(now) } }] },
    pagination: false,
    ...quiet,
  })
  let requeued = 0
  for (const backup of stuck.docs) {
    const jobs = await jobsOf(payload, BACKUP_TASK, 'backup', backup.id)
    if (waiting(jobs)) continue
    const req = await createLocalReq({ context: { skipAudit: true } }, payload)
    await withTransaction(req, async () => {
      await dropJobs(payload, jobs, req)
      await payload.update({ collection: 'backups', id: backup.id, data: { status: 'pending' }, overrideAccess: true, depth: 0, req, context: req.context })
      await payload.jobs.queue({ task: BACKUP_TASK, input: { backup: String(backup.id) }, req })
    })
    requeued++
  }
  return requeued
}

/**
 * Every restore reaches a final state after a crash. A restore `pending` or `running` without
 * progress for RESTORE_STALE_MINUTES (10) whose job is not waiting on the queue was dropped by a
 * dead process: either after the queue claimed its job and before it started, or mid-run. Its
 * dead job rows are removed and it is queued again (it resumes: the plan is recomputed from the
 * database and the item log keeps what was applied); after MAX_RESUMES runs it is closed with
 * its items so far. Run every 5 minutes on the maintenance queue.
 */
export async function sweepRestores(payload: Payload, now = new Date()): Promise<{ requeued: number; closed: number; backups: number }> {
  const backups = await sweepBackups(payload, now)
  const stuck = await payload.find({
    collection: 'restores',
    where: { and: [{ status: { in: ['pending', 'running'] } }, { updatedAt: { less_than: staleAfter(now) } }] },
    pagination: false,
    ...quiet,
  })
  let requeued = 0
  let closed = 0
  for (const restore of stuck.docs) {
    const jobs = await jobsOf(payload, RESTORE_TASK, 'restore', restore.id)
    if (waiting(jobs)) continue
    const resumes = Number(restore.resumes ?? 0) + 1
    const req = await createLocalReq({ context: { skipAudit: true } }, payload)
    await withTransaction(req, async () => {
      await dropJobs(payload, jobs, req)
      if (resumes <= MAX_RESUMES) {
        await payload.update({ collection: 'restores', id: restore.id, data: { status: 'pending', resumes }, overrideAccess: true, depth: 0, req, context: req.context })
        await payload.jobs.queue({ task: RESTORE_TASK, input: { restore: String(restore.id) }, req })
      } else {
        await logItem(payload, req, restore.id as string | number, requiredId(restore.company, 'restore.company'), 'failed', {
          kind: 'restore',
          id: String(restore.id),
          title: String(restore.backupName ?? ''),
          action: 'update',
          changes: [],
          reason: `Restauração interrompida ${MAX_RESUMES} vezes; execute-a novamente`,
        })
      }
    })
    if (resumes <= MAX_RESUMES) requeued++
    else {
      await finishRestore(payload, restore, await requesterOf(payload, restore), String(restore.backupName ?? restore.id))
      closed++
    }
  }
  return { requeued, closed, backups }
}
