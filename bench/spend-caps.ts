/**
 * Money caps overhead (issue 15): `npx tsx bench/spend-caps.ts [sqlite|postgres] [calls] [lines]`.
 * One company with a tariff (R$ 0,60/min beyond the franchises) and N lines under a profile
 * limiting local fixed calls (so every grant is held, as in bench/engine-holds.ts). The same
 * random calls are authorized twice, in-process counters: without money caps, then with a
 * blocking cap on each line, on their department and on the company (amounts no call reaches,
 * so both runs grant the same). Each hold is released right after its answer (outside the
 * timing), so live holds stay few. Timed: the authorize calls only, CPU time of the process
 * (the machine is shared). Target: with caps within 10 % of without. Prints one JSON line.
 */
import os from 'node:os'
import { generateCnpj, generateMsisdn, mulberry32 } from '../src/validation/generate'
import { freshDatabase } from './database'

const kind = (process.argv[2] ?? 'sqlite') as 'sqlite' | 'postgres'
const CALLS = Number(process.argv[3] ?? 50_000)
const LINES = Number(process.argv[4] ?? 200)
const AT = new Date('2026-11-24T15:00:00Z')

async function main() {
  const db = await freshDatabase(kind, 'spend')
  process.env.DATABASE_URL = db.url
  process.env.SEED_DEMO = 'false'
  process.env.PAYLOAD_SECRET ??= 'bench-secret'
  process.env.SPEND_CACHE_S = '3600'
  process.env.TARIFF_CACHE_S = '3600'
  delete process.env.REDIS_URL
  const { getPayload } = await import('payload')
  const config = await (await import('../payload.config')).default
  const payload = await getPayload({ config })
  payload.logger.level = 'warn'
  const { engineFor } = await import('../src/engine/service')
  const engine = await engineFor(payload)
  const rng = mulberry32(15)
  const create = (collection: string, data: Record<string, unknown>) => payload.create({ collection: collection as never, data: data as never, overrideAccess: true, depth: 0 }) as Promise<any>
  const company = await create('companies', { cnpj: generateCnpj(rng), name: 'Bench gasto', clientNumber: '12345680', renewalDay: 16, interruptAtLimit: true })
  const account = await create('accounts', { company: company.id, number: '900000003' })
  const department = await create('departments', { company: company.id, name: 'Vendas' })
  const profile = await create('profiles', { company: company.id, name: 'Mil minutos', limits: [{ category: 'voice.local.fixed', control: 'limited', quantity: 100_000 }] })
  await create('tariffs', { company: company.id, name: 'Tarifa', validFrom: '2026-11-01T03:00:00.000Z', voicePerMinute: 0.6, smsPerMessage: 0.25, dataPerMB: 0.1, firstIncrementS: 30, nextIncrementS: 6 })
  const msisdns: string[] = []
  const ids: (string | number)[] = []
  const seen = new Set<string>()
  while (msisdns.length < LINES) {
    const m = generateMsisdn(rng, 11)
    if (seen.has(m)) continue
    seen.add(m)
    const line = await create('lines', { company: company.id, account: account.id, department: department.id, profile: profile.id, msisdn: m, name: `Gasto ${msisdns.length}` })
    msisdns.push(m)
    ids.push(line.id)
  }
  await engine.snapshots.preload(msisdns)
  const snapshots = (await Promise.all(msisdns.map((m) => engine.snapshots.byMsisdn(m))))!
  const calls = Array.from({ length: CALLS }, () => ({ l: Math.floor(rng() * LINES), asked: 1 + Math.floor(rng() * 240) }))

  const run = async () => {
    let cpu = 0
    let granted = 0
    let holds = 0
    for (const { l, asked } of calls) {
      const c0 = process.cpuUsage()
      const d = await engine.authorize(snapshots[l]!, { service: 'voice', destination: '32345678', at: AT, units: asked })
      const c = process.cpuUsage(c0)
      cpu += c.user + c.system
      granted += d.granted
      if (d.hold) {
        holds++
        await engine.releaseHold(d.hold.id)
      }
    }
    return { cpuSeconds: cpu / 1e6, granted, holds }
  }
  await run() // warm (JIT, caches)
  const without = await run()
  for (const id of ids) await create('spend-caps', { company: company.id, scope: 'line', line: id, amount: 1_000_000, control: 'block' })
  await create('spend-caps', { company: company.id, scope: 'department', department: department.id, amount: 10_000_000, control: 'block' })
  await create('spend-caps', { company: company.id, scope: 'company', amount: 10_000_000, control: 'block' })
  await run() // warm the caps
  const withCaps = await run()
  const overhead = withCaps.cpuSeconds / without.cpuSeconds - 1
  const result = {
    bench: 'spend-caps',
    db: kind,
    calls: CALLS,
    lines: LINES,
    withoutCaps: { cpuSeconds: Number(without.cpuSeconds.toFixed(2)), callsPerCpuSecond: Math.round(CALLS / without.cpuSeconds) },
    withCaps: { cpuSeconds: Number(withCaps.cpuSeconds.toFixed(2)), callsPerCpuSecond: Math.round(CALLS / withCaps.cpuSeconds) },
    overheadPercent: Math.round(overhead * 1000) / 10,
    sameGrants: without.granted === withCaps.granted && without.holds === withCaps.holds,
    loadAverage: os.loadavg().map((l) => Number(l.toFixed(1))),
    target: 10,
    pass: overhead <= 0.1 && without.granted === withCaps.granted,
  }
  console.log(`spend-caps: ${CALLS} authorizes, ${result.withoutCaps.callsPerCpuSecond}/CPU s without caps, ${result.withCaps.callsPerCpuSecond}/CPU s with 3 blocking caps (+${result.overheadPercent} %, load ${result.loadAverage.join(' ')}); ${result.pass ? 'PASS' : 'FAIL'} (target ≤ 10 %)`)
  console.log(JSON.stringify(result))
  await Promise.race([payload.destroy().catch(() => undefined), new Promise((r) => setTimeout(r, 3000))])
  await db.drop()
  process.exit(result.pass ? 0 : 1)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
