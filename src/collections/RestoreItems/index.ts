import type { CollectionConfig } from 'payload'
import { accessFor } from '../../access/policy'
import { label } from '../../lib/i18n'

/**
 * One applied or failed item of a restore (J3), written in the same transaction as the item
 * itself: a restore resumed after a crash reports every item, before and after the crash.
 * Internal: read only by the restore's spreadsheets (GET /api/restores/:id/applied, /failed).
 */
export const RestoreItems: CollectionConfig = {
  slug: 'restore-items',
  labels: { singular: label('Item restaurado', 'Restored item'), plural: label('Itens restaurados', 'Restored items') },
  admin: { hidden: true },
  graphQL: false,
  access: accessFor('restore-items'),
  indexes: [{ fields: ['restore', 'outcome'] }],
  fields: [
    { name: 'restore', type: 'relationship', relationTo: 'restores', required: true },
    { name: 'company', type: 'relationship', relationTo: 'companies', required: true },
    { name: 'outcome', type: 'select', required: true, options: ['applied', 'failed'] },
    { name: 'kind', type: 'text' },
    { name: 'itemId', type: 'text' },
    { name: 'title', type: 'text' },
    { name: 'action', type: 'text' },
    { name: 'changes', type: 'json' },
    { name: 'reason', type: 'text' },
  ],
}
