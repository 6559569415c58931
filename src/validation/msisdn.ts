import { isValidDdd } from '../domain/ddd'
import { isBlank, stripPunctuation, type ValidationResult } from './common'

/*
 * The SPEC says "55 + valid DDD + 8/9 digits". Every Brazilian mobile number has had 9 digits
 * (leading 9) since the 2016 migration, so an 8-digit subscriber number can only be a fixed
 * number (leading 2–5, DOMAIN-NOTES). Corporate mobile plans do carry such numbers (fixed-wireless
 * terminals on the mobile network), so they are accepted by default; callers that only want
 * handsets pass `{ mobileOnly: true }`.
 */

export type MsisdnKind = 'mobile' | 'fixed'

export interface MsisdnOptions {
  /** Refuse 8-digit fixed subscriber numbers. Default false. */
  mobileOnly?: boolean
}

export interface MsisdnParts {
  ddd: number
  subscriber: string
  kind: MsisdnKind
}

/**
 * '+55 (19) 99533-0213' → '5519995330213'. Without a '+', a national number (DDD + 8/9 digits,
 * optionally with the '0' trunk prefix) gets the country code 55, so that what `formatMsisdn`
 * prints normalises back to the stored value. Letters are kept so that validation can refuse them.
 */
export function normalizeMsisdn(value: string): string {
  const trimmed = value.trim()
  const chars = stripPunctuation(trimmed)
  if (trimmed.startsWith('+') || !/^\d+$/.test(chars)) return chars
  if (chars.length === 10 || chars.length === 11) return `55${chars}`
  if (chars.startsWith('0') && (chars.length === 11 || chars.length === 12)) return `55${chars.slice(1)}`
  return chars
}

function parse(msisdn: string): MsisdnParts | string {
  if (!/^\d*$/.test(msisdn)) return 'MSISDN inválido: use apenas dígitos'
  if (!msisdn.startsWith('55')) return 'MSISDN inválido: deve começar com 55 (código do Brasil)'
  if (msisdn.length !== 12 && msisdn.length !== 13) {
    return 'MSISDN inválido: deve ter 55 + DDD + número de 9 dígitos (celular) ou 8 dígitos (fixo)'
  }
  const ddd = msisdn.slice(2, 4)
  if (!isValidDdd(ddd)) return `MSISDN inválido: DDD ${ddd} não existe`
  const subscriber = msisdn.slice(4)
  if (subscriber.length === 9) {
    if (subscriber[0] !== '9') return 'MSISDN inválido: número de celular deve começar com 9'
    return { ddd: Number(ddd), subscriber, kind: 'mobile' }
  }
  if (!/^[2-5]/.test(subscriber)) return 'MSISDN inválido: número fixo de 8 dígitos deve começar com 2, 3, 4 ou 5'
  return { ddd: Number(ddd), subscriber, kind: 'fixed' }
}

export function validateMsisdn(value: unknown, options: MsisdnOptions = {}): ValidationResult {
  if (isBlank(value)) return 'Informe o número da linha (MSISDN)'
  if (typeof value !== 'string') return 'MSISDN inválido: informe o número como texto'
  const parts = parse(normalizeMsisdn(value))
  if (typeof parts === 'string') return parts
  if (options.mobileOnly && parts.kind !== 'mobile') {
    return 'MSISDN inválido: linha móvel deve ter 9 dígitos após o DDD, começando com 9'
  }
  return true
}

export function isValidMsisdn(value: unknown, options?: MsisdnOptions): boolean {
  return validateMsisdn(value, options) === true
}

/** DDD, subscriber number and kind of a valid MSISDN (any accepted spelling), else undefined. */
export function splitMsisdn(value: string): MsisdnParts | undefined {
  const parts = parse(normalizeMsisdn(value))
  return typeof parts === 'string' ? undefined : parts
}

/** '5519995330213' → 19; undefined when the MSISDN is not valid. */
export function dddOfMsisdn(value: string): number | undefined {
  return splitMsisdn(value)?.ddd
}

export function msisdnKind(value: string): MsisdnKind | undefined {
  return splitMsisdn(value)?.kind
}

/** '5519995330213' → '(19) 99533-0213' ('+55 (19) 99533-0213' with `international`); a fixed
 * number → '(19) 3533-0213'. Invalid input is returned unchanged. */
export function formatMsisdn(value: string, options: { international?: boolean } = {}): string {
  const parts = splitMsisdn(value)
  if (!parts) return value
  const s = parts.subscriber
  const cut = s.length - 4
  const national = `(${parts.ddd}) ${s.slice(0, cut)}-${s.slice(cut)}`
  return options.international ? `+55 ${national}` : national
}
