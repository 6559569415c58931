/**
 * Behaviour of the `backups` and `restores` collections (J1–J3, H7, SPEC L): a backup's
 * content is always read from the database at creation (never taken from the client);
 * creating a restore queues the restore job; spreadsheets, preview and history are
 * endpoints under each collection. Every read goes through the collection's access
 * rules (overrideAccess: false with the request's user).
 */
import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  CollectionBeforeDeleteHook,
  CollectionBeforeOperationHook,
  Endpoint,
  PayloadHandler,
  PayloadRequest,
  Where,
} from 'payload'
import { addDataAndFileToRequest, commitTransaction, initTransaction, killTransaction, ValidationError } from 'payload'
import { actorOf } from '../../../access/policy'
import { companyIdsOf } from '../../../access/roles'
import { BACKUP_CATEGORIES, BACKUP_FILE_PREFIX, type BackupCategory } from '..'
import { describeBackup, restoreAction } from '../../../hooks/audit/describe'
import { writeTransaction } from '../../../hooks/audit'
import type { Data } from '../../../jobs/restore/categories'
import { BACKUP_TASK } from '../../../jobs/restore/backup'
import { backupFileOf, readBackupFile, removeBackupFile } from '../../../jobs/restore/backupFile'
import { RESTORE_TASK } from '../../../jobs/restore/task'
import { listItems } from '../../../jobs/restore/items'
import { previewRestore } from '../../../jobs/restore/plan'
import { backupSheetRows, saoPauloStamp, streamedXlsx, workbook, xlsxResponse } from '../../../jobs/restore/spreadsheet'

const idOf = (v: unknown): string | number | undefined =>
  v == null ? undefined : typeof v === 'object' && 'id' in v ? (v as { id: string | number }).id : (v as string | number)

const json = (body: unknown, status = 200) => Response.json(body, { status })
const problem = (message: string, status = 400) => json({ errors: [{ message }] }, status)

// ---------------------------------------------------------------- backups

/** A new backup: name `assinantes_20250526144355`, `pending` until the backup job has written its file. */
export const fillBackup: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const category = data.category as BackupCategory
  if (!category || !(category in BACKUP_CATEGORIES)) return data
  return {
    ...data,
    itemCount: 0,
    failedCount: 0,
    error: null,
    status: 'pending',
    name: `${BACKUP_FILE_PREFIX[category]}_${saoPauloStamp(new Date())}`,
    createdBy: actorOf(req)?.id ?? null,
  }
}

/** Queues the backup job in the request's transaction: the answer comes at once, the job writes the file. */
export const queueBackup: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation === 'create') await req.payload.jobs.queue({ task: BACKUP_TASK as never, input: { backup: String(doc.id) } as never, req })
  return doc
}

export const removeFile: CollectionAfterDeleteHook = async ({ doc }) => {
  await removeBackupFile(backupFileOf(doc))
  return doc
}

export const auditBackupCreate: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'create' || req.context?.skipAudit) return doc
  await writeTransaction(req, { ...describeBackup(doc.category, doc.name, 'create'), companies: [doc.company], entity: 'backups', entityId: doc.id })
  return doc
}

/** A backup a restore is still working from cannot go; finished restores keep its name. */
export const keepBackupOfRunningRestore: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const running = await req.payload.count({
    collection: 'restores',
    where: { and: [{ backup: { equals: id } }, { status: { in: ['pending', 'running'] } }] },
    overrideAccess: true,
    req,
  })
  if (running.totalDocs > 0) {
    throw new ValidationError({ collection: 'backups', errors: [{ path: 'id', message: 'Há uma restauração em andamento com este backup; aguarde o fim para excluí-lo' }] })
  }
}

export const auditBackupDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  if (req.context?.skipAudit) return doc
  await writeTransaction(req, { ...describeBackup(doc.category, doc.name, 'delete'), companies: [doc.company], entity: 'backups', entityId: doc.id })
  return doc
}

async function body(req: PayloadRequest): Promise<Data> {
  await addDataAndFileToRequest(req)
  return (req.data ?? {}) as Data
}

/** One readable document through the collection's access rules, or null. */
async function readable(req: PayloadRequest, collection: 'backups' | 'restores'): Promise<Data | null> {
  const id = req.routeParams?.id as string | undefined
  if (!id || !actorOf(req)) return null
  return (await req.payload.findByID({ collection, id, depth: 0, overrideAccess: false, req, disableErrors: true })) as unknown as Data | null
}

/** POST /api/backups/batch {company?, categories: [...]}: several categories at once (J1), all or none. */
const createBatch: PayloadHandler = async (req) => {
  const user = actorOf(req)
  if (!user) return problem('Faça login.', 401)
  const { company, categories } = await body(req)
  const wanted = Array.isArray(categories) ? [...new Set(categories.map(String))] : []
  const unknown = wanted.filter((c) => !(c in BACKUP_CATEGORIES))
  if (wanted.length === 0 || unknown.length) {
    return problem(`Informe uma ou mais categorias entre: ${Object.keys(BACKUP_CATEGORIES).join(', ')}${unknown.length ? ` (desconhecidas: ${unknown.join(', ')})` : ''}`)
  }
  const own = companyIdsOf(user)
  const target = company ?? (own.length === 1 ? own[0] : undefined)
  if (target == null) return problem('Informe a empresa (company).')
  const shouldCommit = await initTransaction(req)
  try {
    const docs = []
    for (const category of wanted) {
      docs.push(await req.payload.create({ collection: 'backups', data: { company: target, category } as never, overrideAccess: false, depth: 0, req }))
    }
    if (shouldCommit) await commitTransaction(req)
    return json({ docs }, 201)
  } catch (e) {
    await killTransaction(req)
    const status = (e as { status?: number }).status ?? 500
    return problem((e as Error).message, status)
  }
}

/** A finished backup the request's user may read, or the answer saying why not. */
async function finishedBackup(req: PayloadRequest): Promise<Data | Response> {
  const backup = await readable(req, 'backups')
  if (!backup) return problem('Backup não encontrado.', 404)
  if (!['ok', 'partial'].includes(String(backup.status))) return problem('O backup ainda não foi concluído.', 409)
  return backup
}

/** GET /api/backups/:id/download: the backup as a spreadsheet, streamed from its file. */
const downloadBackup: PayloadHandler = async (req) => {
  const backup = await finishedBackup(req)
  if (backup instanceof Response) return backup
  return streamedXlsx(backupSheetRows(readBackupFile(backupFileOf(backup))), String(backup.name))
}

/**
 * GET /api/backups/:id/preview?page=&limit=: what restoring this backup would change now,
 * changing nothing (SPEC L): the counts, and one page of `changes` (default 100).
 */
const previewBackup: PayloadHandler = async (req) => {
  const backup = await finishedBackup(req)
  if (backup instanceof Response) return backup
  const category = backup.category as BackupCategory
  const query = (req.query ?? {}) as Record<string, unknown>
  const limit = Math.min(Math.max(Number(query.limit) || 100, 1), 1000)
  const page = Math.max(Number(query.page) || 1, 1)
  const preview = await previewRestore({ payload: req.payload, company: idOf(backup.company)! }, category, backupFileOf(backup), page, limit)
  return json({ backup: { id: backup.id, name: backup.name, category }, ...preview })
}

export const backupEndpoints: Endpoint[] = [
  { path: '/batch', method: 'post', handler: createBatch },
  { path: '/:id/download', method: 'get', handler: downloadBackup },
  { path: '/:id/preview', method: 'get', handler: previewBackup },
]

// ---------------------------------------------------------------- restores

/** The restore's company and category come from its backup (before access is checked against them). */
export const restoreFromBackup: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create') return args
  const data = (args as { data?: Data }).data
  const backupId = idOf(data?.backup)
  if (!data || backupId == null) return args
  const backup = (await req.payload.findByID({ collection: 'backups', id: backupId, depth: 0, overrideAccess: true, req, disableErrors: true })) as unknown as Data | null
  if (backup) {
    data.company = idOf(backup.company)
    data.category = backup.category
  }
  return args
}

export const initRestore: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const backupId = idOf(data.backup)
  const backup = backupId == null ? null : await req.payload.findByID({ collection: 'backups', id: backupId, depth: 0, overrideAccess: true, req, disableErrors: true })
  if (!backup) throw new ValidationError({ collection: 'restores', errors: [{ path: 'backup', message: 'Backup não encontrado' }] })
  if (!['ok', 'partial'].includes(String(backup.status))) {
    throw new ValidationError({ collection: 'restores', errors: [{ path: 'backup', message: 'O backup ainda não foi concluído' }] })
  }
  return { ...data, backupName: backup.name, status: 'pending', appliedCount: 0, failedCount: 0, resumes: 0, finishedAt: null, requestedBy: actorOf(req)?.id ?? null }
}

/** Queues the restore job in the same transaction as the request (J3) and audits the request. */
export const queueRestore: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'create') return doc
  await req.payload.jobs.queue({ task: RESTORE_TASK as never, input: { restore: String(doc.id) } as never, req })
  if (!req.context?.skipAudit) {
    const backup = (await req.payload.findByID({ collection: 'backups', id: idOf(doc.backup)!, depth: 0, overrideAccess: true, req })) as unknown as Data
    await writeTransaction(req, {
      event: `Pedido de restauração do backup ${String(backup.name)}`,
      description: restoreAction(String(doc.category)),
      companies: [doc.company],
      entity: 'restores',
      entityId: doc.id,
    })
  }
  return doc
}

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

export const HISTORY_MAX_DAYS = 180
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
