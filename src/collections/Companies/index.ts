import type { CollectionConfig } from 'payload'
import { accessFor } from '../../access/policy'
import { supportOnlyField } from '../../access/tenant'
import { COMPANY_STATUS } from '../../domain/companies'
import { CSP_CARRIERS } from '../../domain/ddd'
import { selectField } from '../../fields/common'
import { cnpjField } from '../../fields/identifiers'
import { label } from '../../lib/i18n'
import { spendAlertFields } from '../../spend/companyFields'

export { COMPANY_STATUS }

const cspOptions = Object.fromEntries(
  Object.entries(CSP_CARRIERS).map(([code, name]) => [code, [`${code} - ${name}`, `${code} - ${name}`] as const]),
)


/** Tenants. Support creates and edits them; a company admin edits only its settings (F). */
export const Companies: CollectionConfig = {
  slug: 'companies',
  labels: { singular: label('Empresa', 'Company'), plural: label('Empresas', 'Companies') },
  admin: { useAsTitle: 'name', defaultColumns: ['cnpj', 'name', 'clientNumber', 'status'] },
  access: accessFor('companies'),
  fields: [
    { ...cnpjField(), unique: true, required: true, access: { update: supportOnlyField } },
    { name: 'name', type: 'text', required: true, label: label('Razão social', 'Name'), access: { update: supportOnlyField } },
    {
      name: 'clientNumber',
      type: 'text',
      required: true,
      unique: true,
      label: label('Nº do cliente', 'Client number'),
      access: { update: supportOnlyField },
      validate: (v: unknown) => (typeof v === 'string' && /^\d{4,12}$/.test(v) ? true : 'Nº do cliente: de 4 a 12 dígitos'),
    },
    selectField('status', 'Status', 'Status', COMPANY_STATUS, {
      required: true,
      defaultValue: 'active',
      access: { update: supportOnlyField },
    }),
    {
      name: 'renewalDay',
      type: 'number',
      required: true,
      defaultValue: 1,
      min: 1,
      max: 31,
      label: label('Dia de início do ciclo', 'Cycle start day'),
      access: { update: supportOnlyField },
      validate: (v: unknown) =>
        Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 31 ? true : 'Dia de renovação: de 1 a 31',
    },
    selectField('csp', 'Fidelização de CSP', 'Long-distance carrier (CSP)', cspOptions, {
      required: true,
      defaultValue: '21',
      admin: {
        description: {
          pt: 'O padrão é 21 - EMBRATEL. Outras operadoras têm cobrança excedente.',
          en: 'Default 21 - EMBRATEL. Other carriers bill extra.',
        },
      },
    }),
    {
      name: 'interruptAtLimit',
      type: 'checkbox',
      defaultValue: false,
      label: label('Interromper a ligação ao atingir o limite definido', 'Interrupt the call when the limit is reached'),
    },
    spendAlertFields,
    { name: 'spendPanel', type: 'ui', admin: { components: { Field: { path: '/src/admin/spend/SpendPanel#SpendPanel', clientProps: { scope: 'company' } } } } },
  ],
}
