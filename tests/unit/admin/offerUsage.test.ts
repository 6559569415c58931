import { describe, expect, it } from 'vitest'
import { consumptionByOffer, dataMB, percentOf, type OfferRow } from '../../../src/admin/lines/offerUsage'

const offer = (id: number, unit: OfferRow['unit'], amount: number, categories?: string[]): OfferRow => ({
  id,
  kind: 'individual',
  offer: 'Claro Total Compartilhado',
  package: `pacote ${id}`,
  unit,
  amount,
  categories,
})

describe('line page consumption (C5, C6)', () => {
  it('counts voice seconds as minutes, SMS as messages and data bytes as MB', () => {
    const rows = consumptionByOffer(
      [offer(1, 'minutes', 100), offer(2, 'sms', 10), offer(3, 'mb', 1024)],
      [
        { service: 'voice', category: 'voice.local.claro', units: 600 },
        { service: 'collect', category: 'voice.collect', units: 60 },
        { service: 'sms', category: 'sms.claro', units: 1 },
        { service: 'data', category: 'data', units: 512 * 1_048_576 },
      ],
    )
    expect(rows.map((r) => r.used)).toEqual([11, 1, 512])
    expect(rows.map((r) => r.percent)).toEqual([11, 10, 50])
  })

  it('fills offers of a unit in order and leaves the excess on the last one', () => {
    const rows = consumptionByOffer([offer(1, 'sms', 2), offer(2, 'sms', 3)], Array.from({ length: 7 }, () => ({ service: 'sms', category: 'sms.other', units: 1 })))
    expect(rows.map((r) => r.used)).toEqual([2, 5])
    expect(rows[1].percent).toBeCloseTo(166.67, 2)
  })

  it('an offer restricted to categories only takes those', () => {
    const rows = consumptionByOffer([offer(1, 'minutes', 10, ['voice.local.claro'])], [{ service: 'voice', category: 'voice.local.other', units: 120 }])
    expect(rows[0].used).toBe(0)
  })

  it('shared offers are not filled from the line usage; data MB and percent helpers', () => {
    const rows = consumptionByOffer([{ ...offer(1, 'mb', 100), kind: 'shared' }], [{ service: 'data', category: 'data', units: 1_048_576 }])
    expect(rows[0].used).toBe(0)
    expect(dataMB([{ service: 'data', category: 'data', units: 3 * 1_048_576 }, { service: 'sms', category: 'sms.claro', units: 1 }])).toBe(3)
    expect(percentOf(1, 0)).toBeNull()
    expect(percentOf(1, 3)).toBe(33.33)
  })
})
