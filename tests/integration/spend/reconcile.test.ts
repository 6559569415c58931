import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RedisCounterStore } from '../../../src/engine/adapters/redisCounters'
import { gatewayFromEnv } from '../../../src/engine/adapters/notify'
import { Engine } from '../../../src/engine/service'
import { startTestApp, type TestApp } from '../../helpers/app'
import { makeWorld, type World } from '../../helpers/world'

const url = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
const prefix = `spend:test:${randomBytes(6).toString('hex')}:`
const AT = new Date('2026-11-24T15:00:00.000Z')
let up = false
let app: TestApp
let world: World
let engine: Engine

beforeAll(async () => {
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null })
  up = await probe.connect().then(() => probe.ping().then(() => true), () => false)
  probe.disconnect()
  if (!up) return
  app = await startTestApp()
  world = await makeWorld(app.payload)
  engine = new Engine(app.payload, await RedisCounterStore.connect(url, prefix, 2000), gatewayFromEnv(), { reconcileS: 0 })
})
afterAll(async () => {
  await engine?.close()
  await app?.close()
  if (!up) return
  const redis = new Redis(url)
  for (let cursor = '0'; ; ) {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500)
    if (keys.length) await redis.del(...keys)
    if ((cursor = next) === '0') break
  }
  redis.disconnect()
})

describe('cap scopes on Redis', () => {
  it('reconcile checks a cap scope against the money recorded, and drops a wrong one', async (ctx) => {
    if (!up) ctx.skip()
    const { payload } = app
    const a = world.a
    await payload.update({ collection: 'companies', id: a.company.id, data: { interruptAtLimit: true } as never, overrideAccess: true })
    await payload.create({ collection: 'tariffs' as never, data: { company: a.company.id, name: 'T', validFrom: '2026-11-01T03:00:00.000Z', voicePerMinute: 0.6, smsPerMessage: 0.25, dataPerMB: 0.1, firstIncrementS: 30, nextIncrementS: 6 } as never, overrideAccess: true })
    const cap = (await payload.create({ collection: 'spend-caps' as never, data: { company: a.company.id, scope: 'department', department: a.departments[0].id, amount: 10, control: 'block' } as never, overrideAccess: true })) as { id: string }
    // A line cap too: with the department's, both in one store hold (the Lua script's pool slot).
    const lineCap = (await payload.create({ collection: 'spend-caps' as never, data: { company: a.company.id, scope: 'line', line: a.lines[0].id, amount: 20, control: 'block' } as never, overrideAccess: true })) as { id: string }
    const ls = (await engine.snapshots.byMsisdn(String(a.lines[0].msisdn)))!
    const d = await engine.authorize(ls, { service: 'voice', destination: '991234567', at: AT, units: 60 })
    expect(d).toMatchObject({ allow: true, granted: 60, hold: { id: expect.any(String) } })
    await engine.ingest([{ index: 0, id: 'r-1', line: ls.msisdn, service: 'voice', destination: '991234567', at: AT, units: 60, hold: d.hold!.id }], async () => ls)
    const scope = `spend:department:${String(a.departments[0].id)}`
    expect(await engine.counters.get(scope, '2026-11-16')).toMatchObject({ money: 60 })
    expect(await engine.reconcile()).toMatchObject({ fixed: 0 })
    // A wrong (newer-looking) snapshot of the cap: reconcile drops it, the next authorize loads the truth.
    await engine.counters.load({ scope, cycleKey: '2026-11-16', values: { money: 990 } })
    expect(await engine.reconcile()).toMatchObject({ fixed: 1 })
    expect(await engine.counters.get(scope, '2026-11-16')).toBeNull()
    // R$ 10 − R$ 0,60 = R$ 9,40 buys 936 s at R$ 0,60/min on the 30 s + 6 s grid.
    expect(await engine.authorize(ls, { service: 'voice', destination: '991234567', at: AT, units: 3600 })).toMatchObject({ allow: true, granted: 936 })
    const balance = await engine.balance(ls, AT)
    expect(balance.spend).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: String(cap.id), used: 60, held: 936, left: 4 }),
        expect.objectContaining({ id: String(lineCap.id), used: 60, held: 936, left: 1004 }),
      ]),
    )
    // R$ 0,04 left on the department: not even the first 30 s.
    const again = await engine.authorize(ls, { service: 'voice', destination: '991234567', at: AT, units: 60 })
    expect(again).toMatchObject({ allow: false, reason: { code: 'SPEND_CAP_REACHED' } })
  })
})
