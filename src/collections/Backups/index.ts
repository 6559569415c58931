import { selectField } from '../../fields/common'
import { backupEndpoints } from './endpoints'
import { auditBackupCreate, auditBackupDelete, fillBackup, keepBackupOfRunningRestore, queueBackup, removeFile } from './hooks'
import { label } from '../../lib/i18n'
import { BACKUP_CATEGORIES, BACKUP_STATUS } from './model'
import { tenantCollection } from '../tenantCollection'

export * from './model'

/**
 * A snapshot of one category of a company's settings (J1). Created `pending`; the `backup`
 * job reads the category from the database and writes it to a compressed file (never to
 * the document, never taken from the client). Several at once: POST /api/backups/batch;
 * spreadsheet: GET /api/backups/:id/download; restore preview: GET /api/backups/:id/preview
 * (src/collections/Backups/endpoints, hooks).
 */
export const Backups = tenantCollection({
  slug: 'backups',
  hooks: { beforeChange: [fillBackup], afterChange: [queueBackup, auditBackupCreate], beforeDelete: [keepBackupOfRunningRestore], afterDelete: [removeFile, auditBackupDelete] },
  // A restore's answer names its backup, never more.
  defaultPopulate: { name: true, category: true, status: true, itemCount: true, createdAt: true },
  endpoints: backupEndpoints,
  labels: { singular: label('Backup', 'Backup'), plural: label('Backups', 'Backups') },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'category', 'status', 'itemCount', 'createdAt'] },
  defaultSort: '-createdAt',
  access: { update: () => false },
  fields: [
    // Set by the server at creation (src/collections/Backups/hooks); the default only lets the admin form submit.
    { name: 'name', type: 'text', required: true, index: true, label: label('Nome', 'Name'), defaultValue: () => 'backup', admin: { readOnly: true } },
    selectField('category', 'Categoria', 'Category', BACKUP_CATEGORIES, { required: true, index: true }),
    selectField('status', 'Status', 'Status', BACKUP_STATUS, { defaultValue: 'pending', index: true }),
    { name: 'itemCount', type: 'number', label: label('Itens', 'Items'), admin: { readOnly: true } },
    { name: 'failedCount', type: 'number', label: label('Itens não salvos', 'Items not saved'), admin: { readOnly: true } },
    { name: 'error', type: 'text', label: label('Erro', 'Error'), admin: { readOnly: true } },
    { name: 'createdBy', type: 'relationship', relationTo: 'users', label: label('Criado por', 'Created by'), admin: { readOnly: true } },
  ],
})
