import type { TaskConfig } from 'payload'
import { runRestore } from './run'

export const RESTORE_TASK = 'restore'

/**
 * Background tasks of backup and restore (issue 5). A restore document queues one
 * `restore` job; the job never retries (a second run would apply a stale plan), its
 * outcome is written on the restore document.
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
      const outcome = await runRestore(req.payload, Number.isNaN(Number(id)) ? id : Number(id))
      return { output: { status: outcome.status } }
    },
  },
]
