import type { NumberFieldSingleValidation } from 'payload'
import type { Line } from '../../payload-types'
import { idOf } from '../../access/roles'
import { selectField } from '../../fields/common'
import { iccidField, imsiField, msisdnField } from '../../fields/identifiers'
import { sameCompanyRelations } from '../../hooks/sameCompany'
import { label } from '../../lib/i18n'
import { importEndpoints } from './endpoints/import'
import { tenantCollection } from '../tenantCollection'
import { LINE_STATUS, QUOTA_CONTROL } from './model'
import { poolOffers, poolTotalMB } from '../../domain/pools'

export * from './model'

/** A limited quota may not exceed the shared pool of the line's account (G). */
const quotaWithinPool: NumberFieldSingleValidation = async (value, { data, siblingData, req }) => {
  if ((siblingData as Partial<NonNullable<Line['quota']>> | undefined)?.control !== 'limited') return true
  if (!Number.isInteger(value) || (value as number) < 0) return 'Informe a cota em MB (número inteiro não negativo)'
  const account = idOf((data as Partial<Line> | undefined)?.account)
  if (account == null) return true
  const pools = await req.payload.find({
    collection: 'offers',
    where: { account: { equals: account }, kind: { equals: 'shared' } },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const poolMB = poolTotalMB(pools.docs)
  if (poolOffers(pools.docs).length > 0 && (value as number) > poolMB) {
    return `A cota (${String(value)} MB) é maior que o total da oferta compartilhada (${String(poolMB)} MB)`
  }
  return true
}

/** Subscriber lines (`Assinantes`, C). */
export const Lines = tenantCollection({
  slug: 'lines',
  labels: { singular: label('Assinante', 'Line'), plural: label('Assinantes', 'Lines') },
  endpoints: importEndpoints,
  // A company's lines newest first: the list's default order and its downloads' keyset pages (id is added as the tie-break, src/lib/database.ts).
  indexes: [{ fields: ['company', 'createdAt'] }],
  admin: {
    useAsTitle: 'msisdn',
    defaultColumns: ['name', 'msisdn', 'account', 'department', 'profile', 'status'],
    listSearchableFields: ['name', 'msisdn'],
    pagination: { defaultLimit: 100 },
    components: { beforeListTable: ['/src/admin/lines/LinesFilterBar#LinesFilterBar'] },
  },
  hooks: {
    beforeValidate: [
      sameCompanyRelations([
        { field: 'account', collection: 'accounts' },
        { field: 'department', collection: 'departments' },
        { field: 'profile', collection: 'profiles' },
      ]),
    ],
  },
  fields: [
    { name: 'name', type: 'text', label: label('Nome', 'Name'), maxLength: 120 },
    { ...msisdnField('msisdn', 'Nº da linha', 'Line number (MSISDN)'), required: true, unique: true },
    selectField('status', 'Status', 'Status', LINE_STATUS, { required: true, defaultValue: 'active', index: true }),
    {
      name: 'account',
      type: 'relationship',
      relationTo: 'accounts',
      required: true,
      index: true,
      label: label('Nº da conta', 'Account'),
    },
    {
      name: 'department',
      type: 'relationship',
      relationTo: 'departments',
      index: true,
      label: label('Departamento', 'Department'),
    },
    { name: 'profile', type: 'relationship', relationTo: 'profiles', index: true, label: label('Perfil da linha', 'Line profile') },
    { ...iccidField('iccid', 'Número do chip (ICCID)', 'SIM card (ICCID)'), unique: true },
    imsiField('imsi', 'IMSI', 'IMSI'),
    {
      name: 'extension',
      type: 'text',
      label: label('Ramal', 'Extension'),
      validate: (v: unknown) => (v == null || v === '' || /^\d{2,8}$/.test(String(v)) ? true : 'Ramal: de 2 a 8 dígitos'),
    },
    {
      name: 'quota',
      type: 'group',
      label: label('Cota da franquia compartilhada', 'Shared-pool quota'),
      fields: [
        selectField('control', 'Limite', 'Control', QUOTA_CONTROL, { required: true, defaultValue: 'unlimited' }),
        { name: 'amountMB', type: 'number', min: 0, label: label('Cota (MB)', 'Quota (MB)'), validate: quotaWithinPool },
      ],
    },
    // C3, C5–C7: registration data, offers and consumption, shared quota, history (read-only panels).
    { name: 'lineOverview', type: 'ui', admin: { components: { Field: '/src/admin/lines/LineOverview#LineOverview' } } },
    // SPEC L: the engine's decision for a call from this line, without counting it.
    { name: 'simulateCall', type: 'ui', admin: { components: { Field: '/src/admin/engine/SimulateCall#SimulateCall' } } },
    { name: 'spendPanel', type: 'ui', admin: { components: { Field: { path: '/src/admin/spend/SpendPanel#SpendPanel', clientProps: { scope: 'line' } } } } },
  ],
})
