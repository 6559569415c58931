import { categoryOptionMap, quantityField, selectField } from '../../fields/common'
import { moneyField } from '../../fields/money'
import { label } from '../../lib/i18n'
import { invalidateTariffs } from '../../spend/tariffBook'
import { tenantCollection } from '../tenantCollection'

const positiveSeconds = (v: unknown) => (v == null || (Number.isInteger(v) && (v as number) >= 1) ? true : 'Informe um número inteiro de segundos ≥ 1')

/**
 * A company's tariff (issue 15): prices of usage beyond the franchises, versioned by the date
 * it comes into force. The engine prices each usage event with the version in force at the
 * event's time (src/engine/core/price.ts). Support edits; the company reads.
 */
export const Tariffs = tenantCollection({
  slug: 'tariffs',
  labels: { singular: label('Tarifa', 'Tariff'), plural: label('Tarifas', 'Tariffs') },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'validFrom', 'voicePerMinute', 'smsPerMessage', 'dataPerMB', 'company'] },
  defaultSort: '-validFrom',
  indexes: [{ fields: ['company', 'validFrom'], unique: true }],
  hooks: { afterChange: [invalidateTariffs], afterDelete: [invalidateTariffs] },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 120, label: label('Nome', 'Name') },
    {
      name: 'validFrom',
      type: 'date',
      required: true,
      label: label('Vigente a partir de', 'In force from'),
      admin: { date: { pickerAppearance: 'dayAndTime' }, description: { pt: 'Cada evento é tarifado pela versão vigente no seu horário', en: "Each event is priced with the version in force at its time" } },
    },
    moneyField('voicePerMinute', 'Voz: R$ por minuto', 'Voice: R$ per minute', { required: true, defaultValue: 0 }),
    quantityField('firstIncrementS', 'Voz: primeiro incremento (s)', 'Voice: first increment (s)', { required: true, defaultValue: 30, min: 1, validate: positiveSeconds }),
    quantityField('nextIncrementS', 'Voz: incrementos seguintes (s)', 'Voice: next increments (s)', { required: true, defaultValue: 6, min: 1, validate: positiveSeconds }),
    moneyField('smsPerMessage', 'SMS: R$ por mensagem', 'SMS: R$ per message', { required: true, defaultValue: 0 }),
    moneyField('dataPerMB', 'Dados: R$ por MB', 'Data: R$ per MB', { required: true, defaultValue: 0 }),
    {
      name: 'categories',
      type: 'array',
      label: label('Preços por tipo', 'Prices per category'),
      admin: { description: { pt: 'Tipos com preço próprio (internacional, números especiais…); os demais usam o preço do serviço', en: 'Categories with their own price (international, special numbers…); the rest use the service price' } },
      validate: (rows: unknown) => {
        const seen = new Set<string>()
        for (const r of (rows as { category?: string }[] | null) ?? []) {
          if (r.category && seen.has(r.category)) return `Tipo repetido: ${r.category}`
          if (r.category) seen.add(r.category)
        }
        return true
      },
      fields: [
        selectField('category', 'Tipo', 'Category', categoryOptionMap(), { required: true }),
        moneyField('price', 'R$ por minuto / mensagem / MB', 'R$ per minute / message / MB', { required: true }),
      ],
    },
  ],
})
