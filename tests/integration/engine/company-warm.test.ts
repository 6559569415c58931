import v8 from 'node:v8'
import vm from 'node:vm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Redis } from 'ioredis'
import { MemoryCounterStore, randomPrefix } from '../../../src/engine/adapters/counters'
import { gatewayFromEnv } from '../../../src/engine/adapters/notify'
import { RedisCounterStore } from '../../../src/engine/adapters/redisCounters'
import { SnapshotCache } from '../../../src/engine/adapters/snapshots'
import { cycleFor } from '../../../src/engine/core'
import { Engine, engineFor } from '../../../src/engine/service'
import { seedLargeTenant } from '../../../src/seed/large'
import { generateMsisdn } from '../../../src/validation/generate'
import { startTestApp, type TestApp } from '../../helpers/app'
import { loginAs, makeWorld, type World } from '../../helpers/world'

// A company's snapshots are read in bulk (a few queries, whatever its size) and kept fresh per change.
let app: TestApp
let world: World
let support: string

const TUESDAY_NOON = '2026-11-24T15:00:00.000Z'
const LINES = 3_000
const upd = (collection: string, id: string | number, data: Record<string, unknown>) =>
  app.payload.update({ collection: collection as never, id, data: data as never, overrideAccess: true, depth: 0 })
const authorize = (body: Record<string, unknown>) => app.rest.post('/engine/authorize', { at: TUESDAY_NOON, service: 'voice', ...body }, support)

/** Counts the Local API reads and the SQL statements sent while `f` runs. */
async function countQueries(f: () => Promise<unknown>): Promise<number> {
  const payload = app.payload as any
  const db = payload.db
  let n = 0
  const restore: (() => void)[] = []
  const spy = (obj: any, name: string) => {
    if (!obj || typeof obj[name] !== 'function') return
    const original = obj[name]
    obj[name] = function (...args: unknown[]) {
      n++
      return original.apply(this, args)
    }
    restore.push(() => (obj[name] = original))
  }
  spy(payload, 'find')
  spy(payload, 'findByID')
  spy(db.drizzle, 'select')
  spy(db.pool, 'query')
  spy(db.client, 'execute')
  try {
    await f()
  } finally {
    for (const r of restore) r()
  }
  return n
}

beforeAll(async () => {
  app = await startTestApp()
  world = await makeWorld(app.payload)
  support = await loginAs(app.rest, app.payload, world.support)
})
afterAll(async () => app?.close())

describe('a company of thousands of lines', () => {
  it('is read in a bounded number of queries on first use, then every line answers from memory', async () => {
    const company = await seedLargeTenant(app.payload, LINES, { seed: 77 })
    const msisdns = (await app.payload.find({ collection: 'lines', where: { company: { equals: company.id } }, pagination: false, depth: 0, overrideAccess: true, select: { msisdn: true } as never })).docs.map((d: any) => String(d.msisdn))
    expect(msisdns).toHaveLength(LINES)
    const engine = await engineFor(app.payload)
    const first = await countQueries(() => engine.snapshots.byMsisdn(msisdns[0]))
    // A constant: company, holidays, profiles, pools, franchises, transfers, lines, operator data (a Local API read counts with its own SQL).
    expect(first).toBeLessThanOrEqual(30)
    const rest = await countQueries(async () => {
      for (const m of msisdns) expect(await engine.snapshots.byMsisdn(m)).not.toBeNull()
    })
    expect(rest).toBe(0)
    // The company-wide facts are one object shared by every line, not a copy per line.
    // Two lines of one DDD (list entries resolve against the line's DDD, so parts are per profile and DDD).
    const ddd = (m: string) => m.slice(2, 4)
    const twin = msisdns.slice(2).find((m) => ddd(m) === ddd(msisdns[1]))!
    const [a, b] = await Promise.all([engine.snapshots.byMsisdn(msisdns[1]), engine.snapshots.byMsisdn(twin)])
    expect(a!.snapshot.companyLineKeys).toBe(b!.snapshot.companyLineKeys)
    expect(a!.snapshot.companyLineKeys!.size).toBe(LINES)
    expect(a!.accountLineIds).toBe(b!.accountLineIds)
    expect(a!.accountLineIds).toHaveLength(LINES)
    expect(a!.snapshot.lists).toBe(b!.snapshot.lists)
    // A usage batch over many lines of a warm company reads no snapshot data again.
    await engine.snapshots.preload(msisdns.slice(0, 500))
  })

  it('holds a warm line in a few hundred bytes (1 000 000 warm lines fit the engine in 2 GB)', async () => {
    v8.setFlagsFromString('--expose-gc')
    const gc = vm.runInNewContext('gc') as () => void
    const company = await seedLargeTenant(app.payload, LINES, { seed: 79 })
    const msisdns = (await app.payload.find({ collection: 'lines', where: { company: { equals: company.id } }, pagination: false, depth: 0, overrideAccess: true, select: { msisdn: true } as never })).docs.map((d: any) => String(d.msisdn))
    const cache = new SnapshotCache(app.payload)
    await cache.preload(msisdns)
    // The company's rows, numbers and operator index are read: what the lines add now is their snapshots.
    gc()
    const before = process.memoryUsage().heapUsed
    const kept = await Promise.all(msisdns.map((m) => cache.byMsisdn(m)))
    gc()
    const perLine = (process.memoryUsage().heapUsed - before) / LINES
    expect(kept).not.toContain(null)
    // An object literal with its own getter closure per line took ~1 000 bytes (dictionary-mode properties).
    expect(perLine).toBeLessThan(700)
  })

  it('a cold line met while its company’s counters are being primed takes them from the company read, not from a read of its own', async () => {
    const company = await seedLargeTenant(app.payload, LINES, { seed: 80 })
    const msisdns = (await app.payload.find({ collection: 'lines', where: { company: { equals: company.id } }, pagination: false, depth: 0, overrideAccess: true, select: { msisdn: true } as never })).docs.map((d: any) => String(d.msisdn))
    const at = new Date(TUESDAY_NOON)
    const fresh = () => new Engine(app.payload, new MemoryCounterStore(), gatewayFromEnv(), { reconcileS: 0 })
    const linesOf = async (engine: Engine) => {
      const lines = await Promise.all(msisdns.map(async (m) => (await engine.snapshots.byMsisdn(m))!))
      const ids = engine.snapshots.lineIdsOf(company.id)!.map(String)
      // The priming stores the lines in this order, a chunk at a time: the last one comes last.
      return { first: lines.find((ls) => String(ls.lineId) === ids[0])!, last: lines.find((ls) => String(ls.lineId) === ids.at(-1))! }
    }
    const recorder = fresh()
    const recorded = await linesOf(recorder)
    const cycleKey = cycleFor(at, recorded.last.snapshot.renewalDay).key
    const ingest = await recorder.ingest([{ index: 0, id: 'priming-1', line: recorded.last.msisdn, service: 'voice', destination: '32345678', at, units: 90 }], (m) => recorder.snapshots.byMsisdn(m))
    expect(ingest.accepted).toBe(1)
    await recorder.close()

    const engine = fresh()
    const { first, last } = await linesOf(engine)
    let companyRead: Promise<unknown> | undefined
    const readOfCompany = engine.usage.readConsumptionOfCompany.bind(engine.usage)
    engine.usage.readConsumptionOfCompany = (...args) => {
      const read = readOfCompany(...args)
      companyRead = read
      return read
    }
    let lineReads = 0
    const readOfLines = engine.usage.readConsumption.bind(engine.usage)
    engine.usage.readConsumption = (...args) => {
      lineReads++
      return readOfLines(...args)
    }
    await engine.countersFor(first, cycleKey) // starts the company's priming
    await companyRead
    lineReads = 0
    const counters = await engine.countersFor(last, cycleKey)
    expect(lineReads).toBe(0)
    expect(counters).toEqual(await engine.countersFromDatabase(last, cycleKey))
    expect(Object.values(counters.categories).reduce((a, b) => a + (b ?? 0), 0)).toBeGreaterThan(0)
    await engine.close()
  })

  it('with the counters in Redis, the company’s counters are loaded in bulk: new lines cost no database read', async (ctx) => {
    const url = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null })
    const up = await probe.connect().then(
      () => true,
      () => false,
    )
    probe.disconnect()
    if (!up) ctx.skip()
    const company = await seedLargeTenant(app.payload, 1_000, { seed: 78 })
    const msisdns = (await app.payload.find({ collection: 'lines', where: { company: { equals: company.id } }, pagination: false, depth: 0, overrideAccess: true, select: { msisdn: true } as never })).docs.map((d: any) => String(d.msisdn))
    const store = await RedisCounterStore.connect(url, randomPrefix())
    const engine = new Engine(app.payload, store, gatewayFromEnv(), { reconcileS: 0, deadlineMs: 5_000 })
    const at = new Date(TUESDAY_NOON)
    const ask = { service: 'voice' as const, destination: '32345678', at, units: 60 }
    const lines = await Promise.all(msisdns.map(async (m) => (await engine.snapshots.byMsisdn(m))!))
    expect((await engine.authorize(lines[0], ask)).allow).toBe(true)
    const cycleKey = cycleFor(at, lines[0].snapshot.renewalDay).key
    // The first cold line starts the company's load in the background; wait for its last line.
    for (let i = 0; i < 200 && !(await store.get(String(lines.at(-1)!.lineId), cycleKey)); i++) await new Promise((r) => setTimeout(r, 50))
    const reads = await countQueries(async () => {
      for (const ls of lines.slice(1, 301)) expect((await engine.authorize(ls, ask)).allow).toBe(true)
    })
    expect(reads).toBe(0)
    await engine.close()
  })
})

describe('invalidation reaches the next decision', () => {
  const line = (i: number, w: 'a' | 'b' = 'a') => world[w].lines[i]

  it('a changed MSISDN: the old number is gone, the new one answers and is intragroup for the company', async () => {
    const before = String(line(1).msisdn)
    expect((await authorize({ line: before, destination: String(line(0).msisdn) })).body.category).toMatch(/^voice\.intragroup\./)
    const after = generateMsisdn(world.rng, 19)
    await upd('lines', line(0).id, { msisdn: after })
    expect((await authorize({ line: String(line(0).msisdn) })).status).toBe(404)
    expect((await authorize({ line: after, destination: '1932345678' })).status).toBe(200)
    expect((await authorize({ line: before, destination: after })).body.category).toMatch(/^voice\.intragroup\./)
    expect((await authorize({ line: before, destination: String(line(0).msisdn) })).body.category).not.toMatch(/^voice\.intragroup\./)
    line(0).msisdn = after
  })

  it('a line moved to another company: it leaves the old company (intragroup and access) and joins the new one', async () => {
    const moved = line(2)
    const b = world.b
    expect((await authorize({ line: String(line(0, 'b').msisdn), destination: String(moved.msisdn) })).body.category).not.toMatch(/^voice\.intragroup\./)
    await upd('lines', moved.id, { company: b.company.id, account: b.account.id, department: b.departments[0].id, profile: b.profile.id })
    const adminA = await loginAs(app.rest, app.payload, world.a.users.admin)
    expect((await app.rest.post('/engine/authorize', { line: String(moved.msisdn), service: 'voice', destination: '1932345678' }, adminA)).status).toBe(404)
    const adminB = await loginAs(app.rest, app.payload, world.b.users.admin)
    expect((await app.rest.post('/engine/authorize', { line: String(moved.msisdn), service: 'voice', destination: '1932345678', at: TUESDAY_NOON }, adminB)).status).toBe(200)
    expect((await authorize({ line: String(line(0, 'b').msisdn), destination: String(moved.msisdn) })).body.category).toMatch(/^voice\.intragroup\./)
    expect((await authorize({ line: String(line(1).msisdn), destination: String(moved.msisdn) })).body.category).not.toMatch(/^voice\.intragroup\./)
    const engine = await engineFor(app.payload)
    const ls = await engine.snapshots.byMsisdn(String(moved.msisdn))
    expect(String(ls!.companyId)).toBe(String(b.company.id))
    expect(ls!.accountLineIds.map(String)).toContain(String(moved.id))
    expect((await engine.snapshots.byMsisdn(String(line(1).msisdn)))!.accountLineIds.map(String)).not.toContain(String(moved.id))
  })

  it('a line moved to another account of its company: the pool membership follows', async () => {
    const other = await app.payload.create({ collection: 'accounts', data: { company: world.a.company.id, number: '777000111' } as never, overrideAccess: true, depth: 0 })
    const engine = await engineFor(app.payload)
    expect((await engine.snapshots.byMsisdn(String(line(3).msisdn)))!.accountLineIds.map(String)).toContain(String(line(1).id))
    await upd('lines', line(3).id, { account: other.id })
    const moved = await engine.snapshots.byMsisdn(String(line(3).msisdn))
    expect(String(moved!.accountId)).toBe(String(other.id))
    expect(moved!.accountLineIds.map(String)).toEqual([String(line(3).id)])
    expect((await engine.snapshots.byMsisdn(String(line(1).msisdn)))!.accountLineIds.map(String)).not.toContain(String(line(3).id))
  })

  it('a changed profile applies to the next decision of every line using it', async () => {
    const body = { line: String(line(1).msisdn), destination: '1932345678' }
    expect((await authorize(body)).body.reason.code).toBe('OK')
    await upd('profiles', world.a.profile.id, { limits: [{ category: 'voice.local.fixed', control: 'blocked' }] })
    expect((await authorize(body)).body).toMatchObject({ allow: false, reason: { code: 'CATEGORY_BLOCKED' } })
    await upd('profiles', world.a.profile.id, { limits: [] })
    expect((await authorize(body)).body.reason.code).toBe('OK')
  })
})
