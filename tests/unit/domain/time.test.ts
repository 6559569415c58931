import { describe, expect, it } from 'vitest'
import { addIsoDays, dayStart, fileStamp, formatDate, formatDateTime, formatTime, instantOfLocal, localInputValue, parseBrDay, parseIsoDay, periodDays, periodInstants, saoPauloClock, saoPauloDay, saoPauloDayQuick, saoPauloDaysBetween } from '../../../src/domain/time'

describe('São Paulo time (src/domain/time.ts)', () => {
  it('reads the São Paulo calendar day of an instant, not the UTC one', () => {
    expect(saoPauloDay('2026-03-01T02:59:59Z')).toBe('2026-02-28')
    expect(saoPauloDay('2026-03-01T03:00:00Z')).toBe('2026-03-01')
  })
  it('starts days at local midnight, including historic daylight-saving days', () => {
    expect(dayStart('2026-06-10').toISOString()).toBe('2026-06-10T03:00:00.000Z')
    // 2018-11-04: clocks jumped from 00:00 to 01:00 (-02:00): the day starts at 01:00 local.
    expect(dayStart('2018-11-04').toISOString()).toBe('2018-11-04T03:00:00.000Z')
    expect(dayStart('2018-12-25').toISOString()).toBe('2018-12-25T02:00:00.000Z')
  })
  it('turns a period into half-open instants and counts its days', () => {
    const { start, end } = periodInstants('2026-01-01', '2026-01-30')
    expect(start.toISOString()).toBe('2026-01-01T03:00:00.000Z')
    expect(end.toISOString()).toBe('2026-01-31T03:00:00.000Z')
    expect(periodDays('2026-01-01', '2026-01-30')).toBe(30)
    expect(addIsoDays('2026-02-28', 1)).toBe('2026-03-01')
    expect(addIsoDays('2026-01-01', -1)).toBe('2025-12-31')
    expect(() => periodInstants('2026-02-30', '2026-03-01')).toThrow(RangeError)
  })
  it('parses only real dates', () => {
    expect(parseIsoDay('2024-02-29')).toBe('2024-02-29')
    expect(parseIsoDay('2026-02-29')).toBeUndefined()
    expect(parseBrDay('25/12/2024')).toBe('2024-12-25')
    expect(parseBrDay('31/04/2024')).toBeUndefined()
  })
  it('formats as the guide shows, in São Paulo time', () => {
    expect(formatDate('2024-12-25')).toBe('25/12/2024')
    expect(formatDate('2026-03-01T02:00:00Z')).toBe('28/02/2026')
    expect(formatTime('2026-03-01T02:00:05Z')).toBe('23:00:05')
    expect(formatDateTime(new Date('2026-03-01T02:00:05Z'))).toBe('28/02/2026 23:00:05')
    expect(formatDate(null)).toBe('')
    expect(localInputValue('2026-03-01T02:00:05Z')).toBe('2026-02-28T23:00')
    expect(instantOfLocal('2026-02-28', '23:00').toISOString()).toBe('2026-03-01T02:00:00.000Z')
    expect(fileStamp(new Date('2023-04-14T23:10:47.831Z'))).toBe('20230414_201047831')
  })
})

describe('São Paulo days for the admin (src/domain/time.ts)', () => {
  it('the quick day key agrees with saoPauloDay, daylight-saving years included', () => {
    for (let t = Date.parse('2018-10-01T00:00:00Z'); t < Date.parse('2019-03-01T00:00:00Z'); t += 3_599_000) {
      expect(saoPauloDayQuick(t)).toBe(saoPauloDay(t))
    }
  })
  it('lists the calendar days of a period, first to last inclusive', () => {
    const days = saoPauloDaysBetween(new Date('2026-11-16T03:00:00.000Z'), new Date('2026-11-25T14:00:00.000Z'))
    expect(days[0]).toBe('2026-11-16')
    expect(days.at(-1)).toBe('2026-11-25')
    expect(days).toHaveLength(10)
    expect(saoPauloDaysBetween(new Date('2026-11-16T02:59:00.000Z'), new Date('2026-11-16T03:00:00.000Z'))).toEqual(['2026-11-15', '2026-11-16'])
  })
  it('reads the wall clock of an instant', () => {
    expect(saoPauloClock('2026-03-01T02:59:59Z')).toEqual({ day: '2026-02-28', time: '23:59' })
    expect(instantOfLocal('2026-02-28', '23:59').toISOString()).toBe('2026-03-01T02:59:00.000Z')
  })
})
