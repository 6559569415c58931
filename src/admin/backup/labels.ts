/** Client-safe labels of the backup screens ([pt-BR, English]). */
export type RestoreStatus = 'pending' | 'running' | 'success' | 'partial' | 'error'

export interface RestoreDoc {
  id: number | string
  backup?: number | string | { id: number | string; name?: string } | null
  backupName?: string | null
  category: string
  status: RestoreStatus
  appliedCount?: number
  failedCount?: number
  createdAt: string
  finishedAt?: string | null
  company?: number | string | { id: number | string }
}

/** As RESTORE_STATUS in src/collections/Restores.ts (a server module: not importable here). */
export const RESTORE_STATUS_LABELS: Record<RestoreStatus, [string, string]> = {
  pending: ['Pendente', 'Pending'],
  running: ['Em andamento', 'Running'],
  success: ['Sucesso', 'Success'],
  partial: ['Parcial', 'Partial'],
  error: ['Erro', 'Error'],
}

export const FINAL: RestoreStatus[] = ['success', 'partial', 'error']

/** As BACKUP_STATUS in src/collections/Backups.ts; the guide's list shows OK or Parcial. */
export type BackupStatus = 'pending' | 'running' | 'ok' | 'partial' | 'error'
export const BACKUP_STATUS_LABELS: Record<BackupStatus, [string, string]> = {
  pending: ['Pendente', 'Pending'],
  running: ['Em andamento', 'Running'],
  ok: ['OK', 'OK'],
  partial: ['Parcial', 'Partial'],
  error: ['Erro', 'Error'],
}
export const BACKUP_READY: BackupStatus[] = ['ok', 'partial']

export const statusColor = (s: RestoreStatus): string =>
  s === 'success' ? '#1c7c3c' : s === 'partial' ? '#d98200' : s === 'error' ? '#b00020' : 'var(--theme-text)'

/** The kinds of item a restore plan names (src/jobs/restore/categories.ts). */
export const KIND_LABELS: Record<string, [string, string]> = {
  lines: ['Linha', 'Line'],
  company: ['Empresa', 'Company'],
  holidays: ['Feriado', 'Holiday'],
  transfers: ['Transferência', 'Transfer'],
  profiles: ['Perfil', 'Profile'],
  offers: ['Oferta compartilhada', 'Shared offer'],
  quotas: ['Cota', 'Quota'],
  departments: ['Departamento', 'Department'],
  users: ['Usuário', 'User'],
}
