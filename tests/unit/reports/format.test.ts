import { describe, expect, it } from 'vitest'
import { duration, fileStamp, megabytes, periodInstants, spDate, spDateTime, spTime } from '../../../src/reports/format'
import { csvLine } from '../../../src/reports/writer'

describe('report formatting', () => {
  it('dates in America/Sao_Paulo', () => {
    expect(spDate('2026-01-02T02:59:59.000Z')).toBe('01/01/2026')
    expect(spTime('2026-01-02T02:59:59.000Z')).toBe('23:59:59')
    expect(spDateTime('2026-01-02T03:00:00.000Z')).toBe('02/01/2026 00:00:00')
    // Before 2019 Brazil had daylight saving: 2018-12-01 was -02:00.
    expect(spDateTime('2018-12-01T12:00:00.000Z')).toBe('01/12/2018 10:00:00')
    expect(spDate(null)).toBe('')
  })

  it('a calendar period covers both days, midnight to midnight in São Paulo', () => {
    expect(periodInstants('2026-11-01', '2026-11-30')).toEqual({ start: '2026-11-01T03:00:00.000Z', end: '2026-12-01T03:00:00.000Z' })
  })

  it('durations, megabytes and file stamps', () => {
    expect(duration(0)).toBe('00:00:00')
    expect(duration(3723)).toBe('01:02:03')
    expect(megabytes(314_859_520)).toBe(300.27)
    expect(fileStamp(new Date('2023-04-14T23:10:47.831Z'))).toBe('20230414_201047831')
  })

  it('CSV: semicolons, quotes, decimal comma', () => {
    expect(csvLine(['a', 'b;c', 'd"e', 1.5, null])).toBe('a;"b;c";"d""e";1,5;\r\n')
  })
})
