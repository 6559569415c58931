import { addIsoDays, dayStart, saoPauloDay } from '../../domain/time'

/**
 * What the report screens need to know of each report kind, serializable for the client:
 * built on the server from the back end's KINDS (src/reports/kinds.ts), so the filters
 * shown are exactly the ones the POST accepts.
 */
export interface KindInfo {
  kind: string
  label: string
  /** Longest period in days, and whether it is required (none: the kind has no period). */
  period?: { max: number; required: boolean }
  filters: string[]
  lineBased: boolean
  /** "Total Histórico de Transações", "Total assinantes" … */
  totalLabel: string
}

/** One page of an on-screen report, as GET /api/reports/view/:kind answers (src/reports/view.ts). */
export interface ViewResult {
  kind: string
  headers: string[]
  rows: (string | number | null)[][]
  page: number
  pageSize: number
  total: number
  tooLarge: boolean
}

export interface Option {
  value: string
  label: string
}

/** 'YYYY-MM-DD' of today in São Paulo, moved by `days`. */
export const spToday = (days = 0): string => addIsoDays(saoPauloDay(), days)

/** Start of a São Paulo calendar day (moved by `days`) as an ISO instant. */
export const spDayStart = (iso: string, days = 0): string => dayStart(addIsoDays(iso, days)).toISOString()
