import { describe, expect, it } from 'vitest'
import { cpfCheckDigits, formatCpf, isValidCpf, normalizeCpf, validateCpf } from '@/validation'

describe('CPF', () => {
  it.each(['15796071874', '34337361898', '53346128580', '157.960.718-74', ' 343.373.618-98 '])('accepts %s', (cpf) => {
    expect(validateCpf(cpf)).toBe(true)
    expect(isValidCpf(cpf)).toBe(true)
  })

  it('refuses a wrong first or second check digit', () => {
    expect(validateCpf('15796071884')).toBe('CPF inválido: dígito verificador não confere')
    expect(validateCpf('15796071875')).toBe('CPF inválido: dígito verificador não confere')
  })

  it('refuses every repeated-digit CPF even though they satisfy mod 11', () => {
    for (let d = 0; d <= 9; d++) {
      const cpf = String(d).repeat(11)
      expect(cpfCheckDigits(cpf.slice(0, 9))).toBe(cpf.slice(9))
      expect(validateCpf(cpf)).toBe('CPF inválido: sequência de dígitos repetidos')
    }
  })

  it('refuses wrong lengths, letters, blanks and non-strings', () => {
    expect(validateCpf('1579607187')).toBe('CPF inválido: deve ter 11 dígitos')
    expect(validateCpf('157960718740')).toBe('CPF inválido: deve ter 11 dígitos')
    expect(validateCpf('1579607187A')).toBe('CPF inválido: use apenas dígitos')
    expect(validateCpf('')).toBe('Informe o CPF')
    expect(validateCpf('   ')).toBe('Informe o CPF')
    expect(validateCpf(null)).toBe('Informe o CPF')
    expect(validateCpf(15796071874)).toBe('CPF inválido: informe o CPF como texto')
    expect(isValidCpf('15796071875')).toBe(false)
  })

  it('computes check digits', () => {
    expect(cpfCheckDigits('157960718')).toBe('74')
    expect(() => cpfCheckDigits('12345678')).toThrow(RangeError)
  })

  it('normalises and formats, round trip', () => {
    expect(normalizeCpf('157.960.718-74')).toBe('15796071874')
    expect(formatCpf('15796071874')).toBe('157.960.718-74')
    expect(formatCpf('157.960.718-74')).toBe('157.960.718-74')
    expect(normalizeCpf(formatCpf('53346128580'))).toBe('53346128580')
    expect(formatCpf('123')).toBe('123')
  })
})
