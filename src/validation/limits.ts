import { formatIntegerPtBr, type ValidationResult } from './common'

export interface IntOptions {
  /** Field name for the messages, e.g. 'Quantidade de minutos'. Default 'O valor'. */
  label?: string
  /** Inclusive upper bound. */
  max?: number
}

export function validateNonNegativeInt(value: unknown, options: IntOptions = {}): ValidationResult {
  const label = options.label ?? 'O valor'
  if (value === null || value === undefined || value === '') return `${label}: informe um número inteiro`
  if (typeof value !== 'number' || Number.isNaN(value)) return `${label} deve ser um número`
  if (!Number.isInteger(value)) return `${label} deve ser um número inteiro`
  if (value < 0) return `${label} deve ser maior ou igual a zero`
  if (!Number.isSafeInteger(value)) return `${label} é grande demais`
  if (options.max !== undefined && value > options.max) {
    return `${label} deve ser no máximo ${formatIntegerPtBr(options.max)}`
  }
  return true
}

export function isNonNegativeInt(value: unknown): value is number {
  return validateNonNegativeInt(value) === true
}

/** The quotas given to the lines of a shared offer may not add up to more than the pool. */
export function validateQuotaAgainstPool(sumOfQuotasMB: number, poolMB: number): ValidationResult {
  const sum = validateNonNegativeInt(sumOfQuotasMB, { label: 'A soma das cotas' })
  if (sum !== true) return sum
  const pool = validateNonNegativeInt(poolMB, { label: 'O limite do pool' })
  if (pool !== true) return pool
  if (sumOfQuotasMB > poolMB) {
    return `A soma das cotas (${formatIntegerPtBr(sumOfQuotasMB)} MB) excede o limite do pool (${formatIntegerPtBr(poolMB)} MB)`
  }
  return true
}
