import type { JobsConfig } from 'payload'
import { reportTasks } from './reports'
import { restoreTasks } from './restore'

/** Payload's jobs queue: every background task of the app, registered in one place. */
export const jobs: JobsConfig = {
  tasks: [...reportTasks, ...restoreTasks],
}
