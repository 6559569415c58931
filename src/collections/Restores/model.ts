/** The restore model (J2, J3, H7): statuses, the job's task slug, the history's longest period. No imports. */
export const RESTORE_STATUS = {
  pending: ['Pendente', 'Pending'],
  running: ['Em andamento', 'Running'],
  success: ['Sucesso', 'Success'],
  partial: ['Parcial', 'Partial'],
  error: ['Erro', 'Error'],
} as const

/** The restore job's task slug (queued by src/collections/Restores/hooks and src/jobs/restore/run.ts). */
export const RESTORE_TASK = 'restore'

/** The restore history (H7) spans at most this many days. */
export const HISTORY_MAX_DAYS = 180
