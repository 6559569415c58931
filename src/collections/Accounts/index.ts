import { uniqueWithinCompany } from '../../hooks/uniqueWithinCompany'
import { label } from '../../lib/i18n'
import { tenantCollection } from '../tenantCollection'

/** Billing accounts of a company ("Nº da conta"). */
export const Accounts = tenantCollection({
  slug: 'accounts',
  labels: { singular: label('Conta', 'Account'), plural: label('Contas', 'Accounts') },
  admin: { useAsTitle: 'number', defaultColumns: ['number', 'name', 'company'] },
  indexes: [{ fields: ['company', 'number'], unique: true }],
  hooks: { beforeValidate: [uniqueWithinCompany('number', 'Já existe uma conta com este número')] },
  fields: [
    {
      name: 'number',
      type: 'text',
      required: true,
      label: label('Nº da conta', 'Account number'),
      validate: (v: unknown) => (typeof v === 'string' && /^\d{6,12}$/.test(v) ? true : 'Nº da conta: de 6 a 12 dígitos'),
    },
    { name: 'name', type: 'text', label: label('Descrição', 'Description') },
  ],
})
