/**
 * Endpoints of the `backups` collection (J1, SPEC L): several categories at once, the
 * spreadsheet of a finished backup, and the preview of restoring it. Every read goes
 * through the collection's access rules (overrideAccess: false with the request's user).
 */
import type { Endpoint, PayloadHandler, PayloadRequest } from 'payload'
import { actorOf } from '../../../access/policy'
import { companyIdsOf } from '../../../access/roles'
import type { Data } from '../snapshot/categories'
import { backupFileOf, readBackupFile } from '../snapshot/backupFile'
import { previewRestore } from '../snapshot/plan'
import { backupSheetRows, streamedXlsx } from '../snapshot/spreadsheet'
import { dataOf, json, problem, withTransaction } from '../../../http/endpoint'
import { BACKUP_CATEGORIES, type BackupCategory } from '../model'

import { idOf } from '../../../domain/ids'

const body = (req: PayloadRequest) => dataOf<Data>(req)

/** One readable document through the collection's access rules, or null. */
export async function readable(req: PayloadRequest, collection: 'backups' | 'restores'): Promise<Data | null> {
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
  try {
    const docs = await withTransaction(req, async () => {
      const docs = []
      for (const category of wanted) {
        // The generated type requires `name`, which the collection's beforeChange hook gives a new backup.
        docs.push(await req.payload.create({ collection: 'backups', data: { company: target, category } as never, overrideAccess: false, depth: 0, req }))
      }
      return docs
    })
    return json({ docs }, 201)
  } catch (e) {
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
