import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MemoryCounterStore, randomPrefix, type CounterStore, type HoldRequest } from '../../../src/engine/adapters/counters'
import { RedisCounterStore } from '../../../src/engine/adapters/redisCounters'

// The counter store's contract, on both stores: two Redis stores stand for two app instances.
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

let n = 0
const T0 = 1_800_000_000_000
const voice = (want: number, cap: number, extra: Partial<HoldRequest> = {}): HoldRequest => ({
  id: `h${++n}`,
  now: T0,
  expiresAt: T0 + 60_000,
  replace: false,
  base: 0,
  want,
  whole: false,
  line: { scope: '42', cycleKey: '2026-11-16', key: 'cat:voice.local.fixed', fields: ['cat:voice.local.fixed'], used: 0, cap },
  meta: { line: '5519999999999', lineId: '42', service: 'voice', category: 'voice.local.fixed', cycleKey: '2026-11-16' },
  ...extra,
})

const kinds: [string, () => [CounterStore, CounterStore] | null][] = [
  ['in process', () => {
    const s = new MemoryCounterStore()
    return [s, s]
  }],
  ['Redis, two instances', () => {
    if (!up) return null
    const prefix = randomPrefix()
    return [new RedisCounterStore(client() as never, prefix), new RedisCounterStore(client() as never, prefix)]
  }],
]

describe.each(kinds)('counter store (%s)', (_, make) => {
  it('concurrent holds never exceed the cap, and use all of it', async (ctx) => {
    const pair = make()
    if (!pair) return ctx.skip()
    const grants = await Promise.all(Array.from({ length: 200 }, (_, i) => pair[i % 2].hold(voice(7 + (i % 13), 600))))
    const total = grants.reduce((s, g) => s + g.granted, 0)
    expect(total).toBe(600)
    expect(grants.filter((g) => g.granted > 0).length).toBeGreaterThan(1)
    expect(grants.some((g) => g.granted === 0 && g.limitedBy === 'line')).toBe(true)
    expect(await pair[0].held('42', '2026-11-16', T0)).toEqual({ 'cat:voice.local.fixed': 600 })
  })

  it('whole calls while anything is left (interrupt-at-limit off)', async (ctx) => {
    const pair = make()
    if (!pair) return ctx.skip()
    const grants = await Promise.all(Array.from({ length: 20 }, (_, i) => pair[i % 2].hold(voice(100, 250, { whole: true }))))
    expect(grants.filter((g) => g.granted === 100)).toHaveLength(3)
  })

  it('settle moves units from held to used at once; a release returns everything; expiry by the caller clock', async (ctx) => {
    const pair = make()
    if (!pair) return ctx.skip()
    const [one, two] = pair
    const a = voice(300, 600)
    expect((await one.hold(a)).granted).toBe(300)
    const b = voice(300, 600)
    expect((await two.hold(b)).granted).toBe(300)
    expect((await one.hold(voice(1, 600))).granted).toBe(0)
    // a used 200 of its 300: the snapshot of the database and the end of the hold in one step.
    await two.settle([{ scope: '42', cycleKey: '2026-11-16', values: { 'cat:voice.local.fixed': 200 } }], [a.id])
    expect((await one.hold(voice(500, 600))).granted).toBe(100)
    expect((await one.release(b.id, T0))?.amount).toBe(300)
    expect(await one.release(b.id, T0)).toBeNull()
    const c = voice(300, 600, { expiresAt: T0 + 1000 })
    // used 200 + the 100 just held: 300 left.
    expect((await two.hold(c)).granted).toBe(300)
    expect((await one.holds([c.id], T0 + 999)).get(c.id)?.amount).toBe(300)
    expect((await one.holds([c.id], T0 + 1000)).size).toBe(0)
    expect((await one.hold(voice(500, 600, { now: T0 + 1000 }))).granted).toBe(300)
  })

  it('a snapshot that counts a committing hold ends its part once: a later release does not return it again', async (ctx) => {
    const pair = make()
    if (!pair) return ctx.skip()
    const [one, two] = pair
    const a = voice(300, 600)
    expect((await one.hold(a)).granted).toBe(300)
    await one.committing([a.id], '100')
    // Read after transaction 100 committed: the 300 a held are used now, no longer held.
    await two.load({ scope: '42', cycleKey: '2026-11-16', values: { 'cat:voice.local.fixed': 300 }, seen: '101:101:' })
    expect((await two.hold(voice(300, 600))).granted).toBe(300)
    await one.release(a.id, T0)
    expect((await one.hold(voice(1, 600))).granted).toBe(0)
    expect(await two.held('42', '2026-11-16', T0)).toEqual({ 'cat:voice.local.fixed': 300 })
  })

  it('snapshots: only a newer one (larger sum) replaces what is stored', async (ctx) => {
    const pair = make()
    if (!pair) return ctx.skip()
    const [one, two] = pair
    expect(await one.get('1', 'c')).toBeNull()
    await one.load({ scope: '1', cycleKey: 'c', values: { 'cat:sms.claro': 3 } })
    await two.load({ scope: '1', cycleKey: 'c', values: { 'cat:sms.claro': 5, lineData: 10 } })
    await one.load({ scope: '1', cycleKey: 'c', values: { 'cat:sms.claro': 3 } })
    expect(await one.get('1', 'c')).toEqual({ 'cat:sms.claro': 5, lineData: 10 })
    await two.drop('1', 'c')
    expect(await one.get('1', 'c')).toBeNull()
  })

  it('holdAll: every hold in full or none at all, atomically across instances', async (ctx) => {
    const pair = make()
    if (!pair) return ctx.skip()
    const [one, two] = pair
    const money = (want: number, cap: number, scope = 'spend:department:7'): HoldRequest => ({
      ...voice(want, 0),
      line: { scope, cycleKey: '2026-11-16', key: 'money', fields: ['money'], used: 0, cap, stored: true },
    })
    // A cap's snapshot the store lacks: nothing held, the scope named to load.
    const first = [voice(100, 600), money(60, 300)]
    expect(await one.holdAll(first)).toEqual({ held: false, missing: [{ scope: 'spend:department:7', cycleKey: '2026-11-16' }] })
    expect(await two.held('42', '2026-11-16', T0)).toEqual({})
    await two.load({ scope: 'spend:department:7', cycleKey: '2026-11-16', values: { money: 60 } })
    const taken = await one.holdAll(first)
    expect(taken).toMatchObject({ held: true, grants: [{ granted: 100, found: true }, { granted: 60, found: true }] })
    expect(await two.held('spend:department:7', '2026-11-16', T0)).toEqual({ money: 60 })
    // 300 − 60 used − 60 held leaves 180: a hold of 200 would be cut, so neither hold is kept.
    expect(await two.holdAll([voice(100, 600), money(200, 300)])).toEqual({ held: false, missing: [] })
    expect(await one.held('42', '2026-11-16', T0)).toEqual({ 'cat:voice.local.fixed': 100 })
    // Concurrent takers on both instances: exactly the 180 left is held, in whole takes of 20.
    const all = await Promise.all(Array.from({ length: 30 }, (_, i) => pair[i % 2].holdAll([voice(10, 10_000), money(20, 300)])))
    expect(all.filter((a) => a.held)).toHaveLength(9)
    expect(await one.held('spend:department:7', '2026-11-16', T0)).toEqual({ money: 240 })
    expect(await one.held('42', '2026-11-16', T0)).toEqual({ 'cat:voice.local.fixed': 190 })
    // The holds end like any other: a release returns both parts.
    expect((await two.release(first[1].id, T0))?.amount).toBe(60)
    expect(await one.held('spend:department:7', '2026-11-16', T0)).toEqual({ money: 180 })
    await expect(one.holdAll([{ ...first[0], replace: true }])).rejects.toThrow(/new holds only/)
  })

  it('an update keeps what was used and grants more on top; a data grant spills into the pool after the own franchise', async (ctx) => {
    const pair = make()
    if (!pair) return ctx.skip()
    const [one, two] = pair
    const data = (want: number, extra: Partial<HoldRequest> = {}): HoldRequest => ({
      ...voice(want, 0),
      line: { scope: '9', cycleKey: 'c', key: 'data', fields: ['offer:own', 'lineData'], used: 0, cap: 100 + 1000 },
      free: 100,
      pool: { scope: 'account:1', cycleKey: 'c', key: 'pool', fields: ['pool'], used: 0, cap: 500 },
      ...extra,
    })
    const s = data(400)
    expect(await one.hold(s)).toMatchObject({ granted: 400 })
    expect(await two.held('account:1', 'c', T0)).toEqual({ pool: 300 })
    // Another line of the account takes 150 of the pool.
    const other = { ...data(150), line: { scope: '10', cycleKey: 'c', key: 'data', fields: ['lineData'], used: 0, cap: null }, free: 0 }
    expect(await two.hold(other)).toMatchObject({ granted: 150 })
    // 400 used so far, 400 more asked: 100 own + 500 pool - 300 - 150 = 50 more.
    expect(await two.hold({ ...s, replace: true, base: 400, want: 400 })).toMatchObject({ granted: 50, limitedBy: 'pool', found: true })
    expect(await one.held('9', 'c', T0)).toEqual({ data: 450 })
    expect(await one.hold({ ...s, id: 'gone', replace: true, base: 1, want: 1 })).toMatchObject({ found: false })
  })
})
