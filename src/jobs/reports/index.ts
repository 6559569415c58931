import type { TaskConfig } from 'payload'
import { REPORT_ATTEMPTS, runReport } from '../../reports/generate'
import { purgeRetention, reportAbandoned, sweepReports } from '../../reports/maintenance'
import { whenAbandoned } from '../runner'
import { reportRetryDelayMs } from '../../lib/settings'

/** The queue of the scheduled housekeeping jobs. */
export const MAINTENANCE_QUEUE = 'maintenance'

whenAbandoned('generateReport', reportAbandoned)

type Task = TaskConfig<{ input: Record<string, unknown>; output: Record<string, unknown> }>

/** Background tasks of reports (issue 6). */
export const reportTasks: Task[] = [
  {
    slug: 'generateReport',
    label: 'Gerar relatório',
    inputSchema: [{ name: 'report', type: 'text', required: true }],
    // The queue retries a failed try; runReport marks the report failed on the last one.
    retries: { attempts: REPORT_ATTEMPTS - 1, backoff: { type: 'fixed', delay: reportRetryDelayMs() } },
    handler: async ({ input, job, req }) => {
      await runReport(req.payload, String(input.report), Number(job.totalTried ?? 0) + 1)
      return { output: {} }
    },
  },
  {
    slug: 'sweepReports',
    label: 'Relatórios interrompidos e expirados',
    schedule: [{ cron: '0 */5 * * * *', queue: MAINTENANCE_QUEUE }],
    handler: async ({ req }) => ({ output: await sweepReports(req.payload) }),
  },
  {
    slug: 'purgeRetention',
    label: 'Expurgo de 180 dias',
    schedule: [{ cron: '0 30 3 * * *', queue: MAINTENANCE_QUEUE }],
    handler: async ({ req }) => ({ output: await purgeRetention(req.payload) }),
  },
]
