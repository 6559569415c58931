import { describe, expect, it } from 'vitest'
import { isNonNegativeInt, validateNonNegativeInt, validateQuotaAgainstPool } from '@/validation'

describe('non-negative integers', () => {
  it.each([0, 1, 100, 102_400, Number.MAX_SAFE_INTEGER])('accepts %d', (n) => expect(validateNonNegativeInt(n)).toBe(true))

  it('refuses negatives, fractions, non-numbers', () => {
    expect(validateNonNegativeInt(-1)).toBe('O valor deve ser maior ou igual a zero')
    expect(validateNonNegativeInt(1.5)).toBe('O valor deve ser um número inteiro')
    expect(validateNonNegativeInt(Number.POSITIVE_INFINITY)).toBe('O valor deve ser um número inteiro')
    expect(validateNonNegativeInt(Number.NaN)).toBe('O valor deve ser um número')
    expect(validateNonNegativeInt('10')).toBe('O valor deve ser um número')
    expect(validateNonNegativeInt(null)).toBe('O valor: informe um número inteiro')
    expect(validateNonNegativeInt(2 ** 60)).toBe('O valor é grande demais')
    expect(isNonNegativeInt(-0.5)).toBe(false)
    expect(isNonNegativeInt(3)).toBe(true)
  })

  it('uses the label and the maximum', () => {
    expect(validateNonNegativeInt(-5, { label: 'Quantidade de minutos' })).toBe('Quantidade de minutos deve ser maior ou igual a zero')
    expect(validateNonNegativeInt(1001, { max: 1000 })).toBe('O valor deve ser no máximo 1.000')
    expect(validateNonNegativeInt(1000, { max: 1000 })).toBe(true)
  })
})

describe('quotas against the pool', () => {
  it('accepts sums up to the pool', () => {
    expect(validateQuotaAgainstPool(0, 0)).toBe(true)
    expect(validateQuotaAgainstPool(102_400, 102_400)).toBe(true)
    expect(validateQuotaAgainstPool(50_000, 102_400)).toBe(true)
  })

  it('refuses a sum above the pool with both figures', () => {
    expect(validateQuotaAgainstPool(102_401, 102_400)).toBe('A soma das cotas (102.401 MB) excede o limite do pool (102.400 MB)')
  })

  it('refuses invalid inputs', () => {
    expect(validateQuotaAgainstPool(-1, 100)).toBe('A soma das cotas deve ser maior ou igual a zero')
    expect(validateQuotaAgainstPool(10, 1.5)).toBe('O limite do pool deve ser um número inteiro')
  })
})
