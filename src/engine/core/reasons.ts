import { CATEGORY_LABELS_PT, USAGE_CATEGORIES, type LineStatus, type UsageCategory } from '../../domain/categories'
import type { Reason, ReasonCode } from './types'

/** Stable reason codes with their pt-BR messages; objects are shared, never mutated. */
const reason = (code: ReasonCode, message: string): Reason => Object.freeze({ code, message })

export const REASONS = {
  OK: reason('OK', 'Permitido.'),
  INVALID_EVENT: reason('INVALID_EVENT', 'Evento inválido: o instante (at) não é uma data válida.'),
  EMERGENCY: reason('EMERGENCY', 'Número de emergência: sempre permitido para linhas ativas.'),
  ALLOWED_LIST: reason('ALLOWED_LIST', 'Número na lista permitida do perfil: calendário e limites não se aplicam.'),
  BLOCKED_LIST: reason('BLOCKED_LIST', 'Número na lista bloqueada do perfil.'),
  HOLIDAY: reason('HOLIDAY', 'O calendário do perfil não permite uso em feriados.'),
  OUTSIDE_DAYS: reason('OUTSIDE_CALENDAR', 'Dia da semana fora do calendário do perfil.'),
  OUTSIDE_HOURS: reason('OUTSIDE_CALENDAR', 'Horário fora das faixas permitidas pelo calendário do perfil.'),
  QUOTA_BLOCKED: reason('QUOTA_BLOCKED', 'Cota de dados da linha bloqueada.'),
  QUOTA_EXHAUSTED: reason('QUOTA_EXHAUSTED', 'Cota de dados da linha esgotada neste ciclo.'),
  POOL_EXHAUSTED: reason('POOL_EXHAUSTED', 'Franquia compartilhada da conta esgotada neste ciclo.'),
  SPEND_CAP_REACHED: reason('SPEND_CAP_REACHED', 'Limite de gasto em R$ atingido neste ciclo.'),
} as const

const STATUS_PT: Record<Exclude<LineStatus, 'active'>, string> = {
  suspended: 'suspensa',
  blocked: 'bloqueada',
  cancelled: 'cancelada',
}

export const LINE_NOT_ACTIVE: Record<LineStatus, Reason> = {
  active: REASONS.OK,
  ...(Object.fromEntries(
    Object.entries(STATUS_PT).map(([status, pt]) => [
      status,
      reason('LINE_NOT_ACTIVE', `Linha ${pt}: somente linhas ativas podem ser usadas.`),
    ]),
  ) as Record<Exclude<LineStatus, 'active'>, Reason>),
}

export const CATEGORY_BLOCKED: Record<UsageCategory, Reason> = Object.fromEntries(
  USAGE_CATEGORIES.map((c) => [c, reason('CATEGORY_BLOCKED', `${CATEGORY_LABELS_PT[c]} bloqueado pelo perfil.`)]),
) as Record<UsageCategory, Reason>

export const CATEGORY_LIMIT_REACHED: Record<UsageCategory, Reason> = Object.fromEntries(
  USAGE_CATEGORIES.map((c) => [
    c,
    reason('CATEGORY_LIMIT_REACHED', `Limite do perfil para ${CATEGORY_LABELS_PT[c]} atingido neste ciclo.`),
  ]),
) as Record<UsageCategory, Reason>

const invalidReasons = new Map<string, Reason>()

/** INVALID_DESTINATION with the classifier's explanation (memoised: the messages are a small fixed set). */
export function invalidDestination(message: string): Reason {
  let found = invalidReasons.get(message)
  if (!found) invalidReasons.set(message, (found = reason('INVALID_DESTINATION', `Destino inválido: ${message}`)))
  return found
}

export const REASON_CODES: readonly ReasonCode[] = [
  'OK',
  'LINE_NOT_ACTIVE',
  'INVALID_DESTINATION',
  'INVALID_EVENT',
  'EMERGENCY',
  'BLOCKED_LIST',
  'ALLOWED_LIST',
  'HOLIDAY',
  'OUTSIDE_CALENDAR',
  'CATEGORY_BLOCKED',
  'CATEGORY_LIMIT_REACHED',
  'QUOTA_BLOCKED',
  'QUOTA_EXHAUSTED',
  'POOL_EXHAUSTED',
  'SPEND_CAP_REACHED',
]
