import type { Field, SelectField } from 'payload'
import { validations } from 'payload'
import { CATEGORY_LABELS_EN, CATEGORY_LABELS_PT, USAGE_CATEGORIES, type UsageCategory } from '../domain/categories'
import { label, options } from '../lib/i18n'

export const nameField = (pt = 'Nome', en = 'Name'): Field => ({
  name: 'name',
  type: 'text',
  required: true,
  label: label(pt, en),
  maxLength: 120,
})

/**
 * A select from a map of value → [pt, en]. A required select with a default is kept
 * optional in the schema (so GraphQL inputs may omit it, as REST may) and refuses an
 * explicit empty value in its validation instead.
 */
export const selectField = (
  name: string,
  pt: string,
  en: string,
  map: Record<string, readonly [string, string]>,
  extra: Partial<SelectField> = {},
): SelectField => {
  const field = { name, type: 'select', label: label(pt, en), options: options(map), ...extra } as SelectField
  if (!(extra.required && extra.defaultValue !== undefined)) return field
  return {
    ...field,
    required: false,
    // Payload's select validator is typed per field config; this wrapper serves every select field.
    validate: ((value: unknown, args: any) =>
      value == null || value === '' ? 'Campo obrigatório' : validations.select(value as never, args)) as never,
  } as SelectField
}

/** A non-negative whole number (limits, quotas, franchises). */
export const quantityField = (name: string, pt: string, en: string, extra: Record<string, unknown> = {}): Field =>
  ({
    name,
    type: 'number',
    min: 0,
    label: label(pt, en),
    validate: (value: unknown) =>
      value == null || (Number.isInteger(value) && (value as number) >= 0) ? true : 'Informe um número inteiro não negativo',
    ...extra,
  }) as Field

/** Usage categories as select options, pt-BR and English labels. */
export const categoryOptionMap = (exclude: UsageCategory[] = []): Record<string, readonly [string, string]> =>
  Object.fromEntries(
    USAGE_CATEGORIES.filter((c) => !exclude.includes(c)).map((c) => [c, [CATEGORY_LABELS_PT[c], CATEGORY_LABELS_EN[c]] as const]),
  )

/**
 * Payload's timestamps declared without the index Payload gives them by default, for the
 * engine's bulk tables (usage, consumption): never listed nor searched by these, and every index
 * costs each insert, and each counter update (an indexed updatedAt makes every consumption
 * upsert a non-HOT update that writes all the table's indexes again; bench/RESULTS.md).
 */
export const unindexedTimestamps = (): Field[] => [
  { name: 'updatedAt', type: 'date', admin: { hidden: true, disableBulkEdit: true } },
  { name: 'createdAt', type: 'date', admin: { hidden: true, disableBulkEdit: true } },
]
