/** A line's (subscriber's) status (C1). Client-safe: collections/Lines.ts and the admin read it. */
export const LINE_STATUS = {
  active: ['Ativo', 'Active'],
  suspended: ['Suspenso', 'Suspended'],
  blocked: ['Bloqueado', 'Blocked'],
  cancelled: ['Cancelado', 'Cancelled'],
} as const
export type LineStatus = keyof typeof LINE_STATUS

/** How a line's share of the pool (quota) or a profile's limit is controlled. */
export const QUOTA_CONTROL = {
  unlimited: ['Ilimitado', 'Unlimited'],
  limited: ['Limitado', 'Limited'],
  blocked: ['Bloqueado', 'Blocked'],
} as const
export type QuotaControl = keyof typeof QUOTA_CONTROL
