import { isBlank, stripPunctuation, type ValidationResult } from './common'

/** ICCIDs are digits only; spaces and dashes printed on SIM cards are dropped. */
export function normalizeIccid(value: string): string {
  return stripPunctuation(value)
}

/** Luhn (mod 10) check digit to append to `payload`. */
export function luhnCheckDigit(payload: string): string {
  if (!/^\d+$/.test(payload)) throw new RangeError('luhnCheckDigit: expected digits')
  let sum = 0
  // Walking from the right, the digit next to the (future) check digit is the first one doubled.
  for (let i = payload.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = Number(payload[i])
    if (double) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return String((10 - (sum % 10)) % 10)
}

export function isLuhnValid(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false
  return luhnCheckDigit(digits.slice(0, -1)) === digits.slice(-1)
}

export function validateIccid(value: unknown): ValidationResult {
  if (isBlank(value)) return 'Informe o ICCID'
  if (typeof value !== 'string') return 'ICCID inválido: informe o ICCID como texto'
  const iccid = normalizeIccid(value)
  if (!/^\d*$/.test(iccid)) return 'ICCID inválido: use apenas dígitos'
  if (iccid.length < 19 || iccid.length > 20) return 'ICCID inválido: deve ter 19 ou 20 dígitos'
  if (!iccid.startsWith('8955')) return 'ICCID inválido: deve começar com 8955 (SIM do Brasil)'
  if (!isLuhnValid(iccid)) return 'ICCID inválido: dígito verificador (Luhn) não confere'
  return true
}

export function isValidIccid(value: unknown): boolean {
  return validateIccid(value) === true
}
