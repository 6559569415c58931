import { describe, expect, it } from 'vitest'
import {
  MAX_PERIOD_DAYS,
  dateToDayNumber,
  isValidDate,
  isValidTime,
  periodLengthDays,
  timeToMinutes,
  validateDate,
  validatePeriod,
  validateTime,
  validateWindow,
  validateWindows,
} from '@/validation'

describe('time of day', () => {
  it.each(['00:00', '08:30', '12:00', '23:59', '19:05'])('accepts %s', (t) => expect(validateTime(t)).toBe(true))

  it.each(['24:00', '24:01', '25:00', '12:60', '8:30', '08:3', '0830', '08:30:00', 'ab:cd', ' 08:30'])('refuses %s', (t) => {
    expect(validateTime(t)).toBe('Horário inválido: use o formato HH:MM, de 00:00 a 23:59')
  })

  it('accepts 24:00 only when asked', () => {
    expect(validateTime('24:00', { allowEndOfDay: true })).toBe(true)
    expect(validateTime('24:30', { allowEndOfDay: true })).toBe('Horário inválido: use o formato HH:MM, de 00:00 a 24:00')
    expect(isValidTime('24:00')).toBe(false)
    expect(validateTime('')).toBe('Informe o horário')
  })

  it('converts to minutes', () => {
    expect(timeToMinutes('00:00')).toBe(0)
    expect(timeToMinutes('08:30')).toBe(510)
    expect(timeToMinutes('24:00')).toBe(1440)
    expect(() => timeToMinutes('25:00')).toThrow(RangeError)
  })
})

describe('time windows', () => {
  it('accepts a window whose start is before its end, 24:00 as end', () => {
    expect(validateWindow({ from: '08:00', to: '18:00' })).toBe(true)
    expect(validateWindow({ from: '00:00', to: '24:00' })).toBe(true)
    expect(validateWindow({ from: '23:59', to: '24:00' })).toBe(true)
  })

  it('refuses inverted, empty and midnight-crossing windows', () => {
    expect(validateWindow({ from: '10:00', to: '09:00' })).toBe(
      'O início da janela (10:00) deve ser anterior ao fim (09:00); para atravessar a meia-noite, use duas janelas',
    )
    expect(validateWindow({ from: '10:00', to: '10:00' })).toMatch(/^O início da janela \(10:00\) deve ser anterior ao fim/)
    expect(validateWindow({ from: '22:00', to: '06:00' })).not.toBe(true)
  })

  it('refuses malformed windows', () => {
    expect(validateWindow({ from: '24:00', to: '24:00' })).toBe('Horário de início inválido: use o formato HH:MM, de 00:00 a 23:59')
    expect(validateWindow({ from: '08:00', to: '25:00' })).toBe('Horário de fim inválido: use o formato HH:MM, de 00:00 a 24:00')
    expect(validateWindow({ from: '', to: '10:00' })).toBe('Informe o horário de início da janela')
    expect(validateWindow({ from: '08:00' })).toBe('Informe o horário de fim da janela')
    expect(validateWindow(null)).toBe('Janela de horário inválida: informe início e fim')
    expect(validateWindow('08:00-10:00')).toBe('Janela de horário inválida: informe início e fim')
  })

  it('validates each window of a list; overlap is allowed; names the failing one', () => {
    expect(validateWindows([])).toBe(true)
    expect(validateWindows(undefined)).toBe(true)
    expect(validateWindows([{ from: '08:00', to: '12:00' }, { from: '11:00', to: '18:00' }])).toBe(true)
    expect(validateWindows([{ from: '22:00', to: '24:00' }, { from: '00:00', to: '06:00' }])).toBe(true)
    expect(validateWindows([{ from: '08:00', to: '12:00' }, { from: '10:00', to: '09:00' }])).toMatch(/^Janela 2: O início da janela \(10:00\)/)
    expect(validateWindows('x')).toBe('Janelas de horário inválidas: informe uma lista de janelas')
  })
})

describe('dates', () => {
  it.each(['2026-01-01', '2026-12-31', '2024-02-29', '2000-02-29', '2026-02-28'])('accepts %s', (d) => expect(validateDate(d)).toBe(true))

  it.each(['2026-02-30', '2026-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-01-32'])(
    'refuses the non-existent %s',
    (d) => expect(validateDate(d)).toBe(`Data inválida: ${d} não existe no calendário`),
  )

  it.each(['26-01-01', '2026-1-1', '01/02/2026', '2026-01-01T00:00:00Z', '20260101'])('refuses the format %s', (d) => {
    expect(validateDate(d)).toBe('Data inválida: use o formato AAAA-MM-DD')
  })

  it('handles blanks and day numbers', () => {
    expect(validateDate('')).toBe('Informe a data')
    expect(isValidDate(new Date())).toBe(false)
    expect(dateToDayNumber('1970-01-01')).toBe(0)
    expect(dateToDayNumber('1970-01-02')).toBe(1)
    expect(dateToDayNumber('1969-12-31')).toBe(-1)
    expect(dateToDayNumber('2026-02-30')).toBeUndefined()
  })
})

describe('periods', () => {
  it('counts both ends', () => {
    expect(periodLengthDays('2026-01-01', '2026-01-01')).toBe(1)
    expect(periodLengthDays('2026-01-01', '2026-01-30')).toBe(30)
    expect(periodLengthDays('2026-02-20', '2026-03-01')).toBe(10)
    expect(periodLengthDays('2024-02-20', '2024-03-01')).toBe(11)
    expect(periodLengthDays('2026-03-01', '2026-03-31')).toBe(31)
  })

  it('accepts up to maxDays, refuses one more', () => {
    expect(validatePeriod('2026-01-01', '2026-01-30', 30)).toBe(true)
    expect(validatePeriod('2026-01-01', '2026-01-31', 30)).toBe('O período máximo é de 30 dias')
    expect(validatePeriod('2026-01-10', '2026-01-10', 30)).toBe(true)
    expect(validatePeriod('2025-12-20', '2026-01-18', MAX_PERIOD_DAYS.calls)).toBe(true)
    expect(validatePeriod('2026-01-01', '2026-06-29', 180)).toBe(true)
    expect(validatePeriod('2026-01-01', '2026-06-30', 180)).toBe('O período máximo é de 180 dias')
    expect(MAX_PERIOD_DAYS).toEqual({ lineHistory: 30, calls: 30, transactions: 180, data: 180 })
  })

  it('refuses inverted periods and invalid dates', () => {
    expect(validatePeriod('2026-01-31', '2026-01-01', 30)).toBe('A data inicial deve ser anterior ou igual à data final')
    expect(validatePeriod('2026-02-30', '2026-03-01', 30)).toBe('Data inicial: Data inválida: 2026-02-30 não existe no calendário')
    expect(validatePeriod('2026-02-01', '2026/02/10', 30)).toBe('Data final: Data inválida: use o formato AAAA-MM-DD')
    expect(validatePeriod(undefined, '2026-02-10', 30)).toBe('Data inicial: Informe a data')
    expect(() => validatePeriod('2026-01-01', '2026-01-02', 0)).toThrow(RangeError)
  })
})
