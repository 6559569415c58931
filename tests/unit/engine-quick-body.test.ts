import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { authorizeBody, usageEvent } from '../../src/engine/endpoints'
import { quickAuthorizeBody, quickUsageEvent } from '../../src/engine/quickBody'

// The fast path's authorize body check without zod must accept only what the schema accepts, with the same result.
const now = Date.now()
const value = fc.oneof(
  fc.constantFrom('5511987654321', '551187654321', '5511', '4411987654321', 'voice', 'sms', 'collect', 'data', 'fax', '', '1132345678', 'x'.repeat(41)),
  fc.string(),
  fc.integer({ min: -5, max: 200_000 }),
  fc.constantFrom(0, 60, 1.5, -1, Number.MAX_SAFE_INTEGER, 2 ** 40),
  fc.constantFrom(new Date(now).toISOString(), new Date(now - 500 * 86_400_000).toISOString(), new Date(now + 3_600_000).toISOString(), 'not a date', now, now + 3_600_000),
  fc.constant(null),
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
)
const key = fc.constantFrom('id', 'line', 'service', 'destination', 'at', 'units', 'group', 'hold', 'extra')
const body = fc.oneof(
  fc.dictionary(key, value, { maxKeys: 6 }),
  fc.record(
    {
      line: fc.constantFrom('5511987654321', '551187654321'),
      service: fc.constantFrom('voice', 'sms', 'collect', 'data'),
      destination: fc.constantFrom('1132345678', '19991234567', ''),
      at: fc.constantFrom(new Date(now - 86_400_000).toISOString(), now - 1000),
      units: fc.integer({ min: 0, max: 100 }),
    },
    { requiredKeys: ['line', 'service'] },
  ),
  fc.record(
    {
      id: fc.constantFrom('e-1', 'e-2', '', 'x'.repeat(129)),
      line: fc.constantFrom('5511987654321', '551187654321'),
      service: fc.constantFrom('voice', 'sms', 'collect', 'data'),
      destination: fc.constantFrom('1132345678', ''),
      at: fc.constantFrom(new Date(now - 86_400_000).toISOString(), now - 1000),
      units: fc.integer({ min: 0, max: 100 }),
      group: fc.constantFrom('g', 'x'.repeat(65)),
      hold: fc.constantFrom('h-1', '', 'x'.repeat(65)),
    },
    { requiredKeys: ['id', 'line', 'service', 'at', 'units'] },
  ),
  value,
)

describe('quickAuthorizeBody', () => {
  it('accepts only what authorizeBody accepts, with the same data', () => {
    let accepted = 0
    fc.assert(
      fc.property(body, (b) => {
        const quick = quickAuthorizeBody(b)
        if (quick === null) return
        accepted++
        const zod = authorizeBody.safeParse(b)
        expect(zod.success).toBe(true)
        expect(quick).toEqual(zod.data)
      }),
      { numRuns: 5000 },
    )
    expect(accepted).toBeGreaterThan(500)
  })

  it('accepts every well-formed body the schema accepts (the fast path is taken)', () => {
    fc.assert(
      fc.property(body, (b) => {
        if (authorizeBody.safeParse(b).success) expect(quickAuthorizeBody(b)).not.toBeNull()
      }),
      { numRuns: 5000 },
    )
  })
})

describe('quickUsageEvent', () => {
  it('accepts only what usageEvent accepts, with the same data, and every event it accepts', () => {
    let accepted = 0
    fc.assert(
      fc.property(body, (b) => {
        const quick = quickUsageEvent(b)
        const zod = usageEvent.safeParse(b)
        if (quick === null) {
          expect(zod.success).toBe(false)
          return
        }
        accepted++
        expect(zod.success).toBe(true)
        expect(quick).toEqual(zod.data)
      }),
      { numRuns: 5000 },
    )
    expect(accepted).toBeGreaterThan(100)
  })
})
