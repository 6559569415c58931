import { label } from '../../lib/i18n'
import { tenantCollection } from '../tenantCollection'
import { unindexedTimestamps } from '../../fields/common'

/**
 * Consumption counters per line, cycle and key (a usage category, an offer or the
 * pool), kept by the engine so balances survive restarts without re-reading usage.
 */
export const Consumption = tenantCollection({
  slug: 'consumption',
  labels: { singular: label('Consumo', 'Consumption'), plural: label('Consumos', 'Consumption') },
  admin: { defaultColumns: ['line', 'cycle', 'key', 'units'] },
  access: { create: () => false, update: () => false, delete: () => false },
  indexes: [{ fields: ['line', 'cycle', 'key'], unique: true }],
  fields: [
    { name: 'line', type: 'relationship', relationTo: 'lines', required: true, label: label('Linha', 'Line') },
    { name: 'cycle', type: 'text', required: true, label: label('Ciclo', 'Cycle') },
    { name: 'key', type: 'text', required: true, label: label('Chave', 'Key') },
    { name: 'units', type: 'number', required: true, defaultValue: 0, label: label('Quantidade', 'Units') },
    ...unindexedTimestamps(),
  ],
})
