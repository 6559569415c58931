import { describe, expect, it } from 'vitest'
import {
  applyDeltas,
  BYTES_PER_MB,
  emptyCounters,
  rate,
  type Counters,
  type Rating,
  type UsageEvent,
} from '../../../src/engine/core'
import { snapshotOf, sp, WEDNESDAY_10H } from './fixtures'

const MB = BYTES_PER_MB

const voice = (destination: string, units: number, id?: string): UsageEvent => ({ id, service: 'voice', destination, at: WEDNESDAY_10H, units })
const sms = (destination: string, units = 1, id?: string): UsageEvent => ({ id, service: 'sms', destination, at: WEDNESDAY_10H, units })
const data = (units: number, id?: string): UsageEvent => ({ id, service: 'data', at: WEDNESDAY_10H, units })

function rated(result: ReturnType<typeof rate>): Rating {
  if (!result.ok) throw new Error(result.error)
  return result
}

const franchises = snapshotOf({
  offers: [
    { id: 'voz', name: 'Claro Total Compartilhado Pacote VOZ', unit: 'minutes', amount: 10 },
    { id: 'bonus-voz', name: 'Bônus VOZ', unit: 'minutes', amount: 5, categories: ['voice.local.claro', 'voice.intragroup.local'] },
    { id: 'sms', name: 'Pacote SMS', unit: 'sms', amount: 100 },
    { id: 'intl', name: 'Internacional', unit: 'minutes', amount: 2, categories: ['voice.international.mobile'] },
  ],
  transfers: [
    { offerId: 'voz', amount: 5, direction: 'in' },
    { offerId: 'voz', amount: 3, direction: 'out' },
  ],
})

describe('rate: voice and SMS', () => {
  it('bills per second, rounding fractions up', () => {
    const result = rated(rate(franchises, emptyCounters(), voice('991234567', 90.2)))
    expect(result).toMatchObject({ category: 'voice.local.claro', units: 91, destination: '5511991234567', cycleKey: '2025-05-16' })
    expect(result.deltas).toMatchObject({ category: 'voice.local.claro', categoryUnits: 91, offers: [{ offerId: 'voz', units: 91 }] })
  })

  it('consumes offers in order, only those covering the category, then excess', () => {
    // 'voz' has 10 + 5 - 3 = 12 minutes after the Claro Pós transfers
    const counters: Counters = { ...emptyCounters(), offers: { voz: 12 * 60 - 30 } }
    const result = rated(rate(franchises, counters, voice('991234567', 400)))
    expect(result.deltas.offers).toEqual([
      { offerId: 'voz', units: 30 },
      { offerId: 'bonus-voz', units: 300 },
    ])
    expect(result.deltas.excess).toEqual({ voiceSeconds: 70, sms: 0, dataBytes: 0 })
    const national = rated(rate(franchises, counters, voice('+5521991234567', 400)))
    expect(national.deltas.offers).toEqual([{ offerId: 'voz', units: 30 }])
    expect(national.deltas.excess.voiceSeconds).toBe(370)
  })

  it('international and special numbers are excess unless an offer names them; toll-free is only counted', () => {
    expect(rated(rate(franchises, emptyCounters(), voice('+33142685300', 60))).deltas).toMatchObject({ offers: [], excess: { voiceSeconds: 60 } })
    expect(rated(rate(franchises, emptyCounters(), voice('+447912345678', 200))).deltas).toMatchObject({
      offers: [{ offerId: 'intl', units: 120 }],
      excess: { voiceSeconds: 80 },
    })
    expect(rated(rate(franchises, emptyCounters(), voice('09001234567', 60))).deltas).toMatchObject({ excess: { voiceSeconds: 60 } })
    for (const free of ['08001234567', '190', '1052']) {
      const result = rated(rate(franchises, emptyCounters(), voice(free, 600)))
      expect(result.deltas).toMatchObject({ categoryUnits: 600, offers: [], excess: { voiceSeconds: 0 } })
      expect(result.notices).toEqual([])
    }
  })

  it('SMS: one per message, beyond the franchise is excess ("Excedente de SMS")', () => {
    const counters: Counters = { ...emptyCounters(), offers: { sms: 99 } }
    expect(rated(rate(franchises, counters, sms('981234567', 3))).deltas).toMatchObject({
      category: 'sms.other',
      offers: [{ offerId: 'sms', units: 1 }],
      excess: { sms: 2 },
    })
    expect(rated(rate(franchises, counters, sms('35743'))).deltas).toMatchObject({ category: 'sms.special', offers: [], excess: { sms: 1 } })
  })

  it('rejects what cannot be rated, with the reason', () => {
    expect(rate(franchises, emptyCounters(), voice('+552033334444', 10))).toMatchObject({ ok: false, error: expect.stringMatching(/DDD 20/) })
    expect(rate(franchises, emptyCounters(), voice('991234567', -1))).toMatchObject({ ok: false, error: expect.stringMatching(/units/) })
    expect(rate(franchises, emptyCounters(), { ...voice('991234567', 1), at: Number.NaN })).toMatchObject({ ok: false })
  })

  it('never mutates the counters it is given', () => {
    const counters = emptyCounters()
    rate(franchises, counters, voice('991234567', 100))
    expect(counters).toEqual(emptyCounters())
  })
})

describe('rate: data', () => {
  const pooled = snapshotOf({
    offers: [{ id: 'bonus', name: 'Mega Bônus', unit: 'mb', amount: 10 }],
    pool: { offerId: 'pool', name: 'Claro Total Compartilhado 100GB', totalMB: 1000 },
    quota: { control: 'limited', amountMB: 100 },
  })
  it('own MB offers first, then the pool (line and pool counters)', () => {
    const result = rated(rate(pooled, emptyCounters(), data(15 * MB)))
    expect(result.deltas).toMatchObject({
      category: 'data',
      categoryUnits: 15 * MB,
      offers: [{ offerId: 'bonus', units: 10 * MB }],
      lineDataBytes: 5 * MB,
      poolBytes: 5 * MB,
      excess: { dataBytes: 0 },
    })
  })
  it('without pool or quota the rest is excess data', () => {
    expect(rated(rate(snapshotOf(), emptyCounters(), data(1234))).deltas).toMatchObject({ excess: { dataBytes: 1234 }, lineDataBytes: 0, poolBytes: 0 })
  })
})

describe('notices at 60/80/100 %, once per package per cycle', () => {
  const snapshot = snapshotOf({
    offers: [{ id: 'voz', name: 'Pacote VOZ', unit: 'minutes', amount: 10 }],
    pool: { offerId: 'pool', name: 'Compartilhado 1GB', totalMB: 1000 },
    quota: { control: 'limited', amountMB: 100 },
  })

  it.each<[usedBefore: number, units: number, thresholds: number[]]>([
    [0, 300, []],
    [0, 359, []],
    [0, 360, [60]],
    [300, 200, [60, 80]],
    [0, 600, [60, 80, 100]],
    [0, 5000, [60, 80, 100]],
    [500, 50, [60, 80]],
  ])('%ss used + %ss → %j', (usedBefore, units, thresholds) => {
    const result = rated(rate(snapshot, { ...emptyCounters(), offers: { voz: usedBefore } }, voice('991234567', units)))
    expect(result.notices.map((n) => n.threshold)).toEqual(thresholds)
    for (const notice of result.notices) {
      expect(notice).toMatchObject({ kind: 'offer', packageId: 'voz', packageName: 'Pacote VOZ', cycleKey: '2025-05-16', msisdn: '5511987654321' })
      expect(notice.key).toBe(`2025-05-16|offer:voz|${notice.threshold}`)
      expect(notice.message).toMatch(new RegExp(`${notice.threshold}%.*Pacote VOZ`))
    }
  })

  it('a notice already sent is not sent again; the next cycle sends it anew', () => {
    const first = rated(rate(snapshot, emptyCounters(), voice('991234567', 400, 'a')))
    expect(first.notices.map((n) => n.key)).toEqual(['2025-05-16|offer:voz|60'])
    const sentNotices = new Set(first.notices.map((n) => n.key))
    const counters: Counters = { ...emptyCounters(), offers: { voz: 400 } }
    const again = rated(rate(snapshot, counters, voice('991234567', 10), sentNotices))
    expect(again.notices).toEqual([])
    const further = rated(rate(snapshot, counters, voice('991234567', 100), sentNotices))
    expect(further.notices.map((n) => n.threshold)).toEqual([80])
    const nextCycle = rated(rate(snapshot, counters, { ...voice('991234567', 10), at: sp('2025-06-20T10:00') }, sentNotices))
    expect(nextCycle.notices.map((n) => n.key)).toEqual(['2025-06-16|offer:voz|60'])
  })

  it('data notices for the line quota and the pool', () => {
    const result = rated(rate(snapshot, { ...emptyCounters(), lineDataBytes: 50 * MB, poolBytes: 700 * MB }, data(30 * MB)))
    expect(result.notices.map((n) => `${n.kind}:${n.threshold}`)).toEqual(['quota:60', 'quota:80', 'pool:60'])
    expect(result.notices[0].message).toMatch(/cota de dados/)
    expect(result.notices[2].message).toMatch(/franquia compartilhada Compartilhado 1GB/)
  })

  it('no notices for unlimited quota, excess or zero-size packages', () => {
    const zero = snapshotOf({
      offers: [{ id: 'voz', name: 'VOZ', unit: 'minutes', amount: 5 }],
      transfers: [{ offerId: 'voz', amount: 5, direction: 'out' }],
      quota: { control: 'unlimited' },
    })
    expect(rated(rate(zero, emptyCounters(), voice('991234567', 600))).notices).toEqual([])
    expect(rated(rate(zero, emptyCounters(), data(600))).notices).toEqual([])
  })
})

// Idempotency by event id, duplicates and rejections by index belong to Engine.ingest, tested
// through HTTP (tests/integration/engine/http.test.ts) and by the model (tests/integration/engine/model.test.ts).
describe('applyDeltas', () => {
  const snapshot = franchises
  it('applyDeltas adds exactly the deltas', () => {
    const counters = emptyCounters()
    const result = rated(rate(snapshot, counters, voice('991234567', 1000)))
    applyDeltas(counters, result.deltas)
    expect(counters.offers).toEqual({ voz: 720, 'bonus-voz': 280 })
    expect(counters.categories['voice.local.claro']).toBe(1000)
  })
})
