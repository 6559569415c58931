import { quantityField } from '../../fields/common'
import { sameCompanyRelations } from '../../hooks/sameCompany'
import type { PayloadRequest } from 'payload'
import { label, serverT } from '../../lib/i18n'
import { tenantCollection } from '../tenantCollection'
import { checkTransferAmount } from './hooks/available'
import { offersOfOrigin } from './offerOptions'

/** Claro Pós permanent franchise transfers from one line to another (G). */
export const Transfers = tenantCollection({
  slug: 'transfers',
  labels: { singular: label('Transferência', 'Transfer'), plural: label('Transferências Claro Pós', 'Claro Pós transfers') },
  admin: { defaultColumns: ['offer', 'fromLine', 'toLine', 'amount', 'createdAt'] },
  hooks: {
    beforeValidate: [
      sameCompanyRelations([
        { field: 'offer', collection: 'offers' },
        { field: 'fromLine', collection: 'lines' },
        { field: 'toLine', collection: 'lines' },
      ]),
      checkTransferAmount,
    ],
  },
  fields: [
    { name: 'offer', type: 'relationship', relationTo: 'offers', required: true, filterOptions: offersOfOrigin, label: label('Oferta', 'Offer') },
    { name: 'fromLine', type: 'relationship', relationTo: 'lines', required: true, label: label('Linha de origem', 'From line') },
    {
      name: 'toLine',
      type: 'relationship',
      relationTo: 'lines',
      required: true,
      label: label('Linha de destino', 'To line'),
      validate: (v: unknown, { siblingData, req }: { siblingData?: { fromLine?: unknown }; req: PayloadRequest }) =>
        v != null && String(v) === String(siblingData?.fromLine) ? serverT(req)('gol:transferSameLine') : true,
    },
    // What the origin has left of the offer shown under the amount, and more refused before saving (G).
    quantityField('amount', 'Quantidade', 'Amount', { required: true, admin: { components: { Field: '/src/admin/transfers/TransferAmountField#TransferAmountField' } } }),
  ],
})
