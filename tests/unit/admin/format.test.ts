import { describe, expect, it } from 'vitest'
import { fmtCnpj } from '../../../src/admin/shared/cnpj'
import { parseBrDate } from '../../../src/admin/shared/DateInput'
import { cycleStartLabel, fmtDate, fmtMB, fmtMsisdn, fmtPercent } from '../../../src/admin/shared/format'
import { saoPauloDaysBetween } from '../../../src/domain/time'
import { cycleFor } from '../../../src/engine/core/cycle'

describe('admin formatting (pt-BR)', () => {
  it('dates, volumes, percentages, numbers', () => {
    expect(fmtDate('2026-12-25')).toBe('25/12/2026')
    expect(fmtDate('2026-11-16T03:00:00.000Z')).toBe('16/11/2026')
    expect(fmtMB(512)).toBe('512 MB')
    expect(fmtMB(102_400)).toBe('100 GB')
    expect(fmtMB(1536)).toBe('1,5 GB')
    expect(fmtPercent(0.18)).toBe('0,18 %')
    expect(fmtPercent(null)).toBe('-')
    expect(fmtMsisdn('5519995330213')).toBe('+55 19 99533-0213')
    expect(fmtCnpj('84608900000106')).toBe('84.608.900/0001-06')
    expect(fmtCnpj('12ABC34501DE35')).toBe('12.ABC.345/01DE-35')
  })

  it("a renewal day past the month's length starts the cycle on the month's last day", () => {
    // 2 Dec 2026, renewal day 31: the cycle began on 30 Nov (November has 30 days), not "31 de Novembro".
    const cycle = cycleFor(new Date('2026-12-02T12:00:00.000Z'), 31)
    expect(cycleStartLabel(cycle.key, 'pt')).toBe('30 de Novembro')
    expect(cycleStartLabel(cycle.key, 'en')).toBe('November 30')
    expect(cycleStartLabel(cycleFor(new Date('2027-03-05T12:00:00.000Z'), 30).key, 'pt')).toBe('28 de Fevereiro')
    expect(cycleStartLabel(cycleFor(new Date('2026-12-20T12:00:00.000Z'), 16).key, 'pt')).toBe('16 de Dezembro')
  })

  it('dates typed as dd/mm/aaaa', () => {
    expect(parseBrDate('31/12/2026')).toBe('2026-12-31')
    expect(parseBrDate('29/02/2028')).toBe('2028-02-29')
    expect(parseBrDate('29/02/2027')).toBe('')
    expect(parseBrDate('2026-12-31')).toBe('')
    expect(parseBrDate('31/1/2026')).toBe('')
  })

  it('cycle days on the São Paulo calendar, first to last inclusive', () => {
    const start = new Date('2026-11-16T03:00:00.000Z') // 16/11 00:00 in São Paulo
    const days = saoPauloDaysBetween(start, new Date('2026-11-25T14:00:00.000Z'))
    expect(days[0]).toBe('2026-11-16')
    expect(days.at(-1)).toBe('2026-11-25')
    expect(days).toHaveLength(10)
  })
})
