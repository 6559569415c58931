/** The lines model (C): statuses and quota controls. No imports. */
export const LINE_STATUS = {
  active: ['Ativo', 'Active'],
  suspended: ['Suspenso', 'Suspended'],
  blocked: ['Bloqueado', 'Blocked'],
  cancelled: ['Cancelado', 'Cancelled'],
} as const

export const QUOTA_CONTROL = {
  unlimited: ['Ilimitado', 'Unlimited'],
  limited: ['Limitado', 'Limited'],
  blocked: ['Bloqueado', 'Blocked'],
} as const
