import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  applyDeltas,
  authorize,
  BYTES_PER_MB,
  emptyCounters,
  rate,
  type CompiledSnapshot,
  type Counters,
  type Service,
} from '../../../src/engine/core'
import { openProfile, snapshotOf, WEDNESDAY_10H } from './fixtures'

const MB = BYTES_PER_MB
const VOICE_LIMIT_MIN = 7
const SMS_LIMIT = 9
/** Longest call asked for in this model (the default grant, when no units are given, is the same). */
const MAX_CALL_SECONDS = 3600

function limitedSnapshot(interruptAtLimit: boolean, quotaMB: number, poolMB: number): CompiledSnapshot {
  return snapshotOf({
    company: { renewalDay: 1, interruptAtLimit },
    profile: openProfile({
      limits: [
        { category: 'voice.local.claro', control: 'limited', quantity: VOICE_LIMIT_MIN },
        { category: 'voice.national.other', control: 'limited', quantity: VOICE_LIMIT_MIN },
        { category: 'sms.other', control: 'limited', quantity: SMS_LIMIT },
        { category: 'voice.local.other', control: 'blocked' },
      ],
    }),
    offers: [{ id: 'voz', name: 'VOZ', unit: 'minutes', amount: 3 }],
    pool: { offerId: 'pool', name: 'Pool', totalMB: poolMB },
    quota: { control: 'limited', amountMB: quotaMB },
  })
}

interface Step {
  service: Service
  destination: string
  requested: number | undefined
  usedFraction: number
}

const step: fc.Arbitrary<Step> = fc.record({
  service: fc.constantFrom<Service>('voice', 'sms', 'data', 'collect'),
  destination: fc.constantFrom('991234567', '+5521981234567', '981234567', '33334444', '08001234567'),
  requested: fc.option(fc.integer({ min: 1, max: 20 * MB }), { nil: undefined }),
  /** The network uses this fraction of what was granted (a call may end early). */
  usedFraction: fc.double({ min: 0, max: 1, noNaN: true }),
})

function run(snapshot: CompiledSnapshot, steps: Step[]): Counters {
  const counters = emptyCounters()
  for (const s of steps) {
    const requested =
      s.requested === undefined || s.service === 'data'
        ? s.requested
        : s.service === 'sms'
          ? 1 + (s.requested % 4)
          : 1 + (s.requested % MAX_CALL_SECONDS)
    const decision = authorize(snapshot, counters, { service: s.service, destination: s.destination, at: WEDNESDAY_10H, units: requested })
    if (!decision.allow) continue
    expect(decision.granted).toBeGreaterThan(0)
    const used = s.service === 'sms' ? decision.granted : Math.floor(decision.granted * s.usedFraction)
    const rating = rate(snapshot, counters, { service: s.service, destination: s.destination, at: WEDNESDAY_10H, units: used })
    if (!rating.ok) throw new Error(rating.error)
    applyDeltas(counters, rating.deltas)
  }
  return counters
}

describe('property: granted units never exceed a limit', () => {
  it('with interrupt-at-limit on: voice and SMS categories, line quota and pool', () => {
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 300 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 300 }),
        (steps, quotaMB, poolMB) => {
          const counters = run(limitedSnapshot(true, quotaMB, poolMB), steps)
          expect(counters.categories['voice.local.claro'] ?? 0).toBeLessThanOrEqual(VOICE_LIMIT_MIN * 60)
          expect(counters.categories['voice.national.other'] ?? 0).toBeLessThanOrEqual(VOICE_LIMIT_MIN * 60)
          expect(counters.categories['sms.other'] ?? 0).toBeLessThanOrEqual(SMS_LIMIT)
          expect(counters.categories['voice.local.other'] ?? 0).toBe(0)
          expect(counters.lineDataBytes).toBeLessThanOrEqual(quotaMB * MB)
          expect(counters.poolBytes).toBeLessThanOrEqual(poolMB * MB)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('with interrupt-at-limit off: at most one call goes past the limit, SMS and data stay within', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 300 }), (steps) => {
        const counters = run(limitedSnapshot(false, 50, 80), steps)
        expect(counters.categories['voice.local.claro'] ?? 0).toBeLessThan(VOICE_LIMIT_MIN * 60 + MAX_CALL_SECONDS)
        expect(counters.categories['sms.other'] ?? 0).toBeLessThanOrEqual(SMS_LIMIT)
        expect(counters.lineDataBytes).toBeLessThanOrEqual(50 * MB)
        expect(counters.poolBytes).toBeLessThanOrEqual(80 * MB)
        // once the limit is reached, the next call is refused
        if ((counters.categories['voice.local.claro'] ?? 0) >= VOICE_LIMIT_MIN * 60) {
          expect(authorize(limitedSnapshot(false, 50, 80), counters, { service: 'voice', destination: '991234567', at: WEDNESDAY_10H }).reason.code).toBe(
            'CATEGORY_LIMIT_REACHED',
          )
        }
      }),
      { numRuns: 200 },
    )
  })
})

// Replaying batches, holds, the pool and counters against recorded usage: the model-based test of
// the real service (tests/integration/engine/model.test.ts).
