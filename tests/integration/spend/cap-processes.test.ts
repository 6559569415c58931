import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateIccid, generateImsi, generateMsisdn } from '../../../src/validation/generate'
import { startTestApp, type TestApp } from '../../helpers/app'
import { raceProcess, redisReachable, redisTestUrl } from '../../helpers/raceProcess'
import { loginAs, makeWorld, type World } from '../../helpers/world'

const url = redisTestUrl
const AT = '2026-11-24T15:00:00.000Z'
let up = false
let app: TestApp
let world: World

beforeAll(async () => {
  up = await redisReachable(url)
  if (!up || process.env.TEST_DB !== 'postgres') return
  app = await startTestApp()
  world = await makeWorld(app.payload)
})
afterAll(async () => app?.close())

type Answer = { line: string; status: number; granted: number; code: string }

const appProcess = (env: Record<string, string>) => raceProcess<{ pid: number; answers: Answer[]; unavailable: number }>(path.join(__dirname, 'fixtures/spend-race.ts'), env)

describe('a department cap shared by 20 lines on two app processes (Redis)', () => {
  // PostgreSQL only: two processes writing one SQLite file is no deployment.
  it('never passes R$ 50 and refuses nobody while money is left', async (ctx) => {
    if (!up || process.env.TEST_DB !== 'postgres') ctx.skip()
    const { payload } = app
    const a = world.a
    const dept = a.departments[0]
    await payload.update({ collection: 'companies', id: a.company.id, data: { interruptAtLimit: true } as never, overrideAccess: true })
    await payload.create({
      collection: 'tariffs' as never,
      data: { company: a.company.id, name: 'Tarifa', validFrom: '2026-11-01T03:00:00.000Z', voicePerMinute: 0.6, smsPerMessage: 0.25, dataPerMB: 0.1, firstIncrementS: 30, nextIncrementS: 6 } as never,
      overrideAccess: true,
    })
    const lines: string[] = []
    for (let i = 0; i < 20; i++) {
      const line = await payload.create({
        collection: 'lines',
        data: { company: a.company.id, account: a.account.id, department: dept.id, profile: a.profile.id, msisdn: generateMsisdn(world.rng, 11), name: `Gasto ${i}`, iccid: generateIccid(world.rng), imsi: generateImsi(world.rng) } as never,
        overrideAccess: true,
        depth: 0,
      })
      lines.push(String((line as { msisdn: string }).msisdn))
    }
    await payload.create({ collection: 'spend-caps' as never, data: { company: a.company.id, scope: 'department', department: dept.id, amount: 50, control: 'block' } as never, overrideAccess: true })
    const token = await loginAs(app.rest, payload, a.users.admin)
    const env = {
      DATABASE_URL: process.env.DATABASE_URL!,
      GOL_DB_PUSH: 'false',
      SEED_DEMO: 'false',
      REDIS_URL: url,
      REDIS_PREFIX: `spend:test:${randomBytes(6).toString('hex')}:`,
      SPEND_LINES: lines.join(','),
      SPEND_TOKEN: token,
      SPEND_AT: AT,
      // 2 processes × 20 lines × 4 calls of 120 s (R$ 1,20 each) = R$ 192 asked of a R$ 50 cap.
      SPEND_CALLS: '4',
      SPEND_UNITS: '120',
      NODE_ENV: 'development',
      ENGINE_STORE_TIMEOUT_MS: '2000',
      ENGINE_STORE_DEADLINE_MS: '4000',
    }
    const procs = await Promise.all([appProcess(env), appProcess(env)])
    const start = Date.now() + 300
    for (const p of procs) p.go(start)
    const results = await Promise.all(procs.map((p) => p.result))
    const answers = results.flatMap((r) => r.answers)
    const usage = await payload.find({ collection: 'usage', where: { msisdn: { in: lines } }, pagination: false, overrideAccess: true, depth: 0 })
    const spent = (usage.docs as unknown as { cost: number }[]).reduce((s, u) => s + u.cost, 0)
    const granted = answers.filter((x) => x.granted > 0)
    const refused = answers.filter((x) => x.granted === 0)
    console.log(`spent ${spent} centavos of 5000 in ${granted.length} grants (${granted.filter((g) => g.granted < 120).length} cut), ${refused.length} refused (${[...new Set(refused.map((r) => r.code))].join(', ')}) by ${results.map((r) => r.pid).join(' + ')}; store unavailable (retried): ${results.map((r) => r.unavailable).join(' + ')}`)
    expect(answers.every((x) => x.status === 200)).toBe(true)
    expect(usage.docs).toHaveLength(granted.length)
    expect(spent).toBeLessThanOrEqual(5000)
    expect(refused.length).toBeGreaterThan(0)
    expect(refused.every((r) => r.code === 'SPEND_CAP_REACHED')).toBe(true)
    // Refusals came only once less than the cheapest grant (30 s = R$ 0,30) was left.
    expect(5000 - spent).toBeLessThan(30)
    for (const r of results) expect(r.answers.some((x) => x.granted > 0)).toBe(true)
    const balance = await app.rest.get(`/engine/balance?line=${lines[0]}&at=${AT}`, token)
    expect(balance.body.spend).toEqual([expect.objectContaining({ scope: 'department', amount: 5000, used: spent, left: 5000 - spent })])
  }, 240_000)
})
