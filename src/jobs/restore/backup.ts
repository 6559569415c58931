/**
 * The backup job (J1, issue 16): reads one category of a company page by page and writes it
 * to a backup file (src/collections/Backups/snapshot/backupFile.ts); the request that created the backup
 * answered at once with it `pending`. Only the last five finished backups of a company's
 * category are kept (the guide lists five).
 */
import type { Payload } from 'payload'
import type { BackupCategory } from '../../collections/Backups/model'
import { backupFileOf, writeBackupFile, type FileItem } from '../../collections/Backups/snapshot/backupFile'
import { BACKUP_TASK } from '../../collections/Backups/model'
import { CATEGORY_SOURCES, streamItems } from '../../collections/Backups/snapshot/categories'
import type { Backup } from '../../payload-types'
import { requiredId } from '../../domain/ids'

export { BACKUP_TASK }
export const BACKUPS_KEPT = 5
const PROGRESS_MS = 1000

const quiet = { overrideAccess: true, depth: 0, context: { skipAudit: true } }

export async function runBackup(payload: Payload, backupId: string | number): Promise<{ status: string }> {
  const backup = await payload.findByID({ collection: 'backups', id: backupId, ...quiet, disableErrors: true })
  if (!backup || !['pending', 'running'].includes(String(backup.status))) return { status: String(backup?.status ?? 'missing') }
  const company = requiredId(backup.company, 'backup.company')
  const category: BackupCategory = backup.category
  const update = (data: Partial<Backup>) => payload.update({ collection: 'backups', id: backupId, data, ...quiet })
  await update({ status: 'running' })
  let failed = 0
  let done = 0
  let reported = Date.now()
  async function* items(): AsyncGenerator<FileItem[]> {
    for (const source of CATEGORY_SOURCES[category]) {
      for await (const page of streamItems({ payload, company }, source, () => failed++)) {
        yield page.map(({ id, title, data }) => ({ kind: source.kind, id, title, data }))
        done += page.length
        // Heartbeat and progress for the screen, once a second (a write a page was a third of a backup's time).
        if (Date.now() - reported >= PROGRESS_MS) {
          reported = Date.now()
          await update({ itemCount: done })
        }
      }
    }
  }
  const file = backupFileOf(backup)
  try {
    const count = await writeBackupFile(file, items())
    const status = failed ? 'partial' : 'ok'
    await update({ status, itemCount: count, failedCount: failed })
    await pruneBackups(payload, company, category)
    return { status }
  } catch (e) {
    await update({ status: 'error', error: (e as Error).message })
    return { status: 'error' }
  }
}

/** Deletes a company's finished backups of `category` beyond the newest five (a backup in use by a restore stays). */
export async function pruneBackups(payload: Payload, company: string | number, category: string): Promise<number> {
  const finished = await payload.find({
    collection: 'backups',
    where: { and: [{ company: { equals: company } }, { category: { equals: category } }, { status: { in: ['ok', 'partial', 'error'] } }] },
    sort: '-createdAt',
    pagination: false,
    depth: 0,
    overrideAccess: true,
    // The ids are what is wanted; the generated BackupsSelect has no `id` (always answered), so the sort field is asked for.
    select: { createdAt: true },
  })
  let removed = 0
  for (const doc of finished.docs.slice(BACKUPS_KEPT)) {
    const gone = await payload.delete({ collection: 'backups', id: doc.id, overrideAccess: true }).then(
      () => true,
      () => false,
    )
    if (gone) removed++
  }
  return removed
}
