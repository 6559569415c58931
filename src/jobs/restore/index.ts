import type { TaskConfig } from 'payload'

/** Background tasks of backup and restore (issue 5). */
export const restoreTasks: TaskConfig[] = []
