import { selectField } from '../../fields/common'
import { restoreEndpoints } from './endpoints'
import { initRestore, queueRestore, restoreFromBackup } from './hooks'
import { label } from '../../lib/i18n'
import { BACKUP_CATEGORIES } from '../Backups/model'
import { RESTORE_STATUS } from './model'
import { tenantCollection } from '../tenantCollection'

export * from './model'

/**
 * A restore of one backup, run in the background (J2, J3, H7). POST /api/restores
 * {backup} queues the job; its items are logged in `restore-items`; outcome spreadsheets: GET /api/restores/:id/applied and
 * /:id/failed; history with period and type filters: GET /api/restores/history.
 */
export const Restores = tenantCollection({
  slug: 'restores',
  hooks: { beforeOperation: [restoreFromBackup], beforeChange: [initRestore], afterChange: [queueRestore] },
  endpoints: restoreEndpoints,
  labels: { singular: label('Restauração', 'Restore'), plural: label('Histórico de restaurações', 'Restore history') },
  admin: { defaultColumns: ['backupName', 'category', 'status', 'createdAt', 'finishedAt'] },
  defaultSort: '-createdAt',
  access: { update: () => false, delete: () => false },
  fields: [
    // Optional in the table so a deleted backup leaves its restores in the history (H7), by name.
    {
      name: 'backup',
      type: 'relationship',
      relationTo: 'backups',
      label: label('Backup', 'Backup'),
      validate: (value: unknown, { operation }: { operation?: string }) => (operation === 'create' && value == null ? 'Informe o backup' : true),
    },
    { name: 'backupName', type: 'text', label: label('Nome do backup', 'Backup name'), admin: { readOnly: true } },
    selectField('category', 'Categoria', 'Category', BACKUP_CATEGORIES, { required: true, index: true }),
    selectField('status', 'Status', 'Status', RESTORE_STATUS, { required: true, defaultValue: 'pending', index: true }),
    { name: 'appliedCount', type: 'number', defaultValue: 0, label: label('Aplicados', 'Applied') },
    { name: 'failedCount', type: 'number', defaultValue: 0, label: label('Falhas', 'Failed') },
    // The items themselves are in `restore-items` (src/collections/Backups/snapshot/items.ts), read by the spreadsheets.
    { name: 'resumes', type: 'number', defaultValue: 0, label: label('Retomadas', 'Resumes'), admin: { readOnly: true } },
    { name: 'finishedAt', type: 'date', label: label('Concluído em', 'Finished at') },
    { name: 'requestedBy', type: 'relationship', relationTo: 'users', label: label('Solicitado por', 'Requested by') },
  ],
})
