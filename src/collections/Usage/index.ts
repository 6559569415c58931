import { nobody } from '../../access/tenant'
import { SERVICES } from '../../domain/categories'
import { categoryOptionMap, selectField, unindexedTimestamps } from '../../fields/common'
import { label } from '../../lib/i18n'
import { tenantCollection } from '../tenantCollection'


const SERVICE_LABELS = {
  voice: ['Voz', 'Voice'],
  sms: ['SMS', 'SMS'],
  collect: ['Chamada a cobrar', 'Collect call'],
  data: ['Dados', 'Data'],
} as const satisfies Record<(typeof SERVICES)[number], readonly [string, string]>

/**
 * Usage that happened (K): calls, SMS, collect calls and data sessions sent by the
 * network. `eventId` makes recording idempotent within the company. Written by the engine, read by reports.
 */
export const Usage = tenantCollection({
  slug: 'usage',
  labels: { singular: label('Uso', 'Usage event'), plural: label('Uso', 'Usage') },
  admin: { defaultColumns: ['at', 'line', 'service', 'category', 'destination', 'units', 'cost'] },
  defaultSort: '-at',
  // Recorded only through the engine (POST /api/engine/usage), which rates each event and counts
  // it in `consumption`: a row written or removed around it would leave the counters wrong.
  access: { create: nobody, update: nobody, delete: nobody },
  // What reads usage: (company, at) for reports and the dashboard, (line, at) for a line's page,
  // msisdn for a report's line filter, (company, eventId) for idempotency: event ids are unique
  // per company, so one tenant's ids neither drop nor reveal another's (issue 10, item 7).
  indexes: [{ fields: ['company', 'eventId'], unique: true }, { fields: ['company', 'at'] }, { fields: ['line', 'at'] }],
  fields: [
    { name: 'eventId', type: 'text', required: true, label: label('ID do evento', 'Event id') },
    { name: 'line', type: 'relationship', relationTo: 'lines', required: true, label: label('Linha', 'Line') },
    { name: 'msisdn', type: 'text', index: true, label: label('Nº da linha', 'Line number') },
    selectField('service', 'Serviço', 'Service', SERVICE_LABELS, { required: true }),
    selectField('category', 'Tipo', 'Category', categoryOptionMap(), { required: true }),
    { name: 'destination', type: 'text', label: label('Destino', 'Destination') },
    { name: 'at', type: 'date', required: true, label: label('Data', 'Date'), admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'units', type: 'number', required: true, min: 0, label: label('Quantidade (s / SMS / bytes)', 'Units (s / SMS / bytes)') },
    // What the event cost beyond the franchises under the tariff in force at `at` (issue 15), in centavos.
    { name: 'cost', type: 'number', defaultValue: 0, min: 0, label: label('Custo (centavos)', 'Cost (centavos)') },
    { name: 'group', type: 'text', label: label('Grupo de classificação', 'Classification group') },
    { name: 'package', type: 'text', label: label('Oferta e pacote usado', 'Offer and package used') },
    { name: 'cycle', type: 'text', label: label('Ciclo', 'Cycle') },
    ...unindexedTimestamps(),
  ],
})
