import type { Payload } from 'payload'
import { recoverStaleJobs } from '../jobs/runner'
import { failReport, updateReport } from './generate'
import { pages, type Doc } from './source'
import { removeOrphanParts, removeReportFile } from './storage'
import { numberSetting, reportKeepDays } from '../lib/settings'

const minutes = (name: string, fallback: number) => numberSetting(name, fallback) * 60_000
const DAY_MS = 86_400_000

/** Transactions and restores are kept 180 days (SPEC H2, H7). */
export const RETENTION_DAYS = 180

/**
 * Deletes transactions and restores older than the retention, the restores' item logs with them
 * (straight in the database: no hooks, no audit of the purge).
 */
export async function purgeRetention(payload: Payload, now = new Date()): Promise<{ transactions: number; restores: number; restoreItems: number }> {
  const cutoff = new Date(now.getTime() - RETENTION_DAYS * DAY_MS).toISOString()
  const purge = async (collection: 'transactions' | 'restores', field: string) => {
    const where = { [field]: { less_than: cutoff } }
    const { totalDocs } = await payload.count({ collection, where, overrideAccess: true })
    if (totalDocs) await payload.db.deleteMany({ collection, where })
    return totalDocs
  }
  const restoreItems = await purgeRestoreItems(payload, cutoff)
  const result = { transactions: await purge('transactions', 'at'), restores: await purge('restores', 'createdAt'), restoreItems }
  payload.logger.info(`Expurgo de ${RETENTION_DAYS} dias: ${result.transactions} transações, ${result.restores} restaurações (${restoreItems} itens)`)
  return result
}

/** The item logs (`restore-items`) of the restores created before `cutoff`; they go before their restores (the log requires its restore). */
async function purgeRestoreItems(payload: Payload, cutoff: string): Promise<number> {
  let removed = 0
  for await (const page of pages(payload, { collection: 'restores', where: { createdAt: { less_than: cutoff } }, select: { id: true }, pageSize: 500 })) {
    const where = { restore: { in: page.map((r) => r.id) } }
    const { totalDocs } = await payload.db.count({ collection: 'restore-items', where })
    if (totalDocs) await payload.db.deleteMany({ collection: 'restore-items', where })
    removed += totalDocs
  }
  return removed
}

/**
 * A report job found abandoned by a dead process (src/jobs/runner.ts, within a minute or two
 * thanks to the runner's heartbeat): another try is noted on the report, or, with no try left,
 * the report is failed and the requester told.
 */
export async function reportAbandoned(payload: Payload, job: { input?: Record<string, unknown> | null }, outcome: { tries: number; final: boolean }): Promise<void> {
  const id = job.input?.report
  if (id == null) return
  const report = (await payload.findByID({ collection: 'reports', id: String(id), depth: 0, overrideAccess: true, disableErrors: true })) as Doc | null
  if (!report || report.status !== 'pending') return
  if (outcome.final) await failReport(payload, report, `Interrompido ${outcome.tries} vezes (processo encerrado durante a geração)`)
  else await updateReport(payload, report.id, { error: `Tentativa ${outcome.tries} interrompida; será repetida`, heartbeatAt: new Date().toISOString() })
}

/**
 * Reports that can no longer finish are never left pending:
 * - a job left running by a dead process is recovered first (recoverStaleJobs, which the
 *   runner also does every 30 s): released for another try or, with none left, failed;
 * - pending with no sign of life for REPORT_STALE_MINUTES (10) whose job is gone, finished
 *   or failed for good: marked failed;
 * - pending and never started for REPORT_QUEUED_MAX_MINUTES (24 h): marked failed.
 * Also deletes reports (and files) older than REPORT_KEEP_DAYS (30) and `.part` files
 * left by dead processes.
 */
export async function sweepReports(payload: Payload, now = new Date()): Promise<{ released: number; failed: number; deleted: number }> {
  const recovered = await recoverStaleJobs(payload, now)
  const stale = new Date(now.getTime() - minutes('REPORT_STALE_MINUTES', 10)).toISOString()
  const neverStarted = new Date(now.getTime() - minutes('REPORT_QUEUED_MAX_MINUTES', 24 * 60)).toISOString()
  const released = recovered.released
  let failed = recovered.failed
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
    if (!job || job.completedAt || job.hasError) {
      await failReport(payload, report, 'A geração foi interrompida e não pode continuar')
      failed++
    } else if (!job.processing && String(report.createdAt) < neverStarted) {
      await payload.db.deleteMany({ collection: 'payload-jobs', where: { id: { equals: job.id } } })
      await failReport(payload, report, 'O relatório não foi processado a tempo')
      failed++
    }
  }
  const old = new Date(now.getTime() - reportKeepDays() * DAY_MS).toISOString()
  const expired = await payload.find({ collection: 'reports', where: { createdAt: { less_than: old } }, overrideAccess: true, depth: 0, pagination: false })
  for (const report of expired.docs as Doc[]) await removeReportFile(report.file)
  if (expired.docs.length) await payload.db.deleteMany({ collection: 'reports', where: { id: { in: expired.docs.map((d) => d.id) } } })
  await removeOrphanParts(DAY_MS)
  return { released, failed, deleted: expired.docs.length }
}
