import { allSameChar, isBlank, stripPunctuation, type ValidationResult } from './common'

/** '157.960.718-74' → '15796071874'. Letters are kept so that validation can refuse them. */
export function normalizeCpf(value: string): string {
  return stripPunctuation(value)
}

/** The two check digits for the first 9 digits of a CPF (mod 11, weights 10…2 then 11…2). */
export function cpfCheckDigits(first9: string): string {
  if (!/^\d{9}$/.test(first9)) throw new RangeError('cpfCheckDigits: expected 9 digits')
  const dv = (digits: string): number => {
    let sum = 0
    const top = digits.length + 1
    for (let i = 0; i < digits.length; i++) sum += Number(digits[i]) * (top - i)
    const rest = sum % 11
    return rest < 2 ? 0 : 11 - rest
  }
  const dv1 = dv(first9)
  const dv2 = dv(first9 + dv1)
  return `${dv1}${dv2}`
}

export function validateCpf(value: unknown): ValidationResult {
  if (isBlank(value)) return 'Informe o CPF'
  if (typeof value !== 'string') return 'CPF inválido: informe o CPF como texto'
  const cpf = normalizeCpf(value)
  if (!/^\d*$/.test(cpf)) return 'CPF inválido: use apenas dígitos'
  if (cpf.length !== 11) return 'CPF inválido: deve ter 11 dígitos'
  // Every repeated-digit CPF passes mod 11 ('11111111111'), so they are refused explicitly.
  if (allSameChar(cpf)) return 'CPF inválido: sequência de dígitos repetidos'
  if (cpfCheckDigits(cpf.slice(0, 9)) !== cpf.slice(9)) return 'CPF inválido: dígito verificador não confere'
  return true
}

export function isValidCpf(value: unknown): boolean {
  return validateCpf(value) === true
}

/** '15796071874' → '157.960.718-74'. Anything that is not 11 digits after normalising is returned unchanged. */
export function formatCpf(value: string): string {
  const cpf = normalizeCpf(value)
  if (!/^\d{11}$/.test(cpf)) return value
  return `${cpf.slice(0, 3)}.${cpf.slice(3, 6)}.${cpf.slice(6, 9)}-${cpf.slice(9)}`
}
