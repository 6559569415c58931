import { describe, expect, it } from 'vitest'
import { ALL_DDDS } from '@/domain/ddd'
import { dddOfMsisdn, formatMsisdn, isValidMsisdn, msisdnKind, normalizeMsisdn, splitMsisdn, validateMsisdn } from '@/validation'

const BAD_DDDS = [20, 23, 25, 26, 29, 30, 36, 39, 40, 50, 52, 56, 57, 58, 59, 60, 70, 72, 76, 78, 80, 90]

describe('MSISDN', () => {
  it.each(['5519995330213', '+55 (19) 99533-0213', '(19) 99533-0213', '19 99533 0213', '019995330213', '5511987654321'])('accepts %s', (m) => {
    expect(validateMsisdn(m)).toBe(true)
  })

  it('accepts every DDD in force and no other', () => {
    for (let d = 10; d <= 99; d++) {
      const expected = ALL_DDDS.includes(d)
      expect(isValidMsisdn(`55${d}999990000`)).toBe(expected)
    }
    expect(ALL_DDDS).toHaveLength(67)
  })

  it.each(BAD_DDDS)('refuses DDD %i', (ddd) => {
    expect(validateMsisdn(`55${ddd}995330213`)).toBe(`MSISDN inválido: DDD ${ddd} não existe`)
  })

  it('accepts 8-digit fixed numbers starting 2–5 unless mobileOnly', () => {
    for (const first of '2345') expect(validateMsisdn(`5519${first}5330213`)).toBe(true)
    for (const first of '016789') {
      expect(validateMsisdn(`5519${first}5330213`)).toBe('MSISDN inválido: número fixo de 8 dígitos deve começar com 2, 3, 4 ou 5')
    }
    expect(validateMsisdn('551935330213', { mobileOnly: true })).toBe(
      'MSISDN inválido: linha móvel deve ter 9 dígitos após o DDD, começando com 9',
    )
    expect(validateMsisdn('5519995330213', { mobileOnly: true })).toBe(true)
  })

  it('refuses 9-digit numbers not starting with 9, wrong lengths, other countries and letters', () => {
    expect(validateMsisdn('5519895330213')).toBe('MSISDN inválido: número de celular deve começar com 9')
    expect(validateMsisdn('55199953302134')).toMatch(/^MSISDN inválido: deve ter 55 \+ DDD/)
    expect(validateMsisdn('551999533')).toMatch(/^MSISDN inválido: deve ter 55 \+ DDD/)
    expect(validateMsisdn('+1 (19) 99533-0213')).toBe('MSISDN inválido: deve começar com 55 (código do Brasil)')
    expect(validateMsisdn('+54 11 99533 0213')).toBe('MSISDN inválido: deve começar com 55 (código do Brasil)')
    expect(validateMsisdn('55199953302A3')).toBe('MSISDN inválido: use apenas dígitos')
    expect(validateMsisdn('')).toBe('Informe o número da linha (MSISDN)')
    expect(validateMsisdn(5519995330213)).toBe('MSISDN inválido: informe o número como texto')
  })

  it('normalises to 55 + DDD + number', () => {
    expect(normalizeMsisdn('+55 (19) 99533-0213')).toBe('5519995330213')
    expect(normalizeMsisdn('(19) 99533-0213')).toBe('5519995330213')
    expect(normalizeMsisdn('(19) 3533-0213')).toBe('551935330213')
    expect(normalizeMsisdn('0 19 99533-0213')).toBe('5519995330213')
    expect(normalizeMsisdn('5519995330213')).toBe('5519995330213')
    expect(normalizeMsisdn('+1 202 555 0100')).toBe('12025550100')
  })

  it('extracts DDD and kind', () => {
    expect(dddOfMsisdn('5519995330213')).toBe(19)
    expect(dddOfMsisdn('+55 (55) 99533-0213')).toBe(55)
    expect(dddOfMsisdn('5520995330213')).toBeUndefined()
    expect(msisdnKind('5519995330213')).toBe('mobile')
    expect(msisdnKind('551935330213')).toBe('fixed')
    expect(splitMsisdn('5511987654321')).toEqual({ ddd: 11, subscriber: '987654321', kind: 'mobile' })
  })

  it('formats for display and round-trips', () => {
    expect(formatMsisdn('5519995330213')).toBe('(19) 99533-0213')
    expect(formatMsisdn('5519995330213', { international: true })).toBe('+55 (19) 99533-0213')
    expect(formatMsisdn('551935330213')).toBe('(19) 3533-0213')
    expect(formatMsisdn('garbage')).toBe('garbage')
    for (const m of ['5519995330213', '551935330213', '5599912345678']) {
      expect(normalizeMsisdn(formatMsisdn(m))).toBe(m)
      expect(normalizeMsisdn(formatMsisdn(m, { international: true }))).toBe(m)
    }
  })
})
