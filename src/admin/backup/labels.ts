import type { RestoreStatus } from '../../domain/backups'

/** A restore as the backup screens read it (REST, depth 0 or 1). */
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

export const statusColor = (s: RestoreStatus): string =>
  s === 'success' ? '#1c7c3c' : s === 'partial' ? '#d98200' : s === 'error' ? '#b00020' : 'var(--theme-text)'
