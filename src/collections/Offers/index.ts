import { categoryOptionMap, quantityField, selectField } from '../../fields/common'
import { sameCompanyRelations } from '../../hooks/sameCompany'
import { label } from '../../lib/i18n'
import { distributionEndpoints } from './endpoints/distribution'
import { tenantCollection } from '../tenantCollection'

export const OFFER_KIND = { individual: ['Individual', 'Individual'], shared: ['Compartilhado', 'Shared'] } as const
export const OFFER_UNIT = { minutes: ['Minutos', 'Minutes'], sms: ['SMS', 'SMS'], mb: ['MB', 'MB'] } as const


/**
 * Contracted packages (C5, G). An individual offer is a line's own franchise; a shared
 * offer is the data pool of an account, split by the lines' quotas.
 */
export const Offers = tenantCollection({
  slug: 'offers',
  labels: { singular: label('Oferta', 'Offer'), plural: label('Ofertas', 'Offers') },
  endpoints: distributionEndpoints,
  admin: { useAsTitle: 'package', defaultColumns: ['offer', 'package', 'kind', 'unit', 'amount', 'account', 'line'] },
  hooks: {
    beforeValidate: [
      sameCompanyRelations([
        { field: 'account', collection: 'accounts' },
        { field: 'line', collection: 'lines' },
      ]),
    ],
  },
  fields: [
    { name: 'offer', type: 'text', required: true, label: label('Oferta', 'Offer'), admin: { description: 'Ex.: Claro Total Compartilhado' } },
    { name: 'package', type: 'text', required: true, label: label('Pacote', 'Package') },
    selectField('kind', 'Tipo', 'Kind', OFFER_KIND, { required: true, defaultValue: 'individual', index: true }),
    selectField('unit', 'Unidade', 'Unit', OFFER_UNIT, { required: true }),
    quantityField('amount', 'Franquia', 'Franchise', { required: true }),
    { name: 'account', type: 'relationship', relationTo: 'accounts', required: true, index: true, label: label('Nº da conta', 'Account') },
    {
      name: 'line',
      type: 'relationship',
      relationTo: 'lines',
      index: true,
      label: label('Linha', 'Line'),
      admin: { condition: (data) => data?.kind === 'individual' },
      validate: (v: unknown, { siblingData }: { siblingData?: { kind?: string } }) =>
        siblingData?.kind === 'individual' && v == null ? 'Uma oferta individual pertence a uma linha' : true,
    },
    selectField('categories', 'Categorias consumidas', 'Consuming categories', categoryOptionMap(), {
      hasMany: true,
      admin: { description: { pt: 'Vazio: todas as categorias da unidade', en: "Empty: every category of the unit's service" } },
    }),
  ],
})
