import type { TaskConfig } from 'payload'
import { MAINTENANCE_QUEUE } from '../reports'
import { BACKUP_TASK, runBackup } from './backup'
import { runRestore, sweepRestores } from './run'
import { RESTORE_TASK } from '../../collections/Restores/model'

export { RESTORE_TASK }

/**
 * Background tasks of backup and restore (issues 5, 16). A backup document queues one `backup`
 * job that writes its file. A restore document queues one
 * `restore` job (default queue); it records its outcome on the restore document and does
 * not throw, so the queue does not retry it. A restore whose process died is queued
 * again by `sweepRestores` (maintenance queue, every 5 minutes).
 */
export const restoreTasks: TaskConfig[] = [
  {
    slug: RESTORE_TASK,
    label: 'Restauração de backup',
    retries: 0,
    inputSchema: [{ name: 'restore', type: 'text', required: true }],
    outputSchema: [{ name: 'status', type: 'text' }],
    handler: async ({ input, req }) => {
      const id = (input as { restore: string }).restore
      const outcome = await runRestore(req.payload, Number.isNaN(Number(id)) ? id : Number(id), req.context.restoreProbe)
      return { output: { status: outcome.status } }
    },
  },
  {
    slug: BACKUP_TASK,
    label: 'Backup',
    retries: 0,
    inputSchema: [{ name: 'backup', type: 'text', required: true }],
    outputSchema: [{ name: 'status', type: 'text' }],
    handler: async ({ input, req }) => {
      const id = (input as { backup: string }).backup
      return { output: await runBackup(req.payload, Number.isNaN(Number(id)) ? id : Number(id)) }
    },
  },
  {
    slug: 'sweepRestores',
    label: 'Restaurações interrompidas',
    schedule: [{ cron: '0 */5 * * * *', queue: MAINTENANCE_QUEUE }],
    handler: async ({ req }) => ({ output: await sweepRestores(req.payload) }),
  },
]
