/**
 * Money caps overhead (issue 15): `npx tsx bench/spend-caps.ts [sqlite|postgres] [calls] [lines]`.
 * Two companies alike: a tariff (R$ 0,60/min beyond the franchises), N lines each under a profile
 * limiting local fixed calls (so every grant is held, as in bench/engine-holds.ts); the second
 * company also has a blocking cap on each line, on its department and on itself (amounts no
 * call reaches, so both grant the same). The same random calls are authorized on the lines of
 * both, in blocks that alternate (A B, B A, A B, …) so that load drift, GC and JIT state fall on
 * both sides alike; each block's holds are released after it, outside the timing. Timed: each
 * block's authorize calls, CPU time of the process (the machine is shared). Blocks of 500 calls
 * (SPEND_BENCH_BLOCK), so a few hundred holds are live at once, as calls in progress are in a
 * company: a cost that grows with live holds shows. Target: with caps
 * within 10 % of without. Run with the in-process counter store, and with Redis too when
 * REDIS_URL is set (own key prefix, deleted at the end; Redis' own CPU is another process's and
 * is printed apart, from INFO, shared with whoever else uses that Redis). Prints one JSON line.
 *
 * (Before: one run without caps, then the caps created, then one run with them, each once, per
 * call: a drift of the machine's load between the two runs went straight into the figure.)
 */
import os from 'node:os'
import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import { generateCnpj, generateMsisdn, mulberry32 } from '../src/validation/generate'
import type { LineSnapshot } from '../src/engine/adapters/snapshots'
import type { Engine } from '../src/engine/service'
import { benchPayload } from './database'

const kind = (process.argv[2] ?? 'sqlite') as 'sqlite' | 'postgres'
const CALLS = Number(process.argv[3] ?? 50_000)
const LINES = Number(process.argv[4] ?? 200)
const BLOCK = Number(process.env.SPEND_BENCH_BLOCK ?? 500)
const AT = new Date('2026-11-24T15:00:00Z')
const REDIS_URL = process.env.REDIS_URL

interface Side {
  cpuMicros: number
  granted: number
  holds: number
}

async function main() {
  process.env.SPEND_CACHE_S = '3600'
  process.env.TARIFF_CACHE_S = '3600'
  // In-process counters for the Payload instance; the Redis side (REDIS_URL, read above) has its own engines.
  const { db, payload } = await benchPayload(kind, 'spend')
  const { engineFor, Engine: EngineClass } = await import('../src/engine/service')
  const rng = mulberry32(15)
  const create = (collection: string, data: Record<string, unknown>) => payload.create({ collection: collection as never, data: data as never, overrideAccess: true, depth: 0 }) as Promise<any>

  const seen = new Set<string>()
  /** A company with its tariff, profile and lines; the lines' ids and numbers. */
  const company = async (name: string, clientNumber: string) => {
    const c = await create('companies', { cnpj: generateCnpj(rng), name, clientNumber, renewalDay: 16, interruptAtLimit: true })
    const account = await create('accounts', { company: c.id, number: `9${clientNumber}` })
    const department = await create('departments', { company: c.id, name: 'Vendas' })
    const profile = await create('profiles', { company: c.id, name: 'Mil minutos', limits: [{ category: 'voice.local.fixed', control: 'limited', quantity: 100_000 }] })
    await create('tariffs', { company: c.id, name: 'Tarifa', validFrom: '2026-11-01T03:00:00.000Z', voicePerMinute: 0.6, smsPerMessage: 0.25, dataPerMB: 0.1, firstIncrementS: 30, nextIncrementS: 6 })
    const msisdns: string[] = []
    const ids: (string | number)[] = []
    while (msisdns.length < LINES) {
      const m = generateMsisdn(rng, 11)
      if (seen.has(m)) continue
      seen.add(m)
      const line = await create('lines', { company: c.id, account: account.id, department: department.id, profile: profile.id, msisdn: m, name: `${name} ${msisdns.length}` })
      msisdns.push(m)
      ids.push(line.id)
    }
    return { id: c.id, department: department.id, msisdns, ids }
  }
  const plain = await company('Bench sem limite', '12345680')
  const capped = await company('Bench com limites', '12345681')
  for (const id of capped.ids) await create('spend-caps', { company: capped.id, scope: 'line', line: id, amount: 1_000_000, control: 'block' })
  await create('spend-caps', { company: capped.id, scope: 'department', department: capped.department, amount: 10_000_000, control: 'block' })
  await create('spend-caps', { company: capped.id, scope: 'company', amount: 10_000_000, control: 'block' })
  const calls = Array.from({ length: CALLS }, () => ({ l: Math.floor(rng() * LINES), asked: 1 + Math.floor(rng() * 240) }))

  const lines = async (engine: Engine, msisdns: string[]) => {
    await engine.snapshots.preload(msisdns)
    return (await Promise.all(msisdns.map((m) => engine.snapshots.byMsisdn(m)))) as LineSnapshot[]
  }

  /** One block of calls on one company's lines: CPU time of its authorizes; its holds released after. */
  const block = async (engine: Engine, snapshots: LineSnapshot[], from: number, side: Side) => {
    const held: string[] = []
    const c0 = process.cpuUsage()
    for (let i = from; i < Math.min(from + BLOCK, CALLS); i++) {
      const { l, asked } = calls[i]
      const d = await engine.authorize(snapshots[l], { service: 'voice', destination: '32345678', at: AT, units: asked })
      side.granted += d.granted
      if (d.hold) held.push(d.hold.id)
    }
    const c = process.cpuUsage(c0)
    side.cpuMicros += c.user + c.system
    side.holds += held.length
    for (const id of held) await engine.releaseHold(id)
  }

  /** Every call on both companies, blocks alternating A B, B A, …; the overhead per pair of blocks too. */
  const interleaved = async (engine: Engine, redisCpu?: () => Promise<number>) => {
    const a = await lines(engine, plain.msisdns)
    const b = await lines(engine, capped.msisdns)
    const warm: Side = { cpuMicros: 0, granted: 0, holds: 0 }
    for (let i = 0; i < CALLS; i += BLOCK) {
      await block(engine, a, i, warm)
      await block(engine, b, i, warm)
    }
    const without: Side = { cpuMicros: 0, granted: 0, holds: 0 }
    const withCaps: Side = { cpuMicros: 0, granted: 0, holds: 0 }
    const pairs: number[] = []
    const redis = { without: 0, withCaps: 0 }
    for (let i = 0, n = 0; i < CALLS; i += BLOCK, n++) {
      const before = { a: without.cpuMicros, b: withCaps.cpuMicros }
      for (const capsFirst of n % 2 ? [true, false] : [false, true]) {
        const r0 = redisCpu ? await redisCpu() : 0
        await block(engine, capsFirst ? b : a, i, capsFirst ? withCaps : without)
        if (redisCpu) redis[capsFirst ? 'withCaps' : 'without'] += (await redisCpu()) - r0
      }
      pairs.push((withCaps.cpuMicros - before.b) / (without.cpuMicros - before.a) - 1)
    }
    pairs.sort((x, y) => x - y)
    const overhead = withCaps.cpuMicros / without.cpuMicros - 1
    const pct = (x: number) => Math.round(x * 1000) / 10
    return {
      withoutCaps: { cpuSeconds: Number((without.cpuMicros / 1e6).toFixed(3)), callsPerCpuSecond: Math.round(CALLS / (without.cpuMicros / 1e6)) },
      withCaps: { cpuSeconds: Number((withCaps.cpuMicros / 1e6).toFixed(3)), callsPerCpuSecond: Math.round(CALLS / (withCaps.cpuMicros / 1e6)) },
      overheadPercent: pct(overhead),
      medianPairPercent: pct(pairs[Math.floor(pairs.length / 2)]),
      ...(redisCpu ? { redisServerCpuSeconds: { without: Number(redis.without.toFixed(3)), withCaps: Number(redis.withCaps.toFixed(3)) } } : {}),
      sameGrants: without.granted === withCaps.granted && without.holds === withCaps.holds,
      pass: overhead <= 0.1 && without.granted === withCaps.granted,
    }
  }

  const memory = await interleaved(await engineFor(payload))

  let redis: Awaited<ReturnType<typeof interleaved>> | undefined
  if (REDIS_URL) {
    const { RedisCounterStore } = await import('../src/engine/adapters/redisCounters')
    const { guarded } = await import('../src/engine/adapters/counters')
    const { gatewayFromEnv } = await import('../src/engine/adapters/notify')
    const prefix = `gol:bench:spend:${randomBytes(6).toString('hex')}:`
    const engine = new EngineClass(payload, guarded(await RedisCounterStore.connect(REDIS_URL, prefix, 1000), 1025), gatewayFromEnv(), { reconcileS: 0, deadlineMs: 1000 })
    const info = new Redis(REDIS_URL)
    const redisCpu = async () => {
      const text = await info.info('cpu')
      const of = (k: string) => Number(new RegExp(`${k}:([\\d.]+)`).exec(text)?.[1] ?? 0)
      return of('used_cpu_user') + of('used_cpu_sys')
    }
    try {
      redis = await interleaved(engine, redisCpu)
    } finally {
      let cursor = '0'
      do {
        const [next, keys] = await info.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000)
        cursor = next
        if (keys.length) await info.del(...keys)
      } while (cursor !== '0')
      await info.quit()
      await engine.close()
    }
  }

  const result = {
    bench: 'spend-caps',
    db: kind,
    calls: CALLS,
    lines: LINES,
    ...memory,
    ...(redis ? { redis } : {}),
    loadAverage: os.loadavg().map((l) => Number(l.toFixed(1))),
    target: 10,
    pass: memory.pass && (redis?.pass ?? true),
  }
  const say = (store: string, r: typeof memory) =>
    `${store}: ${r.withoutCaps.callsPerCpuSecond}/CPU s without caps, ${r.withCaps.callsPerCpuSecond}/CPU s with 3 blocking caps (${r.overheadPercent >= 0 ? '+' : ''}${r.overheadPercent} %, median of block pairs ${r.medianPairPercent} %)`
  console.log(`spend-caps: ${CALLS} authorizes a side; ${say('in process', memory)}${redis ? `; ${say('Redis', redis)}` : ''} (load ${result.loadAverage.join(' ')}); ${result.pass ? 'PASS' : 'FAIL'} (target ≤ 10 %)`)
  console.log(JSON.stringify(result))
  await Promise.race([payload.destroy().catch(() => undefined), new Promise((r) => setTimeout(r, 3000))])
  await db.drop()
  process.exit(result.pass ? 0 : 1)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
