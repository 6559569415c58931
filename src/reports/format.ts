import { dayNumberOfIsoDate, startOfLocalDay, toLocalMs } from '../engine/core/time'

/** Dates and numbers as the carrier guide shows them: São Paulo wall clock, pt-BR. */
const pad = (n: number) => (n < 10 ? `0${n}` : String(n))

const local = (value: unknown): Date | undefined => {
  if (value == null || value === '') return undefined
  const ms = value instanceof Date ? value.getTime() : Date.parse(String(value))
  return Number.isNaN(ms) ? undefined : new Date(toLocalMs(ms))
}

/** 'dd/mm/aaaa' in America/Sao_Paulo. */
export function spDate(value: unknown): string {
  const d = local(value)
  return d ? `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}` : ''
}

/** 'hh:mm:ss' in America/Sao_Paulo. */
export function spTime(value: unknown): string {
  const d = local(value)
  return d ? `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` : ''
}

export const spDateTime = (value: unknown): string => (local(value) ? `${spDate(value)} ${spTime(value)}` : '')

/** Seconds → 'hh:mm:ss'. */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds))
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`
}

export const BYTES_PER_MB = 1024 * 1024
/** Bytes → MB with two decimals (a number, so the spreadsheet can sum it). */
export const megabytes = (bytes: number): number => Math.round((bytes / BYTES_PER_MB) * 100) / 100

/** A São Paulo calendar period 'YYYY-MM-DD'..'YYYY-MM-DD' (both included) → [start, end) instants. */
export function periodInstants(from: string, to: string): { start: string; end: string } {
  const a = dayNumberOfIsoDate(from)
  const b = dayNumberOfIsoDate(to)
  if (a === undefined || b === undefined) throw new RangeError(`período inválido: ${from}..${to}`)
  return { start: new Date(startOfLocalDay(a)).toISOString(), end: new Date(startOfLocalDay(b + 1)).toISOString() }
}

/** A file-name stamp like the guide's `Relatorio-transacoes-20230414_201047831` (São Paulo time). */
export function fileStamp(at = new Date()): string {
  const d = new Date(toLocalMs(at.getTime()))
  const ms = String(d.getUTCMilliseconds()).padStart(3, '0')
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}_${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}${ms}`
}
