import { tzOffset } from '@date-fns/tz'
import { SAO_PAULO_TZ } from '../../domain/time'

export { SAO_PAULO_TZ }

const MINUTE_MS = 60_000
const DAY_MS = 86_400_000
const FIXED_OFFSET_MS = -3 * 60 * MINUTE_MS

/**
 * Brazil's last daylight-saving period ended at 2019-02-17 00:00 local (-02:00), i.e.
 * 02:00 UTC, and DST was abolished that April. From this instant on São Paulo is a
 * fixed UTC-03:00, so local time is plain integer arithmetic (no Intl call per decision).
 * Older instants go through the IANA database via @date-fns/tz. If Brazil ever brings
 * DST back, this cut-off must become a table of transitions.
 */
export const FIXED_OFFSET_SINCE_MS = Date.UTC(2019, 1, 17, 2, 0, 0)

export function saoPauloOffsetMs(epochMs: number): number {
  if (epochMs >= FIXED_OFFSET_SINCE_MS) return FIXED_OFFSET_MS
  return tzOffset(SAO_PAULO_TZ, new Date(epochMs)) * MINUTE_MS
}

/** Milliseconds since 1970-01-01T00:00 *São Paulo wall clock*. */
export function toLocalMs(epochMs: number): number {
  return epochMs + saoPauloOffsetMs(epochMs)
}

/** Days since 1970-01-01 of the São Paulo calendar date of an instant. */
export function localDayNumber(epochMs: number): number {
  return Math.floor(toLocalMs(epochMs) / DAY_MS)
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOfDayNumber(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7
}

export interface LocalClock {
  dayNumber: number
  weekday: number
  minuteOfDay: number
}

export function localClock(epochMs: number): LocalClock {
  const local = toLocalMs(epochMs)
  const dayNumber = Math.floor(local / DAY_MS)
  return {
    dayNumber,
    weekday: weekdayOfDayNumber(dayNumber),
    minuteOfDay: Math.floor((local - dayNumber * DAY_MS) / MINUTE_MS),
  }
}

/** Proleptic Gregorian civil date ↔ day number (H. Hinnant's algorithms, integer only). */
export function dayNumberFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146097 + dayOfEra - 719468
}

export interface CivilDate {
  year: number
  month: number
  day: number
}

export function civilFromDayNumber(dayNumber: number): CivilDate {
  const z = dayNumber + 719468
  const era = Math.floor(z / 146097)
  const dayOfEra = z - era * 146097
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  )
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const mp = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day }
}

export function daysInMonth(year: number, month: number): number {
  return dayNumberFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - dayNumberFromCivil(year, month, 1)
}

/** The instant at which a São Paulo calendar day starts (00:00 local, or 01:00 on a historic DST-start day). */
export function startOfLocalDay(dayNumber: number): number {
  const localMidnight = dayNumber * DAY_MS
  const fixed = localMidnight - FIXED_OFFSET_MS
  if (fixed >= FIXED_OFFSET_SINCE_MS) return fixed
  // Historic São Paulo offsets were -02:00 (summer) or -03:00: the day starts at the
  // earliest of those candidates that really falls on that local day.
  const summer = localMidnight + 2 * 60 * MINUTE_MS
  return localDayNumber(summer) === dayNumber ? summer : fixed
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n))

export function isoDateOfDayNumber(dayNumber: number): string {
  const { year, month, day } = civilFromDayNumber(dayNumber)
  return `${year}-${pad2(month)}-${pad2(day)}`
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** 'YYYY-MM-DD' → day number, or undefined when the text is not a real calendar date. */
export function dayNumberOfIsoDate(text: string): number | undefined {
  const match = ISO_DATE.exec(text)
  if (!match) return undefined
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined
  return dayNumberFromCivil(year, month, day)
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/

/** 'HH:MM' → minutes since midnight ('24:00' = 1440), or undefined. */
export function minutesOfHhMm(text: string): number | undefined {
  if (!HH_MM.test(text)) return undefined
  if (text === '24:00') return 1440
  return Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5))
}

export function toEpochMs(at: Date | number): number {
  return typeof at === 'number' ? at : at.getTime()
}
