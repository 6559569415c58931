import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ALL_DDDS } from '@/domain/ddd'
import {
  dddOfMsisdn,
  formatCnpj,
  formatCpf,
  formatMsisdn,
  generateCnpj,
  generateCpf,
  generateIccid,
  generateImsi,
  generateMsisdn,
  imsiOperatorHint,
  isAlphanumericCnpj,
  isValidCnpj,
  isValidCpf,
  isValidIccid,
  isValidImsi,
  isValidMsisdn,
  msisdnKind,
  mulberry32,
  normalizeCnpj,
  normalizeCpf,
  normalizeMsisdn,
  randomInt,
  validateCnpj,
  validateCpf,
  validateIccid,
  validateImsi,
  validateMsisdn,
} from '@/validation'

const seed = fc.integer({ min: 0, max: 0xffffffff })

describe('mulberry32', () => {
  it('is deterministic and in [0, 1)', () => {
    const a = mulberry32(42)
    const b = mulberry32(42)
    for (let i = 0; i < 1000; i++) {
      const x = a()
      expect(b()).toBe(x)
      expect(x).toBeGreaterThanOrEqual(0)
      expect(x).toBeLessThan(1)
    }
    expect(mulberry32(1)()).not.toBe(mulberry32(2)())
  })

  it('randomInt covers both ends', () => {
    const rng = mulberry32(7)
    const seen = new Set<number>()
    for (let i = 0; i < 1000; i++) seen.add(randomInt(rng, 1, 3))
    expect([...seen].sort()).toEqual([1, 2, 3])
  })

  it('generators repeat for the same seed', () => {
    const run = () => {
      const rng = mulberry32(2026)
      return [generateCpf(rng), generateCnpj(rng), generateCnpj(rng, { alphanumeric: true }), generateMsisdn(rng, 19), generateIccid(rng), generateImsi(rng)]
    }
    expect(run()).toEqual(run())
  })
})

describe('10 000 generated values pass the validators', () => {
  const N = 10_000
  const rng = mulberry32(123456789)

  it('CPF', () => {
    for (let i = 0; i < N; i++) {
      const cpf = generateCpf(rng)
      expect(validateCpf(cpf)).toBe(true)
    }
  })

  it('CNPJ, numeric and alphanumeric', () => {
    for (let i = 0; i < N; i++) {
      const numeric = generateCnpj(rng)
      expect(validateCnpj(numeric)).toBe(true)
      expect(validateCnpj(numeric, { alphanumeric: false })).toBe(true)
      const alnum = generateCnpj(rng, { alphanumeric: true })
      expect(validateCnpj(alnum)).toBe(true)
      expect(isAlphanumericCnpj(alnum)).toBe(true)
    }
  })

  it('MSISDN in every DDD, mobile and fixed', () => {
    for (let i = 0; i < N; i++) {
      const ddd = ALL_DDDS[i % ALL_DDDS.length]
      const mobile = generateMsisdn(rng, ddd)
      expect(validateMsisdn(mobile, { mobileOnly: true })).toBe(true)
      expect(dddOfMsisdn(mobile)).toBe(ddd)
      const fixed = generateMsisdn(rng, ddd, { kind: 'fixed' })
      expect(validateMsisdn(fixed)).toBe(true)
      expect(msisdnKind(fixed)).toBe('fixed')
    }
    expect(isValidMsisdn(generateMsisdn(rng))).toBe(true)
  })

  it('ICCID (19 and 20 digits) and IMSI', () => {
    for (let i = 0; i < N; i++) {
      const iccid = generateIccid(rng, { length: i % 2 ? 19 : 20 })
      expect(validateIccid(iccid)).toBe(true)
      expect(iccid).toHaveLength(i % 2 ? 19 : 20)
      expect(validateImsi(generateImsi(rng))).toBe(true)
    }
  })
})

describe('generator properties (fast-check)', () => {
  // Only a changed check digit is always caught: mod 11 maps rests 0 and 1 to the same digit,
  // so some single-digit changes in the body go unnoticed — a property of the CPF itself.
  it('CPF: valid, round-trips through the mask, a changed check digit breaks it', () => {
    fc.assert(
      fc.property(seed, fc.integer({ min: 9, max: 10 }), fc.integer({ min: 1, max: 9 }), (s, pos, delta) => {
        const cpf = generateCpf(mulberry32(s))
        expect(isValidCpf(cpf)).toBe(true)
        expect(normalizeCpf(formatCpf(cpf))).toBe(cpf)
        const broken = cpf.slice(0, pos) + String((Number(cpf[pos]) + delta) % 10) + cpf.slice(pos + 1)
        expect(isValidCpf(broken)).toBe(false)
      }),
      { numRuns: 2000 },
    )
  })

  it('CNPJ: valid in both forms, round-trips through the mask, case-insensitive', () => {
    fc.assert(
      fc.property(seed, fc.boolean(), (s, alphanumeric) => {
        const cnpj = generateCnpj(mulberry32(s), { alphanumeric })
        expect(isValidCnpj(cnpj)).toBe(true)
        expect(isValidCnpj(cnpj.toLowerCase())).toBe(true)
        expect(normalizeCnpj(formatCnpj(cnpj))).toBe(cnpj)
      }),
      { numRuns: 2000 },
    )
  })

  it('CNPJ: a changed check digit breaks it', () => {
    fc.assert(
      fc.property(seed, fc.boolean(), fc.integer({ min: 12, max: 13 }), fc.integer({ min: 1, max: 9 }), (s, alphanumeric, pos, delta) => {
        const cnpj = generateCnpj(mulberry32(s), { alphanumeric })
        const broken = cnpj.slice(0, pos) + String((Number(cnpj[pos]) + delta) % 10) + cnpj.slice(pos + 1)
        expect(isValidCnpj(broken)).toBe(false)
      }),
      { numRuns: 2000 },
    )
  })

  it('MSISDN: valid for any DDD in force, round-trips through the display format', () => {
    fc.assert(
      fc.property(seed, fc.constantFrom(...ALL_DDDS), fc.constantFrom('mobile' as const, 'fixed' as const), (s, ddd, kind) => {
        const msisdn = generateMsisdn(mulberry32(s), ddd, { kind })
        expect(isValidMsisdn(msisdn)).toBe(true)
        expect(normalizeMsisdn(formatMsisdn(msisdn))).toBe(msisdn)
        expect(normalizeMsisdn(formatMsisdn(msisdn, { international: true }))).toBe(msisdn)
      }),
      { numRuns: 2000 },
    )
  })

  it('ICCID: valid; any single-digit change breaks Luhn', () => {
    fc.assert(
      fc.property(seed, fc.integer({ min: 4, max: 19 }), fc.integer({ min: 1, max: 9 }), (s, pos, delta) => {
        const iccid = generateIccid(mulberry32(s))
        expect(isValidIccid(iccid)).toBe(true)
        const broken = iccid.slice(0, pos) + String((Number(iccid[pos]) + delta) % 10) + iccid.slice(pos + 1)
        expect(isValidIccid(broken)).toBe(false)
      }),
      { numRuns: 2000 },
    )
  })

  it('IMSI: valid for any MNC, hint follows the MNC', () => {
    fc.assert(
      fc.property(seed, fc.integer({ min: 0, max: 99 }), (s, n) => {
        const mnc = String(n).padStart(2, '0')
        const imsi = generateImsi(mulberry32(s), mnc)
        expect(isValidImsi(imsi)).toBe(true)
        expect(imsi.slice(3, 5)).toBe(mnc)
      }),
      { numRuns: 1000 },
    )
    expect(imsiOperatorHint(generateImsi(mulberry32(1)))).toBe('Claro')
  })

  it('refuses impossible generator inputs', () => {
    const rng = mulberry32(1)
    expect(() => generateMsisdn(rng, 20)).toThrow(RangeError)
    expect(() => generateImsi(rng, '5')).toThrow(RangeError)
    expect(() => generateIccid(rng, { issuer: 'AB' })).toThrow(RangeError)
  })
})
