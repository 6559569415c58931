import { isBlank, stripPunctuation, type ValidationResult } from './common'

export const BRAZIL_MCC = '724'

export type ImsiOperator = 'Claro' | 'TIM' | 'Vivo' | 'Oi' | 'Algar'

/** MNC → operator. From a secondary source (DOMAIN-NOTES): a hint for display, never a reason to refuse. */
export const IMSI_MNC_OPERATORS: Readonly<Record<string, ImsiOperator>> = {
  '05': 'Claro',
  '02': 'TIM',
  '03': 'TIM',
  '04': 'TIM',
  '06': 'Vivo',
  '10': 'Vivo',
  '11': 'Vivo',
  '23': 'Vivo',
  '16': 'Oi',
  '30': 'Oi',
  '32': 'Algar',
  '33': 'Algar',
  '34': 'Algar',
}

export function normalizeImsi(value: string): string {
  return stripPunctuation(value)
}

export function validateImsi(value: unknown): ValidationResult {
  if (isBlank(value)) return 'Informe o IMSI'
  if (typeof value !== 'string') return 'IMSI inválido: informe o IMSI como texto'
  const imsi = normalizeImsi(value)
  if (!/^\d*$/.test(imsi)) return 'IMSI inválido: use apenas dígitos'
  if (imsi.length !== 15) return 'IMSI inválido: deve ter 15 dígitos'
  if (!imsi.startsWith(BRAZIL_MCC)) return 'IMSI inválido: o MCC (3 primeiros dígitos) deve ser 724 (Brasil)'
  return true
}

export function isValidImsi(value: unknown): boolean {
  return validateImsi(value) === true
}

/** The 2-digit MNC of a valid IMSI, else undefined. */
export function imsiMnc(value: string): string | undefined {
  const imsi = normalizeImsi(value)
  return isValidImsi(imsi) ? imsi.slice(3, 5) : undefined
}

/** Likely operator of a valid IMSI by its MNC ('724051028203153' → 'Claro'); undefined if unknown. */
export function imsiOperatorHint(value: string): ImsiOperator | undefined {
  const mnc = imsiMnc(value)
  return mnc === undefined ? undefined : IMSI_MNC_OPERATORS[mnc]
}
