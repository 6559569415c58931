import { describe, expect, it } from 'vitest'
import { cycleFor, cycleKeyFor, localClock, renewalDayIn } from '../../../src/engine/core'
import { sp } from './fixtures'

describe('cycleFor: the cycle starts on the renewal day, in São Paulo time', () => {
  it.each<[at: string, renewalDay: number, key: string, lastDay: string, renewsInDays: number]>([
    // the seed's dashboard: cycle started 16 January, renews in 13 days
    ['2025-02-03T10:00', 16, '2025-01-16', '2025-02-15', 13],
    ['2025-01-16T00:00', 16, '2025-01-16', '2025-02-15', 31],
    ['2025-01-15T23:59', 16, '2024-12-16', '2025-01-15', 1],
    // day 31 in shorter months falls on the month's last day
    ['2025-02-27T12:00', 31, '2025-01-31', '2025-02-27', 1],
    ['2025-02-28T00:00', 31, '2025-02-28', '2025-03-30', 31],
    ['2025-03-30T23:59', 31, '2025-02-28', '2025-03-30', 1],
    ['2025-03-31T00:00', 31, '2025-03-31', '2025-04-29', 30],
    ['2025-04-30T08:00', 31, '2025-04-30', '2025-05-30', 31],
    ['2025-05-15T08:00', 30, '2025-04-30', '2025-05-29', 15],
    // leap year: February has its 29th
    ['2024-02-29T12:00', 31, '2024-02-29', '2024-03-30', 31],
    ['2024-02-28T12:00', 31, '2024-01-31', '2024-02-28', 1],
    ['2024-02-29T12:00', 30, '2024-02-29', '2024-03-29', 30],
    ['2024-02-29T12:00', 29, '2024-02-29', '2024-03-28', 29],
    ['2025-02-28T12:00', 29, '2025-02-28', '2025-03-28', 29],
    // year end both ways
    ['2024-12-31T23:59', 5, '2024-12-05', '2025-01-04', 5],
    ['2025-01-03T10:00', 5, '2024-12-05', '2025-01-04', 2],
    ['2025-01-01T00:00', 1, '2025-01-01', '2025-01-31', 31],
    ['2024-12-31T23:59', 1, '2024-12-01', '2024-12-31', 1],
    ['2025-12-31T10:00', 31, '2025-12-31', '2026-01-30', 31],
  ])('%s with renewal day %s → %s…%s, renews in %s days', (local, renewalDay, key, lastDay, renewsInDays) => {
    expect(cycleFor(sp(local), renewalDay)).toMatchObject({ key, lastDay, renewsInDays })
    expect(cycleKeyFor(sp(local).getTime(), renewalDay)).toBe(key)
  })

  it('start and end are São Paulo midnights (UTC-03:00 since 2019)', () => {
    const cycle = cycleFor(sp('2025-02-03T10:00'), 16)
    expect(cycle.start.toISOString()).toBe('2025-01-16T03:00:00.000Z')
    expect(cycle.end.toISOString()).toBe('2025-02-16T03:00:00.000Z')
  })

  it('an instant late at night UTC belongs to the previous São Paulo day', () => {
    // 2025-01-16T02:30Z = 2025-01-15 23:30 in São Paulo: still the December cycle
    expect(cycleFor(new Date('2025-01-16T02:30:00Z'), 16).key).toBe('2024-12-16')
    expect(cycleFor(new Date('2025-01-16T03:00:00Z'), 16).key).toBe('2025-01-16')
  })

  it('uses the real historic offsets before 2019 (DST)', () => {
    // January 2018 was summer time (UTC-02:00): the day starts at 02:00 UTC
    expect(cycleFor(new Date('2018-01-10T12:00:00Z'), 5).start.toISOString()).toBe('2018-01-05T02:00:00.000Z')
    // DST started on 2018-11-04: 00:00 did not exist, the day started at 01:00 (-02:00) = 03:00 UTC
    expect(cycleFor(new Date('2018-11-10T12:00:00Z'), 4).start.toISOString()).toBe('2018-11-04T03:00:00.000Z')
    // DST ended on 2019-02-17 at 00:00 (-02:00): the clocks went back to 23:00 of the 16th
    expect(cycleFor(new Date('2019-02-17T02:30:00Z'), 17).key).toBe('2019-01-17')
    expect(cycleFor(new Date('2019-02-17T03:00:00Z'), 17).key).toBe('2019-02-17')
    expect(cycleFor(new Date('2019-03-01T12:00:00Z'), 17).start.toISOString()).toBe('2019-02-17T03:00:00.000Z')
  })

  it('localClock: minute of the day and weekday in São Paulo, DST-aware before 2019', () => {
    expect(localClock(Date.parse('2025-06-04T13:00:00Z'))).toMatchObject({ weekday: 2, minuteOfDay: 10 * 60 })
    expect(localClock(Date.parse('2018-01-10T12:00:00Z'))).toMatchObject({ weekday: 2, minuteOfDay: 10 * 60 })
    expect(localClock(Date.parse('2018-06-10T12:00:00Z'))).toMatchObject({ weekday: 6, minuteOfDay: 9 * 60 })
  })

  it('renewalDayIn clamps to the month length', () => {
    expect([renewalDayIn(2025, 2, 31), renewalDayIn(2024, 2, 31), renewalDayIn(2025, 4, 31), renewalDayIn(2025, 4, 15)]).toEqual([28, 29, 30, 15])
  })

  it('rejects renewal days outside 1–31', () => {
    for (const day of [0, 32, 1.5]) expect(() => cycleFor(new Date(), day)).toThrow(RangeError)
  })

  it('every instant of a year falls inside its own cycle, and consecutive cycles touch', () => {
    for (const renewalDay of [1, 15, 28, 29, 30, 31]) {
      let previousEnd: number | undefined
      for (let t = Date.parse('2024-01-01T03:00:00Z'); t < Date.parse('2025-12-31T03:00:00Z'); t += 86_400_000) {
        const cycle = cycleFor(t, renewalDay)
        expect(cycle.start.getTime()).toBeLessThanOrEqual(t)
        expect(cycle.end.getTime()).toBeGreaterThan(t)
        if (previousEnd !== undefined && cycle.start.getTime() !== cycleFor(t - 86_400_000, renewalDay).start.getTime()) {
          expect(cycle.start.getTime()).toBe(previousEnd)
        }
        previousEnd = cycle.end.getTime()
      }
    }
  })
})
