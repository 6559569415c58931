import type { CollectionConfig } from 'payload'
import { accessFor } from '../../access/policy'
import { nobody } from '../../access/tenant'
import { companyField } from '../../fields/company'
import { label } from '../../lib/i18n'

/**
 * The audit trail (H2, J4). Written only by server hooks with overrideAccess; nobody,
 * support included, may create, edit or delete an entry through any interface.
 */
export const Transactions: CollectionConfig = {
  slug: 'transactions',
  labels: { singular: label('Transação', 'Transaction'), plural: label('Histórico de transações', 'Transactions') },
  admin: { useAsTitle: 'event', defaultColumns: ['at', 'role', 'userLogin', 'event', 'description'] },
  defaultSort: '-at',
  access: { ...accessFor('transactions'), create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['company', 'at'] }],
  fields: [
    { name: 'at', type: 'date', required: true, index: true, label: label('Data', 'Date'), admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'role', type: 'text', label: label('Perfil de gestão', 'Management role') },
    { name: 'user', type: 'relationship', relationTo: 'users', index: true, label: label('Usuário', 'User') },
    { name: 'userLogin', type: 'text', index: true, label: label('Login', 'Login') },
    { name: 'event', type: 'text', required: true, label: label('Evento', 'Event') },
    { name: 'description', type: 'textarea', label: label('Descrição', 'Description') },
    { name: 'entity', type: 'text', label: label('Coleção', 'Collection') },
    { name: 'entityId', type: 'text', label: label('Registro', 'Document') },
    companyField({ required: false }),
  ],
}
