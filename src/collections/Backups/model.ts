/**
 * The backup model (J1): categories, file-name prefixes, statuses and the job's task slug.
 * No imports: the jobs (src/jobs/restore), the reports and the collection read it from here.
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

export const BACKUP_STATUS = {
  pending: ['Pendente', 'Pending'],
  running: ['Em andamento', 'Running'],
  ok: ['OK', 'OK'],
  partial: ['Parcial', 'Partial'],
  error: ['Erro', 'Error'],
} as const

/** The backup job's task slug (queued when a backup document is created). */
export const BACKUP_TASK = 'backup'
