import type { JobsConfig } from 'payload'
import { isSupport } from '../access/roles'
import { actorOf } from '../access/policy'
import { REPORTS_QUEUE } from '../collections/Reports'
import { MAINTENANCE_QUEUE, reportTasks } from './reports'
import { restoreTasks } from './restore'

/**
 * Jobs run in the app process by default (autoRun, started when Payload is initialised
 * with crons, as Next does). JOBS_AUTORUN=false turns that off, for an app whose jobs run
 * in a separate `npm run worker` process (one worker per queue: two runners may claim
 * the same job). Off under Vitest: tests run the queue explicitly.
 */
export const jobsAutoRunEnabled = (): boolean =>
  process.env.JOBS_AUTORUN != null ? !/^(0|false|no|off)$/i.test(process.env.JOBS_AUTORUN) : !process.env.VITEST

const supportOnly = ({ req }: { req: { user?: unknown } }) => isSupport(actorOf(req))

/** Payload's jobs queue: every background task of the app, registered in one place. */
export const jobs: JobsConfig = {
  tasks: [...reportTasks, ...restoreTasks],
  // The REST endpoints of the queue (/api/payload-jobs/run …) are for support only; the app queues through the Local API.
  access: { queue: supportOnly, run: supportOnly, cancel: supportOnly },
  autoRun: () =>
    jobsAutoRunEnabled()
      ? [
          { cron: '*/5 * * * * *', queue: 'default', limit: 10 },
          // One report at a time: a report is long and SQLite has a single writer.
          { cron: '*/5 * * * * *', queue: REPORTS_QUEUE, limit: 1 },
          { cron: '0 * * * * *', queue: MAINTENANCE_QUEUE, limit: 5 },
        ]
      : [],
  deleteJobOnComplete: true,
}
