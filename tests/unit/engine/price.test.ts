import { describe, expect, it } from 'vitest'
import {
  billedSeconds,
  BYTES_PER_MB,
  compileTariff,
  emptyCounters,
  excessUnits,
  priceRating,
  priceUnits,
  rate,
  sortTariffs,
  tariffAt,
  unitsAffordable,
  type Rating,
  type TariffData,
  type UsageEvent,
} from '../../../src/engine/core'
import { snapshotOf, WEDNESDAY_10H } from './fixtures'

const base: TariffData = {
  id: 't1',
  validFrom: 0,
  voicePerMinute: 0.6,
  smsPerMessage: 0.25,
  dataPerMB: 0.1,
  firstIncrementS: 30,
  nextIncrementS: 6,
  categories: [
    { category: 'voice.international.mobile', price: 2.9 },
    { category: 'voice.special', price: 1.5 },
    { category: 'sms.international', price: 0.79 },
  ],
}
const tariff = compileTariff(base)

const rated = (r: ReturnType<typeof rate>): Rating => {
  if (!r.ok) throw new Error(r.error)
  return r
}
const voice = (destination: string, units: number): UsageEvent => ({ service: 'voice', destination, at: WEDNESDAY_10H, units })

describe('billing increments', () => {
  it('30 s + 6 s: a minimum of 30 s, then 6 s steps started', () => {
    expect([0, 1, 30, 31, 36, 37, 60, 61].map((s) => billedSeconds(s, 30, 6))).toEqual([0, 30, 30, 36, 36, 42, 60, 66])
    expect(billedSeconds(61, 60, 60)).toBe(120)
    expect(billedSeconds(5, 1, 1)).toBe(5)
  })
})

describe('priceUnits', () => {
  it('voice per minute on the billed seconds, rounded half up to the centavo', () => {
    expect(priceUnits(tariff, 'voice.local.claro', 1)).toBe(30) // 30 s × R$ 0,60/min
    expect(priceUnits(tariff, 'voice.local.claro', 31)).toBe(36)
    expect(priceUnits(tariff, 'voice.local.claro', 60)).toBe(60)
    expect(priceUnits(tariff, 'voice.international.mobile', 31)).toBe(174) // 36 s × 2,90 / 60 = 1,74
    // 0,25/min: 30 s = 12,5 centavos → 13 (half up); 36 s = 15
    const cheap = compileTariff({ ...base, voicePerMinute: 0.25 })
    expect(priceUnits(cheap, 'voice.local.fixed', 10)).toBe(13)
    expect(priceUnits(cheap, 'voice.local.fixed', 36)).toBe(15)
  })

  it('SMS per message, data per KB started at the price per MB', () => {
    expect(priceUnits(tariff, 'sms.other', 3)).toBe(75)
    expect(priceUnits(tariff, 'sms.international', 1)).toBe(79)
    expect(priceUnits(tariff, 'data', BYTES_PER_MB)).toBe(10)
    expect(priceUnits(tariff, 'data', 10 * BYTES_PER_MB)).toBe(100)
    expect(priceUnits(tariff, 'data', 1)).toBe(0) // 1 KB = 0,0098 centavo → 0
    expect(priceUnits(tariff, 'data', 52 * 1024)).toBe(1) // 52 KB = 0,508 centavo → 1
    expect(priceUnits(tariff, 'data', 0)).toBe(0)
  })

  it('a category priced 0 costs nothing', () => {
    const free = compileTariff({ ...base, categories: [{ category: 'voice.local.claro', price: 0 }] })
    expect(priceUnits(free, 'voice.local.claro', 600)).toBe(0)
    expect(unitsAffordable(free, 'voice.local.claro', 0)).toBe(Infinity)
  })
})

describe('priceRating: only what no franchise covers', () => {
  const snap = snapshotOf({
    offers: [
      { id: 'voz', name: 'Pacote VOZ', unit: 'minutes', amount: 1 },
      { id: 'sms', name: 'Pacote SMS', unit: 'sms', amount: 2 },
      { id: 'net', name: 'Internet', unit: 'mb', amount: 1 },
    ],
  })

  it('inside a franchise costs nothing', () => {
    expect(priceRating(tariff, rated(rate(snap, emptyCounters(), voice('991234567', 60))).deltas)).toBe(0)
    expect(priceRating(tariff, rated(rate(snap, emptyCounters(), { service: 'data', at: WEDNESDAY_10H, units: BYTES_PER_MB })).deltas)).toBe(0)
  })

  it('a call crossing the franchise boundary prices only its excess, with the increments', () => {
    // 50 s of the 60 s franchise used: a 90 s call has 10 s inside and 80 s beyond → billed 30 + 54 = 84 s
    const counters = { ...emptyCounters(), offers: { voz: 50 } }
    const r = rated(rate(snap, counters, voice('991234567', 90)))
    expect(r.deltas.excess.voiceSeconds).toBe(80)
    expect(priceRating(tariff, r.deltas)).toBe(84) // 84 s × R$ 0,60/min
    // 3 SMS with 1 left in the franchise: 2 priced
    const s = rated(rate(snap, { ...emptyCounters(), offers: { sms: 1 } }, { service: 'sms', destination: '991234567', at: WEDNESDAY_10H, units: 3 }))
    expect(priceRating(tariff, s.deltas)).toBe(50)
  })

  it('international and special numbers are priced from the first second; toll-free is free', () => {
    expect(priceRating(tariff, rated(rate(snap, emptyCounters(), voice('+447912345678', 45))).deltas)).toBe(232) // 48 s × 2,90
    expect(priceRating(tariff, rated(rate(snap, emptyCounters(), voice('08001234567', 600))).deltas)).toBe(0)
  })

  it('data beyond the offers: free from a shared pool, priced without one (even under a quota)', () => {
    const quotaOnly = snapshotOf({ quota: { control: 'unlimited' } })
    const d = rated(rate(quotaOnly, emptyCounters(), { service: 'data', at: WEDNESDAY_10H, units: BYTES_PER_MB }))
    expect(priceRating(tariff, d.deltas)).toBe(10)
    const pooled = snapshotOf({ pool: { offerId: 'p', name: 'Pool', totalMB: 100 }, quota: { control: 'unlimited' } })
    const p = rated(rate(pooled, emptyCounters(), { service: 'data', at: WEDNESDAY_10H, units: BYTES_PER_MB }))
    expect(priceRating(tariff, p.deltas)).toBe(0)
  })

  it('excessUnits agrees with rate() on what no franchise covers', () => {
    const counters = { ...emptyCounters(), offers: { voz: 50 } }
    expect(excessUnits(snap, counters, 'voice.local.claro', 90)).toBe(80)
    expect(excessUnits(snap, emptyCounters(), 'voice.international.mobile', 45)).toBe(45)
    expect(excessUnits(snap, emptyCounters(), 'voice.special', 45)).toBeNull()
    expect(excessUnits(snapshotOf({ quota: { control: 'unlimited' } }), emptyCounters(), 'data', 5)).toBe(5)
  })

  it('no tariff, no cost', () => {
    expect(priceRating(null, rated(rate(snap, { ...emptyCounters(), offers: { voz: 60 } }, voice('991234567', 90))).deltas)).toBe(0)
  })
})

describe('tariffAt: the version in force', () => {
  const v1 = compileTariff({ ...base, id: 'v1', validFrom: Date.parse('2026-11-01T03:00:00Z') })
  const v2 = compileTariff({ ...base, id: 'v2', validFrom: Date.parse('2026-11-20T03:00:00Z') })
  const v3 = compileTariff({ ...base, id: 'v3', validFrom: Date.parse('2026-12-01T03:00:00Z') })
  const sorted = sortTariffs([v3, v1, v2])

  it('picks the latest validFrom not after the event', () => {
    expect(tariffAt(sorted, Date.parse('2026-10-31T00:00:00Z'))).toBeNull()
    expect(tariffAt(sorted, v1.validFrom)?.id).toBe('v1')
    expect(tariffAt(sorted, v2.validFrom - 1)?.id).toBe('v1')
    expect(tariffAt(sorted, v2.validFrom)?.id).toBe('v2')
    expect(tariffAt(sorted, Date.parse('2027-01-01T00:00:00Z'))?.id).toBe('v3')
    expect(tariffAt([], 0)).toBeNull()
  })
})

describe('unitsAffordable: the most a sum buys', () => {
  it('is the largest amount whose price fits, on the increment grid', () => {
    for (const cents of [0, 1, 29, 30, 35, 36, 37, 100, 5000]) {
      const s = unitsAffordable(tariff, 'voice.local.claro', cents)
      if (s > 0) expect(priceUnits(tariff, 'voice.local.claro', s)).toBeLessThanOrEqual(cents)
      expect(priceUnits(tariff, 'voice.local.claro', s + 1)).toBeGreaterThan(cents)
    }
    expect(unitsAffordable(tariff, 'voice.local.claro', 29)).toBe(0)
    expect(unitsAffordable(tariff, 'voice.local.claro', 30)).toBe(30)
    expect(unitsAffordable(tariff, 'voice.local.claro', 5000)).toBe(4998)
    expect(unitsAffordable(tariff, 'sms.claro', 74)).toBe(2)
    const bytes = unitsAffordable(tariff, 'data', 100)
    expect(priceUnits(tariff, 'data', bytes)).toBeLessThanOrEqual(100)
    expect(priceUnits(tariff, 'data', bytes + 1024)).toBeGreaterThan(100)
    expect(unitsAffordable(null, 'data', 0)).toBe(Infinity)
  })
})
