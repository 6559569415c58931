import type { PayloadRequest, Where } from 'payload'
import { BACKUP_CATEGORIES } from '../collections/Backups/model'
import { LINE_STATUS } from '../collections/Lines/model'
import { normalizeMsisdn, validateMsisdn } from '../validation/msisdn'
import { validateDate, validatePeriod } from '../validation/time'
import { KINDS } from './kinds'
import { serverT, type ServerT } from '../lib/i18n'

export interface FieldError {
  path: string
  message: string
}

const oneOf = (map: Record<string, unknown>, what: string) => (v: unknown) =>
  typeof v === 'string' && v in map ? true : `${what} inválido: use ${Object.keys(map).join(', ')}`

/** Shape checks of each filter (existence in the company is checked against the database by the hook), in the caller's language. */
const filterChecks = (t: ServerT): Record<string, (v: unknown) => true | string> => ({
  line: (v) => validateMsisdn(v),
  account: (v) => (typeof v === 'number' || (typeof v === 'string' && v.trim() !== '') ? true : t('gol:reportAccountRequired')),
  user: (v) => (typeof v === 'string' && /^\d{11}$/.test(v) ? true : t('gol:reportUserLogin')),
  status: oneOf(LINE_STATUS, 'Status'),
  search: (v) => (typeof v === 'string' && v.length <= 120 ? true : t('gol:reportSearchTooLong')),
  cycle: (v) => validateDate(v),
  category: oneOf(BACKUP_CATEGORIES, 'Tipo de restauração'),
})

/**
 * Checks a report request: known kind, only the filters that kind takes, valid values,
 * and a period inside the kind's limit (both ends included, start not after end).
 * Returns field-level errors (`params.from`, `params.line` …) and the cleaned params.
 */
export function checkReportRequest(kind: unknown, raw: unknown, departments: unknown[], t: ServerT): { errors: FieldError[]; params: Record<string, unknown> } {
  const errors: FieldError[] = []
  const def = typeof kind === 'string' ? KINDS[kind] : undefined
  if (!def) return { errors: [{ path: 'kind', message: `Relatório desconhecido: use ${Object.keys(KINDS).join(', ')}` }], params: {} }
  if (raw != null && (typeof raw !== 'object' || Array.isArray(raw))) {
    return { errors: [{ path: 'params', message: 'Filtros inválidos: informe um objeto' }], params: {} }
  }
  const params: Record<string, unknown> = {}
  const input = { ...(raw as Record<string, unknown> | null) }
  for (const [key, value] of Object.entries(input)) {
    if (value == null || value === '') continue
    if (key === 'from' || key === 'to') {
      if (!def.period) errors.push({ path: `params.${key}`, message: `Este relatório não tem período: filtro ${key} desconhecido` })
      else params[key] = value
      continue
    }
    if (!def.filters.includes(key)) {
      errors.push({ path: `params.${key}`, message: `Filtro desconhecido para este relatório: ${key} (use ${[...(def.period ? ['from', 'to'] : []), ...def.filters].join(', ')})` })
      continue
    }
    const check = filterChecks(t)[key](value)
    if (check !== true) errors.push({ path: `params.${key}`, message: check })
    else params[key] = key === 'line' ? normalizeMsisdn(String(value)) : value
  }
  if (def.period && (def.period.required || params.from != null || params.to != null)) {
    const result = validatePeriod(params.from, params.to, def.period.max)
    if (result !== true) {
      const path = result.startsWith('Data inicial') ? 'params.from' : 'params.to'
      errors.push({ path, message: result.startsWith('O período') ? `${result} para o ${def.title}` : result })
    }
  }
  if (departments.length && !def.lineBased) errors.push({ path: 'departments', message: 'Este relatório não é por linha: não aceita filtro de departamento' })
  return { errors, params }
}

/** The line and account named in the filters exist in the report's company (and departments). */
export async function checkReferences(req: PayloadRequest, company: string | number, departments: (string | number)[], params: Record<string, unknown>): Promise<FieldError[]> {
  const errors: FieldError[] = []
  const exists = async (collection: 'lines' | 'accounts', where: Where) =>
    (await req.payload.count({ collection, where: { and: [{ company: { equals: company } }, where] }, overrideAccess: true, req })).totalDocs > 0
  if (params.line != null) {
    const where: Where = { msisdn: { equals: params.line } }
    if (!(await exists('lines', departments.length ? { and: [where, { department: { in: departments } }] } : where))) {
      const line = String(params.line)
      errors.push({ path: 'params.line', message: departments.length ? serverT(req)('gol:reportLineNotInDepartments', { line }) : serverT(req)('gol:reportLineNotFound', { line }) })
    }
  }
  if (params.account != null && !(await exists('accounts', { id: { equals: params.account } }))) {
    errors.push({ path: 'params.account', message: serverT(req)('gol:reportAccountNotFound') })
  }
  return errors
}

