import { formatDate, formatDateTime } from '../../domain/time'

/** pt-BR formatting shared by the admin's screens. */
const nf = (digits = 0) => new Intl.NumberFormat('pt-BR', { maximumFractionDigits: digits, minimumFractionDigits: 0 })

export const fmtNumber = (n: number, digits = 0): string => nf(digits).format(n)

/** 'YYYY-MM-DD' (shown as is) or an instant → dd/mm/aaaa (São Paulo calendar). */
export const fmtDate = (value: string | Date | null | undefined): string => formatDate(value)

/** An instant → dd/mm/aaaa hh:mm:ss in São Paulo. */
export const fmtDateTime = (value: string | Date): string => formatDateTime(value)

/** MB with GB above 1 024 MB, as the carrier's screens show volumes. */
export function fmtMB(mb: number): string {
  if (mb >= 1024) return `${fmtNumber(mb / 1024, 1)} GB`
  return `${fmtNumber(mb, mb < 10 ? 1 : 0)} MB`
}

export const fmtPercent = (p: number | null): string => (p == null ? '-' : `${fmtNumber(p, 2)} %`)

/** "+55 19 99999-9999" from 5519999999999. */
export function fmtMsisdn(msisdn: string | null | undefined): string {
  const d = String(msisdn ?? '').replace(/\D/g, '')
  if (d.length < 12) return d
  const ddd = d.slice(2, 4)
  const local = d.slice(4)
  return `+55 ${ddd} ${local.slice(0, local.length - 4)}-${local.slice(-4)}`
}

const MONTHS_PT = ['Janeiro', 'Fevereiro', 'Março', 'Abril', 'Maio', 'Junho', 'Julho', 'Agosto', 'Setembro', 'Outubro', 'Novembro', 'Dezembro']
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/**
 * The real first day of a cycle from its key ('YYYY-MM-DD', engine core's cycleFor): "30 de
 * Novembro" for a renewal day of 31 in November, never the renewal day itself.
 */
export function cycleStartLabel(key: string, lang: 'pt' | 'en'): string {
  const month = Number(key.slice(5, 7)) - 1
  const day = Number(key.slice(8, 10))
  return lang === 'en' ? `${MONTHS_EN[month]} ${day}` : `${day} de ${MONTHS_PT[month]}`
}
