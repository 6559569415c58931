/** The restore job's task slug (queued by src/jobs/restore/collections.ts and run.ts). */
export const RESTORE_TASK = 'restore'
