import { describe, expect, it } from 'vitest'
import { offersFromBalance, percentOf, type OfferRow } from '../../../src/admin/lines/offerUsage'

const offer = (id: number, unit: OfferRow['unit'], amount: number): OfferRow => ({
  id,
  kind: 'individual',
  offer: 'Claro Pós',
  package: `pacote ${id}`,
  unit,
  amount,
})

describe('line page franchises from the engine balance (C5)', () => {
  it('turns seconds into minutes, bytes into MB, messages stay messages', () => {
    const rows = offersFromBalance(
      [offer(1, 'minutes', 100), offer(2, 'sms', 50), offer(3, 'mb', 1024)],
      [
        { id: '1', unit: 'minutes', capacity: 6000, used: 600 },
        { id: '2', unit: 'sms', capacity: 50, used: 5 },
        { id: '3', unit: 'mb', capacity: 1024 * 1_048_576, used: 256 * 1_048_576 },
      ],
    )
    expect(rows.map((r) => [r.franchise, r.used, r.percent])).toEqual([
      [100, 10, 10],
      [50, 5, 10],
      [1024, 256, 25],
    ])
  })

  it("shows the franchise after transfers (the balance's capacity), not the contracted amount", () => {
    const [row] = offersFromBalance([offer(1, 'minutes', 100)], [{ id: '1', unit: 'minutes', capacity: 70 * 60, used: 35 * 60 }])
    expect(row.amount).toBe(100)
    expect(row.franchise).toBe(70)
    expect(row.percent).toBe(50)
  })

  it('an offer the engine does not know yet: its amount, nothing used', () => {
    expect(offersFromBalance([offer(9, 'sms', 10)], [])[0]).toMatchObject({ franchise: 10, used: 0, percent: 0 })
    expect(percentOf(1, 0)).toBeNull()
  })
})
