/**
 * Endpoints of the `restores` collection (J3, H7): the outcome spreadsheets of a restore
 * and the history with period and type filters, through the collection's access rules.
 */
import type { Endpoint, PayloadHandler, Where } from 'payload'
import { actorOf } from '../../../access/policy'
import { listItems } from '../../Backups/snapshot/items'
import { workbook, xlsxResponse } from '../../Backups/snapshot/spreadsheet'
import { BACKUP_CATEGORIES } from '../../Backups/model'
import { readable } from '../../Backups/endpoints'
import { json, problem } from '../../../http/endpoint'
import { HISTORY_MAX_DAYS } from '../model'

export { HISTORY_MAX_DAYS }

const itemSheet = (field: 'applied' | 'failed') => {
  const handler: PayloadHandler = async (req) => {
    const restore = await readable(req, 'restores')
    if (!restore) return problem('Restauração não encontrada.', 404)
    const items = await listItems(req.payload, restore.id as string | number, field)
    const rows = items.map((i) => ({
      Tipo: i.kind,
      Registro: i.id,
      Nome: i.title,
      Ação: i.action,
      Alterações: Array.isArray(i.changes) ? i.changes.join('; ') : '',
      ...(field === 'failed' ? { Motivo: i.reason } : {}),
    }))
    const name = field === 'applied' ? 'aplicados' : 'com-erro'
    return xlsxResponse(await workbook([{ name: field === 'applied' ? 'Aplicados' : 'Com erro', rows }]), `restauracao_${String(restore.id)}_${name}`)
  }
  return handler
}

const DAY = 86_400_000

/**
 * The filters of the restore history (H7): period (`from`, `to`, YYYY-MM-DD, at most 180
 * days, default the last 180) and type (`category`). Answers the where-clause or an error.
 */
export function historyWhere(query: Record<string, unknown>, now = new Date()): { where: Where } | { error: string } {
  const parse = (v: unknown, end: boolean): Date | null | undefined => {
    if (v == null || v === '') return undefined
    if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return null
    const d = new Date(`${v}T${end ? '23:59:59.999' : '00:00:00.000'}-03:00`)
    return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) > '9999' ? null : d
  }
  const to = parse(query.to, true)
  const from = parse(query.from, false)
  if (to === null || from === null) return { error: 'Data inválida: use AAAA-MM-DD.' }
  const end = to ?? now
  const start = from ?? new Date(end.getTime() - HISTORY_MAX_DAYS * DAY)
  if (start > end) return { error: 'A data inicial deve ser anterior à data final.' }
  if (end.getTime() - start.getTime() > (HISTORY_MAX_DAYS + 1) * DAY) return { error: `O período máximo de consulta é de ${HISTORY_MAX_DAYS} dias.` }
  const and: Where[] = [{ createdAt: { greater_than_equal: start.toISOString() } }, { createdAt: { less_than_equal: end.toISOString() } }]
  if (query.category != null && query.category !== '') {
    if (!(String(query.category) in BACKUP_CATEGORIES)) return { error: `Tipo de restauração desconhecido: ${String(query.category)}` }
    and.push({ category: { equals: query.category } })
  }
  return { where: { and } }
}

/** GET /api/restores/history?from=&to=&category=&page= (H7). */
const history: PayloadHandler = async (req) => {
  if (!actorOf(req)) return problem('Faça login.', 401)
  const query = (req.query ?? {}) as Record<string, unknown>
  const filter = historyWhere(query)
  if ('error' in filter) return problem(filter.error)
  const found = await req.payload.find({
    collection: 'restores',
    where: filter.where,
    sort: '-createdAt',
    depth: 0,
    limit: Math.min(Number(query.limit) || 100, 1000),
    page: Number(query.page) || 1,
    overrideAccess: false,
    req,
  })
  return json(found)
}

export const restoreEndpoints: Endpoint[] = [
  { path: '/history', method: 'get', handler: history },
  { path: '/:id/applied', method: 'get', handler: itemSheet('applied') },
  { path: '/:id/failed', method: 'get', handler: itemSheet('failed') },
]
