import type { Payload } from 'payload'
import { idsOf } from '../access/roles'
import { reportFailedEmail, reportReadyEmail } from './email'
import { KINDS } from './kinds'
import { relId, type Doc } from './source'
import { removeReportFile, reportFileName, reportPath } from './storage'
import { writeReportFile, type ReportFormat } from './writer'
import { reportAttempts } from '../lib/settings'

/** Tries of a report job (the first run and the retries). */
export const REPORT_ATTEMPTS = reportAttempts()

/** Test seam: called before the rows are written, so a test can make an attempt crash. */
export const reportFaults: { beforeWrite?: (report: Doc, attempt: number) => void | Promise<void> } = {}

/**
 * The job's own bookkeeping on the report (status, heartbeat, counts) goes straight to the
 * database: one autocommitted statement, no hooks and no transaction, so it never waits
 * on (or blocks) other writers, and a heartbeat is visible at once to the sweep.
 */
export const updateReport = (payload: Payload, id: string | number, data: Record<string, unknown>) =>
  payload.db.updateOne({ collection: 'reports', id, data: { ...data, updatedAt: new Date().toISOString() }, returning: false })
const update = updateReport

/**
 * Generates one report: streams its rows into the file (temporary name, renamed when
 * complete), then marks it done and e-mails the requester. An error on a try that can
 * still be retried is rethrown (the queue retries it, the report stays pending with the
 * reason noted); on the last try the report is marked failed with the reason.
 */
export async function runReport(payload: Payload, id: string | number, attempt: number): Promise<void> {
  const report = (await payload.findByID({ collection: 'reports', id, depth: 0, overrideAccess: true, disableErrors: true })) as Doc | null
  if (!report || report.status !== 'pending') return
  const kind = KINDS[report.kind]
  const relative = reportFileName({ id: report.id, company: relId(report.company)!, format: report.format })
  try {
    await update(payload, id, { attempts: attempt, heartbeatAt: new Date().toISOString() })
    await reportFaults.beforeWrite?.(report, attempt)
    const rowCount = await writeReportFile({
      file: reportPath(relative),
      format: report.format as ReportFormat,
      title: kind.title,
      headers: kind.headers,
      rows: kind.rows({ payload, company: relId(report.company)!, departments: idsOf(report.departments), params: report.params ?? {} }),
      onProgress: async (rows) => void (await update(payload, id, { heartbeatAt: new Date().toISOString(), rowCount: rows })),
    })
    await update(payload, id, { status: 'done', file: relative, rowCount, error: null, finishedAt: new Date().toISOString() })
    await notify(payload, report, (name) => reportReadyEmail(name, { id: report.id, name: String(report.name), rowCount }))
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    if (attempt < REPORT_ATTEMPTS) {
      await update(payload, id, { error: `Tentativa ${attempt} de ${REPORT_ATTEMPTS} falhou: ${message}` }).catch(() => undefined)
      throw error
    }
    await failReport(payload, report, `Falhou após ${attempt} tentativas: ${message}`)
  }
}

/** Marks a report failed (never leaves it pending), removes any file and tells the requester. */
export async function failReport(payload: Payload, report: Doc, reason: string): Promise<void> {
  await update(payload, report.id, { status: 'failed', error: reason, finishedAt: new Date().toISOString() })
  await removeReportFile(report.file)
  await notify(payload, report, (name) => reportFailedEmail(name, { name: String(report.name), error: reason }))
}

async function notify(payload: Payload, report: Doc, mail: (name: string) => { subject: string; text: string; html: string }) {
  const userId = relId(report.requestedBy)
  if (userId == null) return
  const user = (await payload.findByID({ collection: 'users', id: userId, depth: 0, overrideAccess: true, disableErrors: true })) as Doc | null
  if (!user?.email) return
  try {
    await payload.sendEmail({ to: user.email, ...mail(String(user.firstName ?? user.username ?? '')) })
  } catch (error) {
    payload.logger.error({ err: error, msg: `e-mail do relatório ${String(report.id)} não enviado` })
  }
}
