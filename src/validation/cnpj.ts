import { allSameChar, isBlank, stripPunctuation, type ValidationResult } from './common'

const DV1_WEIGHTS = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]
const DV2_WEIGHTS = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]

export interface CnpjOptions {
  /** Accept the alphanumeric form (letters in the first 12 positions). Default true. */
  alphanumeric?: boolean
}

/** '84.608.900/0001-06' → '84608900000106'; letters are upper-cased ('12.abc…' → '12ABC…'). */
export function normalizeCnpj(value: string): string {
  return stripPunctuation(value).toUpperCase()
}

function checkDigit(chars: string, weights: readonly number[]): number {
  let sum = 0
  // ASCII − 48 keeps digits at their value and maps A…Z to 17…42 (Receita Federal, 2026 form).
  for (let i = 0; i < chars.length; i++) sum += (chars.charCodeAt(i) - 48) * weights[i]
  const rest = sum % 11
  return rest < 2 ? 0 : 11 - rest
}

/** The two numeric check digits for the first 12 characters (0–9, A–Z) of a CNPJ. */
export function cnpjCheckDigits(first12: string): string {
  if (!/^[0-9A-Z]{12}$/.test(first12)) throw new RangeError('cnpjCheckDigits: expected 12 characters 0-9/A-Z')
  const dv1 = checkDigit(first12, DV1_WEIGHTS)
  const dv2 = checkDigit(first12 + dv1, DV2_WEIGHTS)
  return `${dv1}${dv2}`
}

export function validateCnpj(value: unknown, options: CnpjOptions = {}): ValidationResult {
  const alphanumeric = options.alphanumeric ?? true
  if (isBlank(value)) return 'Informe o CNPJ'
  if (typeof value !== 'string') return 'CNPJ inválido: informe o CNPJ como texto'
  const cnpj = normalizeCnpj(value)
  if (cnpj.length !== 14) return 'CNPJ inválido: deve ter 14 caracteres'
  const body = cnpj.slice(0, 12)
  if (alphanumeric) {
    if (!/^[0-9A-Z]{12}$/.test(body)) return 'CNPJ inválido: as 12 primeiras posições aceitam apenas letras (A–Z) e dígitos'
  } else if (!/^\d{12}$/.test(body)) {
    return 'CNPJ inválido: use apenas dígitos'
  }
  if (!/^\d{2}$/.test(cnpj.slice(12))) return 'CNPJ inválido: os dígitos verificadores (2 últimos) devem ser numéricos'
  // A repeated base ('11111111111180') passes the check digits but is always a placeholder.
  if (allSameChar(body)) return 'CNPJ inválido: sequência de caracteres repetidos'
  if (cnpjCheckDigits(body) !== cnpj.slice(12)) return 'CNPJ inválido: dígito verificador não confere'
  return true
}

export function isValidCnpj(value: unknown, options?: CnpjOptions): boolean {
  return validateCnpj(value, options) === true
}

/** True for a CNPJ in the post-July-2026 form, i.e. with at least one letter. */
export function isAlphanumericCnpj(value: string): boolean {
  return /[A-Z]/.test(normalizeCnpj(value))
}

/** '84608900000106' → '84.608.900/0001-06' (same mask for the alphanumeric form: '12.ABC.345/01DE-35').
 * Anything that is not 14 characters after normalising is returned unchanged. */
export function formatCnpj(value: string): string {
  const c = normalizeCnpj(value)
  if (!/^[0-9A-Z]{12}\d{2}$/.test(c)) return value
  return `${c.slice(0, 2)}.${c.slice(2, 5)}.${c.slice(5, 8)}/${c.slice(8, 12)}-${c.slice(12)}`
}
