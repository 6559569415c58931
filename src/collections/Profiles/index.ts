import { WEEKDAYS } from '../../domain/categories'
import { DAY_LABELS, LIMIT_CONTROLS, LIST_SCOPES, LIST_TYPES, LIST_USAGES, validateDialled } from '../../domain/profiles'
import { categoryOptionMap, nameField, quantityField, selectField } from '../../fields/common'
import { timeField, validateWindowRow } from '../../fields/identifiers'
import { uniqueWithinCompany } from '../../hooks/uniqueWithinCompany'
import { label } from '../../lib/i18n'
import { tenantCollection } from '../tenantCollection'

type LimitRow = { category?: string; control?: string; quantity?: number | null }

/** Usage profiles (E): allowed/blocked lists, calendar and per-category limits, applied to every line of the profile. */
export const Profiles = tenantCollection({
  slug: 'profiles',
  labels: { singular: label('Perfil', 'Profile'), plural: label('Perfis', 'Profiles') },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'updatedAt', 'company'],
    // E1: line counts with "Linhas sem perfil" and the add-lines picker above the list.
    components: {
      beforeList: ['/src/admin/organization/LineGroups#ProfileLineCounts'],
      // E2: the carrier guide's four-step editor replaces the generic form, for create and edit.
      views: { edit: { default: { Component: '/src/admin/profiles/ProfileEditView#ProfileEditView' } } },
    },
  },
  indexes: [{ fields: ['company', 'name'], unique: true }],
  hooks: { beforeValidate: [uniqueWithinCompany('name', 'Já existe um perfil com este nome')] },
  fields: [
    nameField('Nome do perfil', 'Profile name'),
    {
      name: 'lists',
      type: 'array',
      label: label('Lista permitida e lista bloqueada', 'Allowed and blocked lists'),
      labels: { singular: label('Número', 'Number'), plural: label('Números', 'Numbers') },
      fields: [
        selectField('type', 'Tipo de lista', 'List type', LIST_TYPES, { required: true }),
        selectField('usage', 'Tipo de uso', 'Usage', LIST_USAGES, { required: true }),
        selectField('scope', 'Tipo de ligação', 'Scope', LIST_SCOPES, { required: true, defaultValue: 'national' }),
        {
          name: 'number',
          type: 'text',
          required: true,
          label: label('CP + CA + Número', 'Number as dialled'),
          validate: validateDialled,
        },
      ],
    },
    {
      name: 'calendar',
      type: 'group',
      label: label('Calendário', 'Calendar'),
      fields: [
        selectField('days', 'Dias da semana', 'Week days', DAY_LABELS, {
          hasMany: true,
          defaultValue: [...WEEKDAYS],
        }),
        { name: 'holidays', type: 'checkbox', defaultValue: true, label: label('Feriados', 'Holidays') },
        {
          name: 'windows',
          type: 'array',
          label: label('Horários', 'Time windows'),
          labels: { singular: label('Horário', 'Window'), plural: label('Horários', 'Windows') },
          validate: (rows: unknown) => validateWindowRow(rows),
          fields: [
            { ...timeField('from', 'Hora inicial', 'From'), required: true },
            { ...timeField('to', 'Hora final', 'To'), required: true },
          ],
        },
      ],
    },
    {
      name: 'limits',
      type: 'array',
      label: label('Limites', 'Limits'),
      labels: { singular: label('Limite', 'Limit'), plural: label('Limites', 'Limits') },
      validate: (rows: unknown) => {
        const seen = new Set<string>()
        for (const row of (rows as LimitRow[] | null) ?? []) {
          if (row.category && seen.has(row.category)) return `Categoria repetida: ${row.category}`
          if (row.category) seen.add(row.category)
        }
        return true
      },
      fields: [
        selectField('category', 'Ligação / SMS', 'Category', categoryOptionMap(['data']), { required: true }),
        selectField('control', 'Controle', 'Control', LIMIT_CONTROLS, { required: true, defaultValue: 'unlimited' }),
        quantityField('quantity', 'Quantidade (MIN / SMS)', 'Quantity (min / SMS)', {
          validate: (v: unknown, { siblingData }: { siblingData?: LimitRow }) => {
            if (siblingData?.control !== 'limited') return true
            return Number.isInteger(v) && (v as number) >= 0
              ? true
              : 'Informe a quantidade (número inteiro não negativo) para um limite'
          },
        }),
      ],
    },
  ],
})
