import { ALL_DDDS, isValidDdd } from '../domain/ddd'
import { cnpjCheckDigits } from './cnpj'
import { cpfCheckDigits } from './cpf'
import { luhnCheckDigit } from './iccid'
import { BRAZIL_MCC } from './imsi'
import type { MsisdnKind } from './msisdn'

/** A source of uniform numbers in [0, 1), like Math.random but reproducible when seeded. */
export type Rng = () => number

/** mulberry32: tiny, fast, good enough for demo data, and the same sequence on every run. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Integer in [min, max], both included. */
export function randomInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1))
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new RangeError('pick: empty list')
  return items[randomInt(rng, 0, items.length - 1)]
}

export function randomDigits(rng: Rng, count: number): string {
  let out = ''
  for (let i = 0; i < count; i++) out += String(randomInt(rng, 0, 9))
  return out
}

const ALNUM_CHARS = [...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ']
const LETTER_CHARS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ']

/** A valid CPF, digits only. */
export function generateCpf(rng: Rng): string {
  let body: string
  do body = randomDigits(rng, 9)
  while (/^(\d)\1{8}$/.test(body))
  return body + cpfCheckDigits(body)
}

/** A valid CNPJ: numeric (headquarters branch 0001) or, with `alphanumeric`, the July-2026 form
 * with at least one letter among the first 12 characters. */
export function generateCnpj(rng: Rng, options: { alphanumeric?: boolean } = {}): string {
  let body: string
  if (options.alphanumeric) {
    do {
      const chars = Array.from({ length: 12 }, () => pick(rng, ALNUM_CHARS))
      if (!chars.some((c) => c >= 'A')) chars[randomInt(rng, 0, 11)] = pick(rng, LETTER_CHARS)
      body = chars.join('')
    } while (/^(.)\1{11}$/.test(body))
  } else {
    body = randomDigits(rng, 8) + '0001'
  }
  return body + cnpjCheckDigits(body)
}

/** A valid MSISDN '55' + DDD + subscriber; a random DDD in force when none is given. */
export function generateMsisdn(rng: Rng, ddd?: number | string, options: { kind?: MsisdnKind } = {}): string {
  const area = ddd === undefined ? pick(rng, ALL_DDDS) : Number(ddd)
  if (!isValidDdd(area)) throw new RangeError(`generateMsisdn: DDD ${ddd} is not in force`)
  const subscriber = options.kind === 'fixed' ? String(randomInt(rng, 2, 5)) + randomDigits(rng, 7) : '9' + randomDigits(rng, 8)
  return `55${area}${subscriber}`
}

/** A valid Brazilian ICCID: '89' '55' + issuer (default '05', Claro) + account + Luhn digit. */
export function generateIccid(rng: Rng, options: { length?: 19 | 20; issuer?: string } = {}): string {
  const length = options.length ?? 20
  const issuer = options.issuer ?? '05'
  if (!/^\d{1,4}$/.test(issuer)) throw new RangeError('generateIccid: issuer must be 1–4 digits')
  const prefix = `8955${issuer}`
  const payload = prefix + randomDigits(rng, length - 1 - prefix.length)
  return payload + luhnCheckDigit(payload)
}

/** A valid IMSI: MCC 724 + MNC (default '05', Claro) + 10-digit MSIN. */
export function generateImsi(rng: Rng, mnc = '05'): string {
  if (!/^\d{2}$/.test(mnc)) throw new RangeError('generateImsi: MNC must be 2 digits')
  return BRAZIL_MCC + mnc + randomDigits(rng, 10)
}
