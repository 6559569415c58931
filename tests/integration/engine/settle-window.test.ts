import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MemoryCounterStore, randomPrefix, type CounterStore } from '../../../src/engine/adapters/counters'
import { gatewayFromEnv } from '../../../src/engine/adapters/notify'
import { RedisCounterStore } from '../../../src/engine/adapters/redisCounters'
import { Engine } from '../../../src/engine/service'
import { startTestApp, type TestApp } from '../../helpers/app'
import { makeWorld, type World } from '../../helpers/world'

// The window between one instance's commit of usage naming a hold and its settle of that hold
// (issue 11, "never refuse while room is left" across processes): meanwhile another instance
// stores the line's newer database snapshot, which already counts that usage. The hold must
// not be counted beside it. Engine A's settle is paused to hold the window open.
const CAP = 600
const LOCAL_FIXED = '32345678'
const AT = new Date('2026-11-24T15:00:00.000Z')
const redisUrl = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'

let app: TestApp
let world: World
let redisUp = false

beforeAll(async () => {
  const probe = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null })
  redisUp = await probe.connect().then(
    () => true,
    () => false,
  )
  probe.disconnect()
  app = await startTestApp()
  world = await makeWorld(app.payload)
  await app.payload.update({ collection: 'companies', id: world.a.company.id, data: { interruptAtLimit: true } as never, overrideAccess: true })
  await app.payload.update({
    collection: 'profiles',
    id: world.a.profile.id,
    data: { limits: [{ category: 'voice.local.fixed', control: 'limited', quantity: CAP / 60 }] } as never,
    overrideAccess: true,
  })
}, 120_000)
afterAll(async () => app?.close())

/** `store` whose settle of holds waits for `open()` (the instance is between its commit and its settle). */
function pausedSettle(store: CounterStore) {
  let open!: () => void
  const gate = new Promise<void>((r) => (open = r))
  let reached!: () => void
  const waiting = new Promise<void>((r) => (reached = r))
  const paused: CounterStore = Object.create(store)
  paused.settle = async (snapshots, holds) => {
    if (!holds.length) return store.settle(snapshots, holds)
    reached()
    await gate
    return store.settle(snapshots, holds)
  }
  return { store: paused, open, waiting }
}

describe.each([
  ['in process', () => new MemoryCounterStore()],
  ['Redis', () => RedisCounterStore.connect(redisUrl, randomPrefix())],
] as const)('counter store %s, PostgreSQL', (name, makeStore) => {
  it('a snapshot stored between another instance’s commit and its settle does not count that call twice', async (ctx) => {
    if (process.env.TEST_DB !== 'postgres' || (name === 'Redis' && !redisUp)) ctx.skip()
    const shared = await makeStore()
    const paused = pausedSettle(shared)
    const a = new Engine(app.payload, paused.store, gatewayFromEnv(), { reconcileS: 0, deadlineMs: 5000 })
    const b = new Engine(app.payload, shared, gatewayFromEnv(), { reconcileS: 0, deadlineMs: 5000 })
    const line = world.a.lines[name === 'Redis' ? 1 : 2]
    const lsA = (await a.snapshots.byMsisdn(String(line.msisdn)))!
    const lsB = (await b.snapshots.byMsisdn(String(line.msisdn)))!
    const call = { service: 'voice' as const, destination: LOCAL_FIXED, at: AT, units: 300 }
    const ha = await a.authorize(lsA, call)
    const hb = await b.authorize(lsB, call)
    expect([ha.granted, hb.granted]).toEqual([300, 300])
    const use = (engine: Engine, ls: typeof lsA, id: string, hold: string) =>
      engine.ingest([{ index: 0, id: `${name}-${id}`, line: ls.msisdn, service: 'voice', destination: LOCAL_FIXED, at: AT, units: 60, hold }], async () => ls)
    // A commits its call (60 s) and stops before its settle; B then commits and settles its own.
    const recordedA = use(a, lsA, 'a', ha.hold!.id)
    await paused.waiting
    expect(await use(b, lsB, 'b', hb.hold!.id)).toMatchObject({ accepted: 1 })
    // 120 s used, nothing live is held: 480 s are left and must be granted.
    const next = await b.authorize(lsB, { ...call, units: CAP })
    expect(next.granted).toBe(CAP - 120)
    paused.open()
    expect(await recordedA).toMatchObject({ accepted: 1 })
    // Nothing over the limit: the limit is now used and held in full.
    const last = await a.authorize(lsA, { ...call, units: 1 })
    expect(last.allow).toBe(false)
    expect(last.reason.code).toBe('CATEGORY_LIMIT_REACHED')
    await b.releaseHold(next.hold!.id)
    expect((await a.authorize(lsA, { ...call, units: CAP })).granted).toBe(CAP - 120)
    await shared.close()
  }, 60_000)
})
