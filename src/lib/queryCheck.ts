/**
 * Malformed queries answer 400 with the reason instead of reaching the database (where an
 * invalid date, a text compared with a number column or an object as a value raised 500s):
 * one `beforeOperation` hook, added to every collection by `withQueryChecks`, checks what a
 * REST or GraphQL caller sent — `where` (operators, values against the field's type, nesting),
 * `limit`, `page`, `depth` and the document id. Local API calls (our own code) are not checked.
 */
import type { CollectionBeforeOperationHook, CollectionConfig, FlattenedField, SanitizedCollectionConfig } from 'payload'
import { APIError } from 'payload'
import { validOperatorSet } from 'payload/shared'
import { MAX_QUERY_DEPTH } from '../http/nesting'

export interface QueryError {
  path: string
  message: string
}

type Kind = 'number' | 'date' | 'id' | 'boolean' | 'other'

const GEO = new Set(['near', 'within', 'intersects'])
const LIST = new Set(['in', 'not_in', 'all'])
const INTEGER = /^-?\d+$/
const NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i

/** The kind of value a where path compares, or undefined when the path is not a plain field here. */
function kindOf(fields: FlattenedField[], path: string, idKind: Kind): Kind | undefined {
  if (path === 'id') return idKind
  let list: FlattenedField[] | undefined = fields
  const parts = path.split('.')
  for (let i = 0; i < parts.length; i++) {
    const field: FlattenedField | undefined = list?.find((f) => 'name' in f && f.name === parts[i])
    if (!field) return undefined
    const last = i === parts.length - 1
    switch (field.type) {
      case 'number':
        return last ? 'number' : undefined
      case 'date':
        return last ? 'date' : undefined
      case 'checkbox':
        return last ? 'boolean' : undefined
      case 'relationship':
      case 'upload':
        // A plain relation compares ids; `account.number` queries the related collection (Payload checks that path).
        return last && typeof field.relationTo === 'string' ? idKind : undefined
      case 'group':
      case 'array':
      case 'tab':
        list = field.flattenedFields
        if (last) return 'other'
        break
      default:
        return last ? 'other' : undefined
    }
  }
  return undefined
}

// An empty filter value (the admin's half-typed filter) is left to Payload, as before.
const isNull = (v: unknown) => v === null || v === 'null' || v === ''

/** `in` values: an array, a comma-separated text, or (past qs's 20-item array limit) an object of indices. */
const listValues = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : value !== null && typeof value === 'object' && !(value instanceof Date) ? Object.values(value) : [value]

function valueError(kind: Kind, value: unknown): string | null {
  if (isNull(value) || value instanceof Date) return null
  if (typeof value === 'object') return 'valor inválido (um objeto não é um valor)'
  const text = String(value).trim()
  switch (kind) {
    case 'number':
      return typeof value === 'number' ? (Number.isFinite(value) ? null : 'número inválido') : NUMBER.test(text) ? null : `"${text}" não é um número`
    case 'id':
      // Payload hands a REST id to the operation as parseFloat(id): "abc" arrives as NaN, "1.5" as 1.5.
      return (typeof value === 'number' ? Number.isSafeInteger(value) : INTEGER.test(text)) ? null : `"${text}" não é um id válido`
    case 'date':
      return Number.isNaN(Date.parse(text)) ? `"${text}" não é uma data válida` : null
    case 'boolean':
      return typeof value === 'boolean' || text === 'true' || text === 'false' ? null : `"${text}": use true ou false`
    default:
      return null
  }
}

function checkCondition(fullPath: string, condition: unknown, fields: FlattenedField[], idKind: Kind, errors: QueryError[]) {
  const path = fullPath.length > 80 ? `${fullPath.slice(0, 80)}…` : fullPath
  if (condition === null || typeof condition !== 'object' || Array.isArray(condition)) {
    errors.push({ path, message: `${path}: informe um operador (ex.: where[${path}][equals]=…)` })
    return
  }
  const kind = kindOf(fields, fullPath, idKind)
  for (const [operator, value] of Object.entries(condition)) {
    if (!(validOperatorSet as ReadonlySet<string>).has(operator)) {
      errors.push({ path, message: `${path}: operador desconhecido "${operator}"` })
      continue
    }
    if (GEO.has(operator)) continue
    if (operator === 'exists') {
      const bad = valueError('boolean', value)
      if (bad) errors.push({ path, message: `${path}: ${bad}` })
      continue
    }
    const values = LIST.has(operator) ? listValues(value) : [value]
    for (const v of values) {
      const bad = kind ? valueError(kind, v) : v !== null && typeof v === 'object' && !(v instanceof Date) ? 'valor inválido (um objeto não é um valor)' : null
      if (bad) {
        errors.push({ path, message: `${path}: ${bad}` })
        break
      }
    }
  }
}

/** The reasons a `where` is malformed for this collection (empty when it is fine). */
export function whereErrors(where: unknown, fields: FlattenedField[], idKind: Kind = 'id', depth = 1, errors: QueryError[] = []): QueryError[] {
  if (where == null) return errors
  if (depth > MAX_QUERY_DEPTH) {
    errors.push({ path: 'where', message: `where: aninhamento profundo demais (máximo ${MAX_QUERY_DEPTH} níveis)` })
    return errors
  }
  if (typeof where !== 'object' || Array.isArray(where)) {
    errors.push({ path: 'where', message: 'where: filtro inválido' })
    return errors
  }
  for (const [key, value] of Object.entries(where)) {
    if (key.toLowerCase() === 'and' || key.toLowerCase() === 'or') {
      if (value === null || typeof value !== 'object') errors.push({ path: key, message: `${key}: informe uma lista de filtros` })
      else for (const item of Object.values(value)) whereErrors(item, fields, idKind, depth + 1, errors)
    } else checkCondition(key, value, fields, idKind, errors)
    if (errors.length >= 10) break
  }
  return errors
}

const wholeAtLeast = (name: string, value: unknown, min: number): QueryError | null => {
  if (value === undefined || value === null) return null
  const n = typeof value === 'number' ? value : INTEGER.test(String(value)) ? Number(value) : NaN
  return Number.isInteger(n) && n >= min ? null : { path: name, message: `${name}: informe um número inteiro a partir de ${min}` }
}

/** Malformed paging, depth, id or where of an operation's arguments. */
export function queryArgsErrors(args: Record<string, unknown>, collection: SanitizedCollectionConfig, idType: 'number' | 'text'): QueryError[] {
  const idKind: Kind = idType === 'number' ? 'id' : 'other'
  const errors = [wholeAtLeast('limit', args.limit, 0), wholeAtLeast('page', args.page, 1), wholeAtLeast('depth', args.depth, 0)].filter((e): e is QueryError => e !== null)
  if (args.id !== undefined && args.id !== null) {
    const bad = valueError(idKind, args.id)
    if (bad) errors.push({ path: 'id', message: `id: ${bad}` })
  }
  return [...errors, ...whereErrors(args.where, collection.flattenedFields, idKind)]
}

const checkQuery: CollectionBeforeOperationHook = ({ args, collection, req }) => {
  if (req.payloadAPI !== 'REST' && req.payloadAPI !== 'GraphQL') return args
  const idType = (req.payload.db as { defaultIDType?: 'number' | 'text' }).defaultIDType ?? 'number'
  const errors = queryArgsErrors(args as Record<string, unknown>, collection, idType)
  if (errors.length) throw new APIError(errors.map((e) => e.message).join('; '), 400, { errors }, true)
  return args
}

/** Adds the query check to every collection (first, before any other beforeOperation hook). */
export const withQueryChecks = (collections: CollectionConfig[]): CollectionConfig[] =>
  collections.map((c) => ({ ...c, hooks: { ...c.hooks, beforeOperation: [checkQuery, ...(c.hooks?.beforeOperation ?? [])] } }))
