import fc from 'fast-check'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MemoryCounterStore, randomPrefix, type CounterStore } from '../../../src/engine/adapters/counters'
import { gatewayFromEnv } from '../../../src/engine/adapters/notify'
import { RedisCounterStore } from '../../../src/engine/adapters/redisCounters'
import { usageStoreFor } from '../../../src/engine/adapters/usage'
import { Engine } from '../../../src/engine/service'
import type { LineSnapshot } from '../../../src/engine/adapters/snapshots'
import { startTestApp, type TestApp } from '../../helpers/app'
import { makeWorld, type World } from '../../helpers/world'

// Model-based test of the engine production runs (Engine: authorize, ingest, holds, expiry),
// against a small reference model: random sequences of authorize / usage with and without a
// hold / replayed usage / hold update / release / clock advance / restart, on the in-process
// store and on Redis with two engine instances. Each run has a cycle of its own.
const MB = 1024 * 1024
const VOICE_CAP = 300 // 5 minutes
const SMS_CAP = 3
const QUOTA = 20 * MB
const POOL = 30 * MB
const GRACE_S = 60
const TTL_S = 300
const LOCAL_FIXED = '32345678'
const redisUrl = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'

let app: TestApp
let world: World
let redisUp = false
const clients: Redis[] = []

beforeAll(async () => {
  const probe = new Redis(redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  })
  redisUp = await probe.connect().then(
    () => true,
    () => false,
  )
  probe.disconnect()
  app = await startTestApp()
  world = await makeWorld(app.payload)
  const upd = (collection: string, id: unknown, data: Record<string, unknown>) =>
    app.payload.update({
      collection: collection as never,
      id: id as never,
      data: data as never,
      overrideAccess: true,
    })
  await upd('companies', world.a.company.id, { interruptAtLimit: true })
  await upd('profiles', world.a.profile.id, {
    limits: [
      {
        category: 'voice.local.fixed',
        control: 'limited',
        quantity: VOICE_CAP / 60,
      },
      { category: 'sms.other', control: 'limited', quantity: SMS_CAP },
    ],
  })
  await app.payload.create({
    collection: 'offers' as never,
    data: {
      company: world.a.company.id,
      account: world.a.account.id,
      offer: 'Claro Empresa',
      package: 'Pool 30 MB',
      kind: 'shared',
      unit: 'mb',
      amount: POOL / MB,
    } as never,
    overrideAccess: true,
  })
  await upd('lines', world.a.lines[0].id, {
    quota: { control: 'limited', amountMB: QUOTA / MB },
  })
}, 120_000)
afterAll(async () => {
  for (const c of clients) await c.quit().catch(() => undefined)
  await app?.close()
})

type Kind = 'voice' | 'sms' | 'data'
interface ModelHold {
  id: string
  line: number
  kind: Kind
  amount: number
  expiresAt: number
}

/** The reference: what was used, what is held, and the clock. */
class Model {
  used = { voice: 0, sms: 0, data: [0, 0] }
  holds: ModelHold[] = []
  batches: Record<string, unknown>[][] = []
  constructor(public now: number) {}
  expire() {
    this.holds = this.holds.filter((h) => h.expiresAt > this.now)
  }
  held(pred: (h: ModelHold) => boolean) {
    this.expire()
    return this.holds.filter(pred).reduce((s, h) => s + h.amount, 0)
  }
  /** Units a grant of `kind` on `line` may take now (excluding `except`, a hold being updated). */
  room(kind: Kind, line: number, except?: string): number {
    const other = (h: ModelHold) => h.id !== except
    if (kind === 'voice') return VOICE_CAP - this.used.voice - this.held((h) => h.kind === 'voice' && other(h))
    if (kind === 'sms') return SMS_CAP - this.used.sms - this.held((h) => h.kind === 'sms' && other(h))
    const pool = POOL - this.used.data[0] - this.used.data[1] - this.held((h) => h.kind === 'data' && other(h))
    if (line === 1) return pool
    return Math.min(pool, QUOTA - this.used.data[0] - this.held((h) => h.kind === 'data' && h.line === 0 && other(h)))
  }
}

interface Real {
  engines: Engine[]
  restart(i: number): void
  lines: LineSnapshot[]
  at: Date
  cycleKey: string
  run: string
  eventNo: number
}

const request = (kind: Kind) =>
  kind === 'voice' ? { service: 'voice' as const, destination: LOCAL_FIXED } : kind === 'sms' ? { service: 'sms' as const, destination: '19991234567' } : { service: 'data' as const }
const maxAsk = (kind: Kind) => (kind === 'voice' ? VOICE_CAP : kind === 'sms' ? SMS_CAP : QUOTA)

class Authorize implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly engine: number,
    readonly line: number,
    readonly kind: Kind,
    readonly ask: number,
  ) {}
  check = () => this.kind === 'data' || this.line === 0
  async run(m: Model, r: Real) {
    const units = Math.max(1, Math.ceil(this.ask * maxAsk(this.kind)))
    const room = Math.max(0, m.room(this.kind, this.line))
    const d = await r.engines[this.engine].authorize(r.lines[this.line], {
      ...request(this.kind),
      at: r.at,
      units,
    })
    // Safety (never more than the room) and liveness (granted whenever room is left, up to the ask).
    expect(d.granted, `${this.toString()} room ${room}`).toBe(Math.min(units, room))
    expect(d.allow).toBe(room > 0)
    if (d.allow) {
      expect(d.hold).toBeDefined()
      const expected = m.now + (this.kind === 'voice' ? d.granted * 1000 + GRACE_S * 1000 : TTL_S * 1000)
      expect(d.hold!.expiresAt.getTime()).toBe(expected)
      m.holds.push({
        id: d.hold!.id,
        line: this.line,
        kind: this.kind,
        amount: d.granted,
        expiresAt: expected,
      })
    } else expect(d.reason.code).toMatch(this.kind === 'data' ? /QUOTA_EXHAUSTED|POOL_EXHAUSTED/ : /CATEGORY_LIMIT_REACHED/)
  }
  toString = () => `authorize(e${this.engine}, line ${this.line}, ${this.kind}, ${this.ask.toFixed(2)})`
}

async function record(r: Real, events: Record<string, unknown>[], engine = 0) {
  const result = await r.engines[engine].ingest(
    events.map((e, index) => ({ index, ...(e as object) }) as never),
    async (msisdn) => r.lines.find((l) => l.msisdn === msisdn) ?? null,
  )
  return result
}

class Use implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly pick: number,
    readonly fraction: number,
    readonly engine: number,
  ) {}
  check = (m: Readonly<Model>) => m.holds.length > 0
  async run(m: Model, r: Real) {
    const h = m.holds[this.pick % m.holds.length]
    const units = Math.floor(h.amount * this.fraction)
    const event = {
      id: `${r.run}-${++r.eventNo}`,
      line: r.lines[h.line].msisdn,
      ...request(h.kind),
      at: r.at,
      units,
      hold: h.id,
    }
    const result = await record(r, [event], this.engine)
    expect(result).toMatchObject({ accepted: 1, duplicates: 0, rejected: [] })
    m.batches.push([event])
    m.holds = m.holds.filter((x) => x.id !== h.id)
    if (h.kind === 'data') m.used.data[h.line] += units
    else m.used[h.kind] += units
  }
  toString = () => `use(hold #${this.pick}, ${this.fraction.toFixed(2)}, e${this.engine})`
}

/** A record without a hold (a CDR import), small enough to fit what is left. */
class Import implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly kind: Kind,
    readonly fraction: number,
  ) {}
  check = () => true
  async run(m: Model, r: Real) {
    const units = Math.floor(Math.max(0, m.room(this.kind, 0)) * this.fraction)
    const event = {
      id: `${r.run}-${++r.eventNo}`,
      line: r.lines[0].msisdn,
      ...request(this.kind),
      at: r.at,
      units,
    }
    expect(await record(r, [event])).toMatchObject({ accepted: 1 })
    m.batches.push([event])
    if (this.kind === 'data') m.used.data[0] += units
    else m.used[this.kind] += units
  }
  toString = () => `import(${this.kind}, ${this.fraction.toFixed(2)})`
}

class Replay implements fc.AsyncCommand<Model, Real> {
  constructor(readonly pick: number) {}
  check = (m: Readonly<Model>) => m.batches.length > 0
  async run(m: Model, r: Real) {
    const batch = m.batches[this.pick % m.batches.length]
    expect(await record(r, batch, 1 % r.engines.length)).toMatchObject({
      accepted: 0,
      duplicates: batch.length,
    })
  }
  toString = () => `replay(#${this.pick})`
}

class Update implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly pick: number,
    readonly fraction: number,
    readonly more: number,
  ) {}
  check = (m: Readonly<Model>) => m.holds.some((h) => h.kind === 'data')
  async run(m: Model, r: Real) {
    m.expire()
    const data = m.holds.filter((h) => h.kind === 'data')
    if (!data.length) return
    const h = data[this.pick % data.length]
    const used = Math.floor(h.amount * this.fraction)
    const more = Math.ceil(this.more * maxAsk('data'))
    const room = Math.max(0, m.room('data', h.line, h.id) - used)
    const engine = r.engines[this.pick % r.engines.length]
    const hold = await engine.holdOf(h.id)
    expect(hold).not.toBeNull()
    const d = await engine.updateHold(r.lines[h.line], hold!, used, more)
    expect(d!.granted, `${this.toString()} room ${room}`).toBe(Math.min(more, room))
    h.amount = used + d!.granted
    h.expiresAt = m.now + TTL_S * 1000
  }
  toString = () => `update(hold #${this.pick}, used ${this.fraction.toFixed(2)}, more ${this.more.toFixed(2)})`
}

class Release implements fc.AsyncCommand<Model, Real> {
  constructor(readonly pick: number) {}
  check = (m: Readonly<Model>) => m.holds.length > 0
  async run(m: Model, r: Real) {
    m.expire()
    if (!m.holds.length) return
    const h = m.holds[this.pick % m.holds.length]
    expect((await r.engines[0].releaseHold(h.id))?.amount).toBe(h.amount)
    m.holds = m.holds.filter((x) => x.id !== h.id)
  }
  toString = () => `release(#${this.pick})`
}

class Advance implements fc.AsyncCommand<Model, Real> {
  constructor(readonly seconds: number) {}
  check = () => true
  async run(m: Model) {
    m.now += this.seconds * 1000
    m.expire()
  }
  toString = () => `advance(${this.seconds} s)`
}

class Restart implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly engine: number,
    readonly forgetsHolds: boolean,
  ) {}
  check = () => true
  async run(m: Model, r: Real) {
    r.restart(this.engine % r.engines.length)
    // In process, a restart forgets the holds (they lived in the process); Redis keeps them.
    if (this.forgetsHolds) m.holds = []
  }
  toString = () => `restart(e${this.engine})`
}

const commands = (engines: number, memory: boolean) => {
  const authorize = fc
    .tuple(fc.nat(engines - 1), fc.nat(1), fc.constantFrom<Kind>('voice', 'sms', 'data'), fc.integer({ min: 1, max: 100 }).map((x) => x / 100))
    .map(([e, l, k, a]) => new Authorize(e, l, k, a))
  const use = fc.tuple(fc.nat(20), fc.integer({ min: 0, max: 100 }).map((x) => x / 100), fc.nat(engines - 1)).map(([p, f, e]) => new Use(p, f, e))
  // Listed more than once: weights (calls and their records are most of the traffic).
  return [
    authorize,
    authorize,
    authorize,
    use,
    use,
    fc.tuple(fc.constantFrom<Kind>('voice', 'sms', 'data'), fc.integer({ min: 0, max: 50 }).map((x) => x / 100)).map(([k, f]) => new Import(k, f)),
    fc.nat(20).map((p) => new Replay(p)),
    fc.tuple(fc.nat(20), fc.integer({ min: 0, max: 100 }).map((x) => x / 100), fc.integer({ min: 0, max: 100 }).map((x) => x / 100)).map(([p, f, mo]) => new Update(p, f, mo)),
    fc.nat(20).map((p) => new Release(p)),
    fc.constantFrom(30, 200, 400).map((s) => new Advance(s)),
    fc.nat(engines - 1).map((e) => new Restart(e, memory)),
  ]
}

let runNo = 0

async function runModel(kind: 'memory' | 'redis') {
  const engineCount = kind === 'memory' ? 1 : 2
  const prefix = randomPrefix()
  const newStore = (): CounterStore => {
    if (kind === 'memory') return new MemoryCounterStore()
    const c = new Redis(redisUrl)
    clients.push(c)
    return new RedisCounterStore(c as never, prefix)
  }
  await fc.assert(
    fc.asyncProperty(
      fc.commands(commands(engineCount, kind === 'memory'), {
        maxCommands: 40,
        size: 'large',
      }),
      async (cmds) => {
        const n = ++runNo
        // A cycle per run: 20th of a month, renewal day 16.
        const at = new Date(Date.UTC(2030 + Math.floor(n / 12), n % 12, 20, 15))
        const model = new Model(Date.parse('2030-01-01T00:00:00Z') + n * 86_400_000)
        const clock = () => model.now
        const make = () =>
          new Engine(app.payload, newStore(), gatewayFromEnv(), {
            clock,
            holdGraceS: GRACE_S,
            holdTtlS: TTL_S,
            reconcileS: 0,
            deadlineMs: 5000,
          })
        const engines = Array.from({ length: engineCount }, make)
        const lines = [(await engines[0].snapshots.byMsisdn(String(world.a.lines[0].msisdn)))!, (await engines[0].snapshots.byMsisdn(String(world.a.lines[1].msisdn)))!]
        const real: Real = {
          engines,
          lines,
          at,
          cycleKey: '',
          run: `${kind}-${n}-${prefix}`,
          eventNo: 0,
          restart: (i) => {
            void engines[i].close()
            engines[i] = make()
          },
        }
        try {
          await fc.asyncModelRun(() => ({ model, real }), cmds)
          // Counters equal the sum of recorded usage, in the database and in the store; the pool never went over.
          const cycleKey = `${at.getUTCFullYear()}-${String(at.getUTCMonth() + 1).padStart(2, '0')}-16`
          const db0 = await usageStoreFor(app.payload).readConsumption([lines[0].lineId], cycleKey)
          const db1 = await usageStoreFor(app.payload).readConsumption([lines[1].lineId], cycleKey)
          expect(db0['cat:voice.local.fixed'] ?? 0).toBe(model.used.voice)
          expect(db0['cat:sms.other'] ?? 0).toBe(model.used.sms)
          expect(db0['cat:data'] ?? 0).toBe(model.used.data[0])
          expect(db1['cat:data'] ?? 0).toBe(model.used.data[1])
          expect(model.used.voice).toBeLessThanOrEqual(VOICE_CAP)
          expect(model.used.sms).toBeLessThanOrEqual(SMS_CAP)
          expect(model.used.data[0]).toBeLessThanOrEqual(QUOTA)
          expect(model.used.data[0] + model.used.data[1]).toBeLessThanOrEqual(POOL)
          for (const e of engines) {
            const c = await e.countersFor(lines[0], cycleKey)
            expect(c.categories['voice.local.fixed'] ?? 0).toBe(model.used.voice)
            expect(c.lineDataBytes).toBe(model.used.data[0])
            expect(c.poolBytes).toBe(model.used.data[0] + model.used.data[1])
          }
        } finally {
          for (const e of engines) await e.close()
        }
      },
    ),
    { numRuns: Number(process.env.MODEL_RUNS ?? 20), endOnFailure: true },
  )
}

describe('model: the engine against a reference', () => {
  it('in-process counters, one engine that restarts', async () => {
    await runModel('memory')
  }, 600_000)

  it('Redis counters, two engine instances', async (ctx) => {
    if (!redisUp) return ctx.skip()
    await runModel('redis')
  }, 600_000)
})
