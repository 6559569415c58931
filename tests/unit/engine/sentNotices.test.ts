import { describe, expect, it } from 'vitest'
import { SentNotices } from '../../../src/engine/adapters/sentNotices'

describe('SentNotices', () => {
  it('keeps the first set remembered for a line and cycle', () => {
    const cache = new SentNotices()
    const first = cache.remember(1, '2026-11-16', new Set(['a']))
    expect(cache.remember(1, '2026-11-16', new Set(['b']))).toBe(first)
    expect(cache.get('1', '2026-11-16')).toEqual(new Set(['a']))
  })

  it("keeps a line's two latest cycles only", () => {
    const cache = new SentNotices()
    cache.remember(7, '2026-10-16', new Set(['old']))
    cache.remember(7, '2026-12-16', new Set(['new']))
    cache.remember(7, '2026-11-16', new Set(['mid']))
    expect(cache.get(7, '2026-10-16')).toBeUndefined()
    expect(cache.get(7, '2026-11-16')).toEqual(new Set(['mid']))
    expect(cache.get(7, '2026-12-16')).toEqual(new Set(['new']))
    cache.remember(8, '2026-10-16', new Set())
    expect(cache.get(8, '2026-10-16')).toEqual(new Set())
  })
})
