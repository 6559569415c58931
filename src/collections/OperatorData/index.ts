import type { CollectionConfig } from 'payload'
import { accessFor } from '../../access/policy'
import { selectField } from '../../fields/common'
import { msisdnField } from '../../fields/identifiers'
import { label } from '../../lib/i18n'

export const OPERATORS = {
  claro: ['Claro', 'Claro'],
  vivo: ['Vivo', 'Vivo'],
  tim: ['TIM', 'TIM'],
  oi: ['Oi', 'Oi'],
  algar: ['Algar', 'Algar'],
  sercomtel: ['Sercomtel', 'Sercomtel'],
  other: ['Outra', 'Other'],
} as const

const carrierData = accessFor('operator-prefixes')

/** Number ranges → operator, the engine's base for "Claro mobile" vs "other operator" (K). */
export const OperatorPrefixes: CollectionConfig = {
  slug: 'operator-prefixes',
  labels: { singular: label('Faixa de numeração', 'Number range'), plural: label('Faixas de numeração', 'Number ranges') },
  admin: { useAsTitle: 'prefix', defaultColumns: ['prefix', 'operator'], group: label('Operadoras', 'Operators') },
  access: carrierData,
  fields: [
    {
      name: 'prefix',
      type: 'text',
      required: true,
      unique: true,
      label: label('Prefixo (55 + DDD + início do número)', 'Prefix (55 + DDD + number start)'),
      validate: (v: unknown) => (typeof v === 'string' && /^55\d{3,11}$/.test(v) ? true : 'Prefixo: 55 + DDD + de 1 a 9 dígitos'),
    },
    selectField('operator', 'Operadora', 'Operator', OPERATORS, { required: true }),
  ],
}

/** Numbers ported away from their range's operator; they override the prefix table. */
export const PortedNumbers: CollectionConfig = {
  slug: 'ported-numbers',
  labels: { singular: label('Número portado', 'Ported number'), plural: label('Números portados', 'Ported numbers') },
  admin: { useAsTitle: 'msisdn', defaultColumns: ['msisdn', 'operator'], group: label('Operadoras', 'Operators') },
  access: carrierData,
  fields: [
    { ...msisdnField('msisdn', 'Número', 'Number'), required: true, unique: true },
    selectField('operator', 'Operadora', 'Operator', OPERATORS, { required: true }),
  ],
}
