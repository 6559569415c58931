import type { Payload } from 'payload'
import { failReport, REPORT_ATTEMPTS, updateReport } from './generate'
import type { Doc } from './source'
import { removeOrphanParts, removeReportFile } from './storage'

const minutes = (name: string, fallback: number) => Number(process.env[name] || fallback) * 60_000
const DAY_MS = 86_400_000

/** Transactions and restores are kept 180 days (SPEC H2, H7). */
export const RETENTION_DAYS = 180

/** Deletes transactions and restores older than the retention (straight in the database: no hooks, no audit of the purge). */
export async function purgeRetention(payload: Payload, now = new Date()): Promise<{ transactions: number; restores: number }> {
  const cutoff = new Date(now.getTime() - RETENTION_DAYS * DAY_MS).toISOString()
  const purge = async (collection: 'transactions' | 'restores', field: string) => {
    const where = { [field]: { less_than: cutoff } }
    const { totalDocs } = await payload.count({ collection, where, overrideAccess: true })
    if (totalDocs) await payload.db.deleteMany({ collection, where })
    return totalDocs
  }
  const result = { transactions: await purge('transactions', 'at'), restores: await purge('restores', 'createdAt') }
  payload.logger.info(`Expurgo de ${RETENTION_DAYS} dias: ${result.transactions} transações, ${result.restores} restaurações`)
  return result
}

/**
 * Reports that can no longer finish are never left pending:
 * - pending with no sign of life for REPORT_STALE_MINUTES (10) while its job is marked
 *   running: the process died mid-report. The job is released for another try (the
 *   queue runs it again) or, on the last try, the report is marked failed;
 * - pending whose job is gone, finished or failed for good: marked failed;
 * - pending and never started for REPORT_QUEUED_MAX_MINUTES (24 h): marked failed.
 * Also deletes reports (and files) older than REPORT_KEEP_DAYS (30) and `.part` files
 * left by dead processes.
 */
export async function sweepReports(payload: Payload, now = new Date()): Promise<{ released: number; failed: number; deleted: number }> {
  const stale = new Date(now.getTime() - minutes('REPORT_STALE_MINUTES', 10)).toISOString()
  const neverStarted = new Date(now.getTime() - minutes('REPORT_QUEUED_MAX_MINUTES', 24 * 60)).toISOString()
  let released = 0
  let failed = 0
  const pending = await payload.find({
    collection: 'reports',
    where: { and: [{ status: { equals: 'pending' } }, { updatedAt: { less_than: stale } }] },
    overrideAccess: true,
    depth: 0,
    pagination: false,
  })
  for (const report of pending.docs as Doc[]) {
    const job = report.job
      ? ((await payload.findByID({ collection: 'payload-jobs', id: report.job, depth: 0, overrideAccess: true, disableErrors: true }).catch(() => null)) as Doc | null)
      : null
    const tries = Number(job?.totalTried ?? 0)
    if (!job || job.completedAt || job.hasError) {
      await failReport(payload, report, 'A geração foi interrompida e não pode continuar')
      failed++
    } else if (job.processing) {
      if (tries + 1 >= REPORT_ATTEMPTS) {
        await payload.db.updateOne({ collection: 'payload-jobs', id: job.id, data: { processing: false, hasError: true, totalTried: tries + 1, error: { message: 'processo interrompido' } } })
        await failReport(payload, report, `Interrompido ${tries + 1} vezes (processo encerrado durante a geração)`)
        failed++
      } else {
        await payload.db.updateOne({ collection: 'payload-jobs', id: job.id, data: { processing: false, totalTried: tries + 1, waitUntil: null } })
        await updateReport(payload, report.id, { error: `Tentativa ${tries + 1} interrompida; será repetida`, heartbeatAt: now.toISOString() })
        released++
      }
    } else if (String(report.createdAt) < neverStarted) {
      await payload.db.deleteMany({ collection: 'payload-jobs', where: { id: { equals: job.id } } })
      await failReport(payload, report, 'O relatório não foi processado a tempo')
      failed++
    }
  }
  const old = new Date(now.getTime() - Number(process.env.REPORT_KEEP_DAYS || 30) * DAY_MS).toISOString()
  const expired = await payload.find({ collection: 'reports', where: { createdAt: { less_than: old } }, overrideAccess: true, depth: 0, pagination: false })
  for (const report of expired.docs as Doc[]) await removeReportFile(report.file)
  if (expired.docs.length) await payload.db.deleteMany({ collection: 'reports', where: { id: { in: expired.docs.map((d) => d.id) } } })
  await removeOrphanParts(DAY_MS)
  return { released, failed, deleted: expired.docs.length }
}
