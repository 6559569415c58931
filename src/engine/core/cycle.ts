import { civilFromDayNumber, dayNumberFromCivil, daysInMonth, isoDateOfDayNumber, localDayNumber, startOfLocalDay, toEpochMs } from './time'

export interface Cycle {
  /** First instant of the cycle (00:00 São Paulo on the renewal day). */
  start: Date
  /** First instant of the next cycle (exclusive end). */
  end: Date
  /** The cycle's first day, 'YYYY-MM-DD' (São Paulo calendar): the key of its counters and notices. */
  key: string
  /** The cycle's last day, 'YYYY-MM-DD'. */
  lastDay: string
  /** Whole days from the instant's São Paulo date to the renewal date (1 on the eve of renewal). */
  renewsInDays: number
}

/** Day the cycle starts in a month: the renewal day, or the month's last day when it is shorter. */
export function renewalDayIn(year: number, month: number, renewalDay: number): number {
  return Math.min(renewalDay, daysInMonth(year, month))
}

function cycleStartDayNumber(year: number, month: number, renewalDay: number): number {
  return dayNumberFromCivil(year, month, renewalDayIn(year, month, renewalDay))
}

export function cycleFor(at: Date | number, renewalDay: number): Cycle {
  if (!Number.isInteger(renewalDay) || renewalDay < 1 || renewalDay > 31) {
    throw new RangeError(`renewalDay must be an integer 1–31, got ${renewalDay}`)
  }
  const today = localDayNumber(toEpochMs(at))
  const { year, month } = civilFromDayNumber(today)
  let startDay = cycleStartDayNumber(year, month, renewalDay)
  let nextDay: number
  if (today >= startDay) {
    nextDay = month === 12 ? cycleStartDayNumber(year + 1, 1, renewalDay) : cycleStartDayNumber(year, month + 1, renewalDay)
  } else {
    nextDay = startDay
    startDay = month === 1 ? cycleStartDayNumber(year - 1, 12, renewalDay) : cycleStartDayNumber(year, month - 1, renewalDay)
  }
  return {
    start: new Date(startOfLocalDay(startDay)),
    end: new Date(startOfLocalDay(nextDay)),
    key: isoDateOfDayNumber(startDay),
    lastDay: isoDateOfDayNumber(nextDay - 1),
    renewsInDays: nextDay - today,
  }
}

/**
 * Cycle key only, memoised per São Paulo day: rating a batch asks for it once per event,
 * and a day always maps to the same cycle for a given renewal day.
 */
export function cycleKeyFor(at: Date | number, renewalDay: number): string {
  const day = localDayNumber(toEpochMs(at))
  const memoKey = day * 32 + renewalDay
  let key = cycleKeyMemo.get(memoKey)
  if (key === undefined) {
    key = cycleFor(at, renewalDay).key
    if (cycleKeyMemo.size > 10_000) cycleKeyMemo.clear()
    cycleKeyMemo.set(memoKey, key)
  }
  return key
}

const cycleKeyMemo = new Map<number, string>()
