/**
 * The backup model (J1): categories, file-name prefixes, statuses and the job's task slug.
 * Categories and statuses are the client-safe shared model's (src/domain/backups.ts); the file
 * prefixes and the task slug are the server's.
 */
export { BACKUP_CATEGORIES, BACKUP_STATUS, BACKUP_READY, type BackupCategory, type BackupStatus } from '../../domain/backups'
import type { BackupCategory } from '../../domain/backups'

/** Name prefixes as in the guide's lists (`assinantes_20250526144355`, `claro_pos_…`, `oferta-compartilhada_…`). */
export const BACKUP_FILE_PREFIX: Record<BackupCategory, string> = {
  subscribers: 'assinantes',
  general: 'gerais',
  transfers: 'claro_pos',
  profiles: 'perfil',
  offers: 'oferta-compartilhada',
  departments: 'departamento',
  users: 'usuarios',
}

/** The backup job's task slug (queued when a backup document is created). */
export const BACKUP_TASK = 'backup'
