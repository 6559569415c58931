import type { CollectionBeforeValidateHook } from 'payload'
import { selectField } from '../../fields/common'
import { moneyField } from '../../fields/money'
import { sameCompanyRelations } from '../../hooks/sameCompany'
import { label } from '../../lib/i18n'
import { invalidateCaps } from '../../spend/capBook'
import { spendEndpoints } from '../../spend/endpoints'
import { tenantCollection } from '../tenantCollection'

export const CAP_SCOPE = { line: ['Linha', 'Line'], department: ['Departamento', 'Department'], company: ['Empresa', 'Company'] } as const
export const CAP_CONTROL = { notify: ['Avisar', 'Notify'], block: ['Bloquear', 'Block'] } as const

/** A line cap belongs to the line's department (so sub-admins reach the caps of their departments' lines). */
const departmentOfLine: CollectionBeforeValidateHook = async ({ data, originalDoc, req }) => {
  if (!data) return data
  const scope = data.scope ?? originalDoc?.scope
  const line = data.line ?? originalDoc?.line
  if (scope === 'line' && line != null) {
    const doc = await req.payload.findByID({ collection: 'lines', id: typeof line === 'object' ? line.id : line, depth: 0, overrideAccess: true, req }).catch(() => null)
    if (doc) data.department = (doc as { department?: unknown }).department ?? null
  }
  if (scope === 'company') data.department = null
  if (scope !== 'line') data.line = null
  return data
}

const requiredFor = (scope: string, what: string) => (v: unknown, { siblingData }: { siblingData?: { scope?: string } }) =>
  siblingData?.scope === scope && v == null ? `Um limite por ${what} indica ${what === 'linha' ? 'a linha' : 'o departamento'}` : true

/**
 * Money caps per cycle (issue 15): on a line, a department (shared by its lines) or the whole
 * company. `block` makes authorize refuse (SPEND_CAP_REACHED) or grant only what the money left
 * buys, through holds (src/spend/moneyHolds.ts); `notify` only alerts. Amount in R$ (centavos in the engine).
 */
export const SpendCaps = tenantCollection({
  slug: 'spend-caps',
  endpoints: spendEndpoints,
  labels: { singular: label('Limite de gasto', 'Spend cap'), plural: label('Limites de gasto', 'Spend caps') },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'scope', 'line', 'department', 'amount', 'control'] },
  hooks: {
    beforeValidate: [
      departmentOfLine,
      sameCompanyRelations([
        { field: 'line', collection: 'lines' },
        { field: 'department', collection: 'departments' },
      ]),
    ],
    afterChange: [invalidateCaps],
    afterDelete: [invalidateCaps],
  },
  fields: [
    { name: 'name', type: 'text', maxLength: 120, label: label('Nome', 'Name') },
    selectField('scope', 'Aplica-se a', 'Applies to', CAP_SCOPE, { required: true, defaultValue: 'line', index: true }),
    { name: 'line', type: 'relationship', relationTo: 'lines', index: true, label: label('Linha', 'Line'), admin: { condition: (d) => d?.scope === 'line' }, validate: requiredFor('line', 'linha') },
    { name: 'department', type: 'relationship', relationTo: 'departments', index: true, label: label('Departamento', 'Department'), admin: { condition: (d) => d?.scope !== 'company' }, validate: requiredFor('department', 'departamento') },
    moneyField('amount', 'Valor por ciclo (R$)', 'Amount per cycle (R$)', { required: true }, 2),
    selectField('control', 'Ao atingir', 'When reached', CAP_CONTROL, { required: true, defaultValue: 'block' }),
  ],
})
