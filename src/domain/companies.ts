/** A company's (tenant's) contract status: value → [pt-BR, English]. */
export const COMPANY_STATUS = {
  active: ['Ativo', 'Active'],
  suspended: ['Suspenso', 'Suspended'],
  cancelled: ['Cancelado', 'Cancelled'],
} as const
