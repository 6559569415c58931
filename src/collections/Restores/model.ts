/** The restore model (J2, J3, H7): statuses and the history's period from the shared model; the task slug is the server's. */
export { RESTORE_STATUS, RESTORE_FINAL, HISTORY_MAX_DAYS, type RestoreStatus } from '../../domain/backups'

/** The restore job's task slug (queued by src/collections/Restores/hooks and src/jobs/restore/run.ts). */
export const RESTORE_TASK = 'restore'
