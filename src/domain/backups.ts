/**
 * Backups and restores (J1–J3, H7): the model both the server (collections/Backups.ts,
 * collections/Restores.ts, jobs/restore) and the admin's backup screens read. Client-safe.
 */

/** The seven backup categories of J1; the value is also the file-name prefix's key. */
export const BACKUP_CATEGORIES = {
  subscribers: ['Assinantes', 'Subscribers'],
  general: ['Gerais', 'General settings'],
  transfers: ['Claro Pós', 'Claro Pós transfers'],
  profiles: ['Perfil', 'Profiles'],
  offers: ['Oferta Compartilhada', 'Shared offers'],
  departments: ['Departamento', 'Departments'],
  users: ['Usuários', 'Users'],
} as const
export type BackupCategory = keyof typeof BACKUP_CATEGORIES

/** A backup's state; the guide's list shows OK or Parcial. */
export const BACKUP_STATUS = {
  pending: ['Pendente', 'Pending'],
  running: ['Em andamento', 'Running'],
  ok: ['OK', 'OK'],
  partial: ['Parcial', 'Partial'],
  error: ['Erro', 'Error'],
} as const
export type BackupStatus = keyof typeof BACKUP_STATUS
/** A backup in one of these states has a file to preview and restore. */
export const BACKUP_READY: readonly BackupStatus[] = ['ok', 'partial']

/** A restore's state. */
export const RESTORE_STATUS = {
  pending: ['Pendente', 'Pending'],
  running: ['Em andamento', 'Running'],
  success: ['Sucesso', 'Success'],
  partial: ['Parcial', 'Partial'],
  error: ['Erro', 'Error'],
} as const
export type RestoreStatus = keyof typeof RESTORE_STATUS
/** A restore in one of these states is over. */
export const RESTORE_FINAL: readonly RestoreStatus[] = ['success', 'partial', 'error']

/** The restore history (H7) covers at most this many days (GET /api/restores/history answers 400 beyond). */
export const HISTORY_MAX_DAYS = 180

/** The kinds of item a restore plan names (src/jobs/restore/categories.ts `kind`), as the preview lists them. */
export const RESTORE_ITEM_KINDS = {
  lines: ['Linha', 'Line'],
  company: ['Empresa', 'Company'],
  holidays: ['Feriado', 'Holiday'],
  transfers: ['Transferência', 'Transfer'],
  profiles: ['Perfil', 'Profile'],
  offers: ['Oferta compartilhada', 'Shared offer'],
  quotas: ['Cota', 'Quota'],
  departments: ['Departamento', 'Department'],
  users: ['Usuário', 'User'],
} as const
