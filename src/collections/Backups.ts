import { selectField } from '../fields/common'
import { auditBackupCreate, auditBackupDelete, backupEndpoints, fillBackup, keepBackupOfRunningRestore } from '../jobs/restore/collections'
import { label } from '../lib/i18n'
import { tenantCollection } from './tenantCollection'

/** The seven backup categories of J1; the value is also the file-name prefix's key. */
export const BACKUP_CATEGORIES = {
  subscribers: ['Assinantes', 'Subscribers'],
  general: ['Gerais', 'General settings'],
  transfers: ['Transferências Claro Pós', 'Claro Pós transfers'],
  profiles: ['Perfis', 'Profiles'],
  offers: ['Ofertas compartilhadas', 'Shared offers'],
  departments: ['Departamentos', 'Departments'],
  users: ['Usuários', 'Users'],
} as const
export type BackupCategory = keyof typeof BACKUP_CATEGORIES

export const BACKUP_FILE_PREFIX: Record<BackupCategory, string> = {
  subscribers: 'assinantes',
  general: 'gerais',
  transfers: 'transferencias',
  profiles: 'perfis',
  offers: 'ofertas',
  departments: 'departamentos',
  users: 'usuarios',
}

/**
 * A snapshot of one category of a company's settings (J1). Immutable once written; its
 * content is always read from the database at creation. Several at once:
 * POST /api/backups/batch; spreadsheet: GET /api/backups/:id/download; restore preview:
 * GET /api/backups/:id/preview (src/jobs/restore/collections.ts).
 */
export const Backups = tenantCollection({
  slug: 'backups',
  hooks: { beforeChange: [fillBackup], afterChange: [auditBackupCreate], beforeDelete: [keepBackupOfRunningRestore], afterDelete: [auditBackupDelete] },
  endpoints: backupEndpoints,
  labels: { singular: label('Backup', 'Backup'), plural: label('Backups', 'Backups') },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'category', 'status', 'itemCount', 'createdAt'] },
  defaultSort: '-createdAt',
  access: { update: () => false },
  fields: [
    // Set by the server at creation (src/jobs/restore/collections.ts); the default only lets the admin form submit.
    { name: 'name', type: 'text', required: true, index: true, label: label('Nome', 'Name'), defaultValue: () => 'backup', admin: { readOnly: true } },
    selectField('category', 'Categoria', 'Category', BACKUP_CATEGORIES, { required: true, index: true }),
    selectField('status', 'Status', 'Status', { ok: ['OK', 'OK'], partial: ['Parcial', 'Partial'] }, { defaultValue: 'ok' }),
    { name: 'itemCount', type: 'number', label: label('Itens', 'Items'), admin: { readOnly: true } },
    { name: 'data', type: 'json', label: label('Conteúdo', 'Content'), admin: { readOnly: true } },
    { name: 'createdBy', type: 'relationship', relationTo: 'users', label: label('Criado por', 'Created by'), admin: { readOnly: true } },
  ],
})
