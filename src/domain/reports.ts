/** Report kinds and states (H1–H7). Client-safe: collections/Reports/model.ts and the admin read them (map of reports: src/reports/README.md). */
export const REPORT_KINDS = {
  calls: ['Histórico de chamadas', 'Calls and SMS history'],
  transactions: ['Histórico de transações', 'Transactions'],
  data: ['Histórico de dados', 'Data history'],
  notifications: ['Histórico de notificações', 'Notifications'],
  subscribers: ['Lista de assinantes', 'Subscriber list'],
  restores: ['Histórico de restaurações', 'Restore history'],
  costs: ['Custo por linha e departamento', 'Cost per line and department'],
} as const
export type ReportKind = keyof typeof REPORT_KINDS

export const REPORT_STATUS = {
  pending: ['Pendente', 'Pending'],
  done: ['Concluído', 'Done'],
  failed: ['Falha', 'Failed'],
} as const
export type ReportStatus = keyof typeof REPORT_STATUS

/** A line's own history (C7) covers at most this many days, both ends included. */
export const LINE_HISTORY_MAX_DAYS = 30
