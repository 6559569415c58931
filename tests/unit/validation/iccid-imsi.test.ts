import { describe, expect, it } from 'vitest'
import {
  IMSI_MNC_OPERATORS,
  imsiMnc,
  imsiOperatorHint,
  isLuhnValid,
  isValidIccid,
  isValidImsi,
  luhnCheckDigit,
  normalizeIccid,
  validateIccid,
  validateImsi,
} from '@/validation'

describe('ICCID', () => {
  it('accepts the seed ICCID and a 19-digit one', () => {
    expect(validateIccid('89550534100027902478')).toBe(true)
    expect(validateIccid('8955 0534 1000 2790 2478')).toBe(true)
    const nineteen = '895505341000279024'
    expect(validateIccid(nineteen + luhnCheckDigit(nineteen))).toBe(true)
  })

  it('refuses a wrong Luhn digit', () => {
    for (let d = 0; d <= 9; d++) {
      if (d === 8) continue
      expect(validateIccid(`8955053410002790247${d}`)).toBe('ICCID inválido: dígito verificador (Luhn) não confere')
    }
    expect(validateIccid('89550534100027902487')).toBe('ICCID inválido: dígito verificador (Luhn) não confere')
  })

  it('refuses other countries, wrong lengths and letters', () => {
    const us = '890126' + '0534100027902'
    expect(validateIccid(us + luhnCheckDigit(us))).toBe('ICCID inválido: deve começar com 8955 (SIM do Brasil)')
    expect(validateIccid('895505341000279024')).toBe('ICCID inválido: deve ter 19 ou 20 dígitos')
    expect(validateIccid('895505341000279024780')).toBe('ICCID inválido: deve ter 19 ou 20 dígitos')
    expect(validateIccid('8955053410002790247F')).toBe('ICCID inválido: use apenas dígitos')
    expect(validateIccid('')).toBe('Informe o ICCID')
    expect(isValidIccid(89550534100027902478)).toBe(false)
    expect(normalizeIccid('8955-0534-1000-2790-2478')).toBe('89550534100027902478')
  })

  it('computes Luhn like the textbook example', () => {
    expect(luhnCheckDigit('7992739871')).toBe('3')
    expect(isLuhnValid('79927398713')).toBe(true)
    expect(isLuhnValid('79927398710')).toBe(false)
  })
})

describe('IMSI', () => {
  it('accepts the seed IMSI and gives the operator hint', () => {
    expect(validateImsi('724051028203153')).toBe(true)
    expect(imsiMnc('724051028203153')).toBe('05')
    expect(imsiOperatorHint('724051028203153')).toBe('Claro')
  })

  it('maps the MNCs to operators but never refuses an unknown MNC', () => {
    const expected: Record<string, string> = {
      '05': 'Claro', '02': 'TIM', '03': 'TIM', '04': 'TIM', '06': 'Vivo', '10': 'Vivo', '11': 'Vivo', '23': 'Vivo',
      '16': 'Oi', '30': 'Oi', '32': 'Algar', '33': 'Algar', '34': 'Algar',
    }
    expect(IMSI_MNC_OPERATORS).toEqual(expected)
    for (const [mnc, op] of Object.entries(expected)) expect(imsiOperatorHint(`724${mnc}1028203153`)).toBe(op)
    expect(validateImsi('724991028203153')).toBe(true)
    expect(imsiOperatorHint('724991028203153')).toBeUndefined()
    expect(imsiOperatorHint('310051028203153')).toBeUndefined()
  })

  it('refuses MCC other than 724, wrong lengths and letters', () => {
    expect(validateImsi('310051028203153')).toBe('IMSI inválido: o MCC (3 primeiros dígitos) deve ser 724 (Brasil)')
    expect(validateImsi('722051028203153')).toBe('IMSI inválido: o MCC (3 primeiros dígitos) deve ser 724 (Brasil)')
    expect(validateImsi('72405102820315')).toBe('IMSI inválido: deve ter 15 dígitos')
    expect(validateImsi('7240510282031530')).toBe('IMSI inválido: deve ter 15 dígitos')
    expect(validateImsi('72405102820315X')).toBe('IMSI inválido: use apenas dígitos')
    expect(validateImsi(null)).toBe('Informe o IMSI')
    expect(isValidImsi('724051028203153')).toBe(true)
  })
})
