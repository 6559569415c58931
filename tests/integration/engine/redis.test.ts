import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MemoryCounterStore, randomPrefix, RedisCounterStore } from '../../../src/engine/adapters/counters'

const url = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
let up = false
const clients: Redis[] = []

beforeAll(async () => {
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null })
  up = await probe.connect().then(() => probe.ping().then(() => true), () => false)
  probe.disconnect()
  if (!up) console.warn(`Redis not reachable at ${url}: the shared-counter tests are skipped`)
})
afterAll(async () => {
  for (const c of clients) await c.quit().catch(() => undefined)
})

const client = () => {
  const c = new Redis(url, { maxRetriesPerRequest: 2 })
  clients.push(c)
  return c
}

describe('counters shared through Redis', () => {
  it('two app processes sharing Redis never grant together more than a limit', async (ctx) => {
    if (!up) ctx.skip()
    const prefix = randomPrefix()
    // Two stores with their own connections, as two app processes would have.
    const one = new RedisCounterStore(client() as never, prefix)
    const two = new RedisCounterStore(client() as never, prefix)
    const cap = 600 // a 10-minute profile limit, in seconds
    const asks = Array.from({ length: 200 }, (_, i) => ({ store: i % 2 ? one : two, want: 7 + (i % 13) }))
    const grants = await Promise.all(
      asks.map(({ store, want }) =>
        store.reserve({ scope: '42', cycleKey: '2026-11-16', key: 'cat:voice.local.fixed', want, cap, used: 0, whole: false }),
      ),
    )
    const total = grants.reduce((s, g) => s + g, 0)
    expect(total).toBe(cap)
    expect(grants.filter((g) => g > 0).length).toBeGreaterThan(1)
    expect(grants.some((g) => g === 0)).toBe(true)
    // Another cycle, another key: untouched.
    expect(await one.reserve({ scope: '42', cycleKey: '2026-12-16', key: 'cat:voice.local.fixed', want: 5, cap, used: 0, whole: false })).toBe(5)
  })

  it('interrupt-at-limit off: whole calls while anything is left, then refused in every process', async (ctx) => {
    if (!up) ctx.skip()
    const prefix = randomPrefix()
    const one = new RedisCounterStore(client() as never, prefix)
    const two = new RedisCounterStore(client() as never, prefix)
    const grants = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? one : two).reserve({ scope: '7', cycleKey: 'c', key: 'k', want: 100, cap: 250, used: 0, whole: true })),
    )
    expect(grants.filter((g) => g === 100)).toHaveLength(3)
    expect(grants.filter((g) => g === 0)).toHaveLength(17)
  })

  it('consumption cache: prime once, add only to loaded scopes, recorded use bounds reservations', async (ctx) => {
    if (!up) ctx.skip()
    const prefix = randomPrefix()
    const one = new RedisCounterStore(client() as never, prefix)
    const two = new RedisCounterStore(client() as never, prefix)
    expect(await one.get('1', 'c')).toBeNull()
    await one.add('1', 'c', { 'cat:sms.claro': 1 })
    expect(await one.get('1', 'c')).toBeNull()
    await one.prime('1', 'c', { 'cat:sms.claro': 3 })
    await two.prime('1', 'c', { 'cat:sms.claro': 99 })
    await two.add('1', 'c', { 'cat:sms.claro': 2, lineData: 10 })
    expect(await one.get('1', 'c')).toEqual({ 'cat:sms.claro': 5, lineData: 10 })
    expect(await one.reserve({ scope: '1', cycleKey: 'c', key: 'cat:sms.claro', want: 10, cap: 8, used: 5, whole: false })).toBe(3)
  })
})

describe('in-process counters', () => {
  it('reserve never exceeds the cap', async () => {
    const store = new MemoryCounterStore()
    const grants = await Promise.all(
      Array.from({ length: 50 }, () => store.reserve({ scope: '1', cycleKey: 'c', key: 'k', want: 30, cap: 1000, used: 100, whole: false })),
    )
    expect(grants.reduce((s, g) => s + g, 0)).toBe(900)
  })
})
