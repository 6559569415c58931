import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomPrefix } from '../../../src/engine/adapters/counters'
import { startTestApp, type TestApp } from '../../helpers/app'
import { raceProcess, redisReachable, redisTestUrl } from '../../helpers/raceProcess'
import { makeWorld, type World } from '../../helpers/world'

const url = redisTestUrl
const TUESDAY_NOON = '2026-11-24T15:00:00.000Z'
let up = false
let app: TestApp
let world: World

beforeAll(async () => {
  up = await redisReachable(url)
  if (!up) {
    console.warn(`Redis not reachable at ${url}: the two-process test is skipped`)
    return
  }
  app = await startTestApp()
  world = await makeWorld(app.payload)
})
afterAll(async () => app?.close())

const appProcess = (env: Record<string, string>) => raceProcess<{ pid: number; granted: number[]; codes: string[]; unavailable: number }>(path.join(__dirname, 'fixtures/authorize-race.ts'), env)

describe('two app processes sharing Redis', () => {
  // PostgreSQL only: two processes writing one SQLite file is no deployment (libsql opens each
  // transaction without a busy timeout, so the writers starve each other for seconds).
  it('calls held then recorded: together they are granted and record exactly a profile limit, never more, never refused while room is left', async (ctx) => {
    if (!up || process.env.TEST_DB !== 'postgres') ctx.skip()
    const cap = 600
    await app.payload.update({ collection: 'companies', id: world.a.company.id, data: { interruptAtLimit: true } as never, overrideAccess: true })
    await app.payload.update({
      collection: 'profiles',
      id: world.a.profile.id,
      data: { limits: [{ category: 'voice.local.fixed', control: 'limited', quantity: 10 }] } as never,
      overrideAccess: true,
    })
    const target = world.a.lines[1]
    const env = {
      DATABASE_URL: process.env.DATABASE_URL!,
      GOL_DB_PUSH: 'false',
      SEED_DEMO: 'false',
      REDIS_URL: url,
      REDIS_PREFIX: randomPrefix(),
      RACE_LINE: String(target.msisdn),
      RACE_AT: TUESDAY_NOON,
      // 2 × 150 calls of 5 s asked (1 500 s) on a 600 s limit; each granted call is recorded with its hold.
      RACE_CALLS: '150',
      RACE_UNITS: '5',
      RACE_PARALLEL: '4',
      RACE_USAGE: '1',
      NODE_ENV: 'development',
      // Not a fault test: generous store timeouts on the shared (very busy) machine.
      ENGINE_STORE_TIMEOUT_MS: '1000',
      ENGINE_STORE_DEADLINE_MS: '2000',
    }
    const procs = await Promise.all([appProcess(env), appProcess(env)])
    const at = Date.now() + 300
    for (const p of procs) p.go(at)
    const results = await Promise.all(procs.map((p) => p.result))
    const perProcess = results.map((r) => r.granted.reduce((s, g) => s + g, 0))
    const rows = await app.payload.find({
      collection: 'consumption' as never,
      where: { line: { equals: target.id }, key: { equals: 'cat:voice.local.fixed' } } as never,
      overrideAccess: true,
    })
    const used = rows.docs.reduce((s, d) => s + Number((d as unknown as { units: number }).units), 0)
    console.log(`held then used per process: ${perProcess.join(' + ')} s; recorded ${used} s of a ${cap} s limit; store unavailable (retried): ${results.map((r) => r.unavailable).join(' + ')}`)
    expect(perProcess[0] + perProcess[1]).toBe(cap)
    expect(used).toBe(cap)
    for (const granted of perProcess) expect(granted).toBeGreaterThan(0)
    for (const r of results) {
      // Once the limit is used up, refusals say so.
      const lastGrant = r.granted.findLastIndex((g) => g > 0)
      expect(lastGrant).toBeGreaterThanOrEqual(0)
      expect(r.codes.slice(lastGrant + 1).every((c) => c === 'CATEGORY_LIMIT_REACHED')).toBe(true)
      // Liveness across processes: while the limit has room, every authorize is granted — also
      // between one process's commit of a call and its settle of that call's hold (the other may
      // store the line's newer snapshot meanwhile: see settle-window.test.ts).
      const early = r.granted.slice(0, lastGrant).filter((g) => g === 0).length
      expect(early, 'refusals while room was left').toBe(0)
    }
  }, 180_000)

  it('never grant together more than a profile limit (interrupt-at-limit on)', async (ctx) => {
    if (!up) ctx.skip()
    const capMinutes = 10
    const cap = capMinutes * 60
    await app.payload.update({ collection: 'companies', id: world.a.company.id, data: { interruptAtLimit: true } as never, overrideAccess: true })
    await app.payload.update({
      collection: 'profiles',
      id: world.a.profile.id,
      data: { limits: [{ category: 'voice.local.fixed', control: 'limited', quantity: capMinutes }] } as never,
      overrideAccess: true,
    })
    const env = {
      DATABASE_URL: process.env.DATABASE_URL!,
      GOL_DB_PUSH: 'false',
      SEED_DEMO: 'false',
      REDIS_URL: url,
      REDIS_PREFIX: randomPrefix(),
      RACE_LINE: String(world.a.lines[0].msisdn),
      RACE_AT: TUESDAY_NOON,
      // Each process asks 150 × 3 s = 450 s, less than the limit alone, 900 s together:
      // both must get grants, and only the shared reservation keeps the total at 600 s.
      RACE_CALLS: '150',
      RACE_UNITS: '3',
      RACE_PARALLEL: '8',
      NODE_ENV: 'development',
      ENGINE_STORE_TIMEOUT_MS: '1000',
      ENGINE_STORE_DEADLINE_MS: '2000',
    }
    const procs = await Promise.all([appProcess(env), appProcess(env)])
    expect(procs[0].child.pid).not.toBe(procs[1].child.pid)
    const at = Date.now() + 300
    for (const p of procs) p.go(at)
    const results = await Promise.all(procs.map((p) => p.result))
    const perProcess = results.map((r) => r.granted.reduce((s, g) => s + g, 0))
    const total = perProcess[0] + perProcess[1]
    console.log(`granted per process: ${perProcess.join(' + ')} = ${total} s of a ${cap} s limit (asked 2 × 450 s)`)
    expect(total).toBeLessThanOrEqual(cap)
    // Interrupt-at-limit on: the last grant is the remainder, so the limit is used exactly.
    expect(total).toBe(cap)
    for (const granted of perProcess) expect(granted).toBeGreaterThan(0)
    for (const r of results) {
      for (let i = 0; i < r.granted.length; i++) {
        if (r.granted[i] === 0) expect(r.codes[i]).toBe('CATEGORY_LIMIT_REACHED')
      }
    }
  }, 180_000)
})
