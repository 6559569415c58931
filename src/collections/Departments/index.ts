import { nameField } from '../../fields/common'
import { uniqueWithinCompany } from '../../hooks/uniqueWithinCompany'
import { label } from '../../lib/i18n'
import { tenantCollection } from '../tenantCollection'

/** Departments group a company's lines (D). Deleting one leaves its lines without department. */
export const Departments = tenantCollection({
  slug: 'departments',
  labels: { singular: label('Departamento', 'Department'), plural: label('Departamentos', 'Departments') },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'company', 'updatedAt'],
    // D: line counts with "Linhas sem departamento" and the add-lines picker above the list.
    components: { beforeList: ['/src/admin/organization/LineGroups#DepartmentLineCounts'] },
  },
  indexes: [{ fields: ['company', 'name'], unique: true }],
  hooks: { beforeValidate: [uniqueWithinCompany('name', 'Já existe um departamento com este nome')] },
  fields: [
    nameField('Nome do departamento', 'Department name'),
    { name: 'spendPanel', type: 'ui', admin: { components: { Field: { path: '/src/admin/spend/SpendPanel#SpendPanel', clientProps: { scope: 'department' } } } } },
  ],
})
