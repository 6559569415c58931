import { isBlank, type ValidationResult } from './common'

/*
 * Time windows are half-open [from, to): a line may be used from `from` up to, not including,
 * `to`. With an exclusive end, "until midnight" cannot be written with 23:59 (the last minute
 * would be lost), so '24:00' is accepted, but only as the end of a window. A window that crosses
 * midnight (22:00–06:00) is refused because the SPEC wants start before end: it is written as two
 * windows, 22:00–24:00 and 00:00–06:00. Overlapping windows are allowed (their union applies).
 *
 * Dates are calendar dates 'YYYY-MM-DD' with no time zone: turning an instant into the
 * America/Sao_Paulo calendar date is the caller's job, which keeps this module pure.
 * A period counts both ends: 2026-01-01..2026-01-30 is 30 days, 2026-01-01..2026-01-31 is 31.
 */

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/
const END_OF_DAY = '24:00'
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const MS_PER_DAY = 86_400_000

/** Longest periods of the reports (SPEC C7, H1–H3). */
export const MAX_PERIOD_DAYS = {
  lineHistory: 30,
  calls: 30,
  transactions: 180,
  data: 180,
} as const

export interface TimeWindow {
  from: string
  to: string
}

export interface TimeOptions {
  /** Also accept '24:00' (end of day). Default false; windows accept it for `to` only. */
  allowEndOfDay?: boolean
}

function isTime(value: unknown, allowEndOfDay: boolean): value is string {
  return typeof value === 'string' && (TIME.test(value) || (allowEndOfDay && value === END_OF_DAY))
}

export function validateTime(value: unknown, options: TimeOptions = {}): ValidationResult {
  if (isBlank(value)) return 'Informe o horário'
  if (isTime(value, options.allowEndOfDay ?? false)) return true
  return options.allowEndOfDay
    ? 'Horário inválido: use o formato HH:MM, de 00:00 a 24:00'
    : 'Horário inválido: use o formato HH:MM, de 00:00 a 23:59'
}

export function isValidTime(value: unknown, options?: TimeOptions): boolean {
  return validateTime(value, options) === true
}

/** 'HH:MM' (or '24:00') → minutes since midnight, 0…1440. */
export function timeToMinutes(value: string): number {
  if (!isTime(value, true)) throw new RangeError(`timeToMinutes: invalid time '${value}'`)
  const [h, m] = value.split(':')
  return Number(h) * 60 + Number(m)
}

export function validateWindow(window: unknown): ValidationResult {
  if (typeof window !== 'object' || window === null) return 'Janela de horário inválida: informe início e fim'
  const { from, to } = window as Partial<Record<'from' | 'to', unknown>>
  if (isBlank(from)) return 'Informe o horário de início da janela'
  if (isBlank(to)) return 'Informe o horário de fim da janela'
  if (!isTime(from, false)) return 'Horário de início inválido: use o formato HH:MM, de 00:00 a 23:59'
  if (!isTime(to, true)) return 'Horário de fim inválido: use o formato HH:MM, de 00:00 a 24:00'
  if (timeToMinutes(from) >= timeToMinutes(to)) {
    return `O início da janela (${from}) deve ser anterior ao fim (${to}); para atravessar a meia-noite, use duas janelas`
  }
  return true
}

/** Every window must be valid on its own; an empty or absent list is accepted. */
export function validateWindows(windows: unknown): ValidationResult {
  if (windows === null || windows === undefined) return true
  if (!Array.isArray(windows)) return 'Janelas de horário inválidas: informe uma lista de janelas'
  for (let i = 0; i < windows.length; i++) {
    const result = validateWindow(windows[i])
    if (result !== true) return `Janela ${i + 1}: ${result}`
  }
  return true
}

/** 'YYYY-MM-DD' → days since 1970-01-01, or undefined when it is not a real calendar date. */
export function dateToDayNumber(value: string): number | undefined {
  const m = DATE.exec(value)
  if (!m) return undefined
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return undefined
  const date = new Date(0)
  date.setUTCFullYear(y, mo - 1, d)
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined
  return Math.round(date.getTime() / MS_PER_DAY)
}

export function validateDate(value: unknown): ValidationResult {
  if (isBlank(value)) return 'Informe a data'
  if (typeof value !== 'string' || !DATE.test(value)) return 'Data inválida: use o formato AAAA-MM-DD'
  if (dateToDayNumber(value) === undefined) return `Data inválida: ${value} não existe no calendário`
  return true
}

export function isValidDate(value: unknown): boolean {
  return validateDate(value) === true
}

/** Number of days from `start` to `end`, both included; undefined if either date is invalid. */
export function periodLengthDays(start: string, end: string): number | undefined {
  const a = dateToDayNumber(start)
  const b = dateToDayNumber(end)
  return a === undefined || b === undefined ? undefined : b - a + 1
}

/** start ≤ end and at most `maxDays` days, both ends included (see MAX_PERIOD_DAYS). */
export function validatePeriod(start: unknown, end: unknown, maxDays: number): ValidationResult {
  if (!Number.isInteger(maxDays) || maxDays < 1) throw new RangeError('validatePeriod: maxDays must be a positive integer')
  const startCheck = validateDate(start)
  if (startCheck !== true) return `Data inicial: ${startCheck}`
  const endCheck = validateDate(end)
  if (endCheck !== true) return `Data final: ${endCheck}`
  const days = periodLengthDays(start as string, end as string) as number
  if (days < 1) return 'A data inicial deve ser anterior ou igual à data final'
  if (days > maxDays) return `O período máximo é de ${maxDays} dias`
  return true
}
