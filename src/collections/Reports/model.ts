/** The reports model (H6): kinds and statuses from the shared model; the queue is the server's. */
export { REPORT_KINDS, REPORT_STATUS, LINE_HISTORY_MAX_DAYS, type ReportKind, type ReportStatus } from '../../domain/reports'

/** The queue report jobs run on (its own, so a long report does not hold up other jobs). */
export const REPORTS_QUEUE = 'reports'
