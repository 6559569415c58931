import { describe, expect, it } from 'vitest'
import { cnpjCheckDigits, formatCnpj, isAlphanumericCnpj, isValidCnpj, normalizeCnpj, validateCnpj } from '@/validation'

describe('CNPJ', () => {
  it.each(['40432544000147', '84608900000106', '12ABC34501DE35', '84.608.900/0001-06', '12.abc.345/01de-35'])('accepts %s', (cnpj) => {
    expect(validateCnpj(cnpj)).toBe(true)
    expect(isValidCnpj(cnpj)).toBe(true)
  })

  it.each(['02558157000001', '20220808149991', '84608900000107', '84608900000116', '12ABC34501DE36'])('refuses the check digits of %s', (cnpj) => {
    expect(validateCnpj(cnpj)).toBe('CNPJ inválido: dígito verificador não confere')
  })

  it('refuses repeated sequences, including those whose check digits match', () => {
    for (const c of '0123456789ABZ') {
      expect(validateCnpj(c.repeat(14))).not.toBe(true)
    }
    expect(validateCnpj('00000000000000')).toBe('CNPJ inválido: sequência de caracteres repetidos')
    expect(validateCnpj('11111111111111')).toBe('CNPJ inválido: sequência de caracteres repetidos')
    expect(cnpjCheckDigits('111111111111')).toBe('80')
    expect(validateCnpj('11111111111180')).toBe('CNPJ inválido: sequência de caracteres repetidos')
  })

  it('refuses wrong lengths, symbols, and letters in the check digits', () => {
    expect(validateCnpj('8460890000010')).toBe('CNPJ inválido: deve ter 14 caracteres')
    expect(validateCnpj('846089000001060')).toBe('CNPJ inválido: deve ter 14 caracteres')
    expect(validateCnpj('12ABC34501DE3A')).toBe('CNPJ inválido: os dígitos verificadores (2 últimos) devem ser numéricos')
    expect(validateCnpj('12ÁBC34501DE35')).toBe('CNPJ inválido: as 12 primeiras posições aceitam apenas letras (A–Z) e dígitos')
    expect(validateCnpj('')).toBe('Informe o CNPJ')
    expect(validateCnpj(undefined)).toBe('Informe o CNPJ')
    expect(validateCnpj(84608900000106)).toBe('CNPJ inválido: informe o CNPJ como texto')
  })

  it('can refuse the alphanumeric form when asked', () => {
    expect(validateCnpj('12ABC34501DE35', { alphanumeric: false })).toBe('CNPJ inválido: use apenas dígitos')
    expect(validateCnpj('84608900000106', { alphanumeric: false })).toBe(true)
  })

  it('uses ASCII − 48 for letters (A = 17)', () => {
    expect(cnpjCheckDigits('12ABC34501DE')).toBe('35')
    expect(() => cnpjCheckDigits('12abc34501de')).toThrow(RangeError)
    expect(isAlphanumericCnpj('12.abc.345/01de-35')).toBe(true)
    expect(isAlphanumericCnpj('84608900000106')).toBe(false)
  })

  it('normalises and formats, round trip', () => {
    expect(normalizeCnpj('84.608.900/0001-06')).toBe('84608900000106')
    expect(normalizeCnpj('12.abc.345/01de-35')).toBe('12ABC34501DE35')
    expect(formatCnpj('84608900000106')).toBe('84.608.900/0001-06')
    expect(formatCnpj('12abc34501de35')).toBe('12.ABC.345/01DE-35')
    for (const c of ['40432544000147', '84608900000106', '12ABC34501DE35']) expect(normalizeCnpj(formatCnpj(c))).toBe(c)
    expect(formatCnpj('1234')).toBe('1234')
  })
})
