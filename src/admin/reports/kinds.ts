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
export function spToday(days = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Sao_Paulo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date())
  const d = new Date(`${today}T12:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** Start of a São Paulo calendar day as an instant (UTC−3, no daylight saving since 2019). */
export const spDayStart = (iso: string, days = 0): string => {
  const d = new Date(`${iso}T03:00:00.000Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString()
}
