import type { TaskConfig } from 'payload'

/** Background tasks of reports (issue 6). */
export const reportTasks: TaskConfig[] = []
