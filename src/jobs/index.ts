import type { JobsConfig } from 'payload'
import { isSupport } from '../access/roles'
import { actorOf } from '../access/policy'
import { REPORTS_QUEUE } from '../collections/Reports/model'
import { MAINTENANCE_QUEUE, reportTasks } from './reports'
import { restoreTasks } from './restore'
import { webhookTasks } from '../spend/webhook'
import { startRunner, tracked } from './runner'
import { jobsAutoRunEnabled } from '../lib/settings'

/**
 * Jobs run in the app process by default (autoRun, started when Payload is initialised
 * with crons, as the server does). JOBS_AUTORUN=false turns that off, for an app whose jobs
 * run in separate `npm run worker` processes (any number: a job is claimed atomically,
 * src/lib/jobClaim.ts). Off under Vitest: tests run the queue explicitly.
 */
export { jobsAutoRunEnabled }

const supportOnly = ({ req }: { req: { user?: unknown } }) => isSupport(actorOf(req))

/** Payload's jobs queue: every background task of the app, registered in one place. */
export const jobs: JobsConfig = {
  // Every task's jobs beat while they run, so a dead runner's jobs are recovered (src/jobs/runner.ts).
  tasks: [...reportTasks, ...restoreTasks, ...webhookTasks].map(tracked),
  // The REST endpoints of the queue (/api/payload-jobs/run …) are for support only; the app queues through the Local API.
  access: { queue: supportOnly, run: supportOnly, cancel: supportOnly },
  autoRun: (payload) =>
    jobsAutoRunEnabled()
      ? (startRunner(payload), [
          { cron: '*/5 * * * * *', queue: 'default', limit: 10 },
          // One report at a time: a report is long and SQLite has a single writer.
          { cron: '*/5 * * * * *', queue: REPORTS_QUEUE, limit: 1 },
          { cron: '0 * * * * *', queue: MAINTENANCE_QUEUE, limit: 5 },
        ])
      : [],
  deleteJobOnComplete: true,
}
