/** The reports model (H6): kinds, statuses and the queue of report jobs. No imports. */
export const REPORT_KINDS = {
  calls: ['Histórico de chamadas', 'Calls and SMS history'],
  transactions: ['Histórico de transações', 'Transactions'],
  data: ['Histórico de dados', 'Data history'],
  notifications: ['Histórico de notificações', 'Notifications'],
  subscribers: ['Lista de assinantes', 'Subscriber list'],
  restores: ['Histórico de restaurações', 'Restore history'],
  costs: ['Custo por linha e departamento', 'Cost per line and department'],
} as const

export const REPORT_STATUS = {
  pending: ['Pendente', 'Pending'],
  done: ['Concluído', 'Done'],
  failed: ['Falha', 'Failed'],
} as const

/** The queue report jobs run on (its own, so a long report does not hold up other jobs). */
export const REPORTS_QUEUE = 'reports'
