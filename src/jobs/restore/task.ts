/** The restore job's task slug (queued by src/jobs/restore/collections.ts and run.ts). */
export const RESTORE_TASK = 'restore'
/** The backup job's task slug (queued when a backup document is created). */
export const BACKUP_TASK = 'backup'
