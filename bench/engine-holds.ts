/**
 * Hold workload: `npx tsx bench/engine-holds.ts [postgres|sqlite] [calls] [lines]`.
 * Payload on a fresh database, one company (interrupt-at-limit on) with N lines under a profile
 * limiting local fixed calls to 10 minutes; then `calls` calls, each authorize (a random 1–240 s
 * call on a random line) → usage naming its hold for the seconds granted, the usage sent in
 * batches of 1 000 as a mediation system would. Checked: every decision equals the reference
 * (granted = min(asked, what the line has left counting live holds), refused once nothing is
 * left), the database counts exactly what was granted per line, and no hold is left.
 * In-process counters (one instance). Prints one JSON line.
 */
import os from 'node:os'
import { generateCnpj, generateMsisdn, mulberry32 } from '../src/validation/generate'
import { freshDatabase, startEngine } from './database'

const kind = (process.argv[2] ?? 'postgres') as 'sqlite' | 'postgres'
const CALLS = Number(process.argv[3] ?? 100_000)
const LINES = Number(process.argv[4] ?? 1000)
const BATCH = 1000
const CAP = 600
const TARGET = 5000
const AT = new Date('2026-11-24T15:00:00Z')

async function main() {
  const db = await freshDatabase(kind, 'holds')
  process.env.DATABASE_URL = db.url
  process.env.SEED_DEMO = 'false'
  process.env.PAYLOAD_SECRET ??= 'bench-secret'
  delete process.env.REDIS_URL
  const { payload, engine } = await startEngine()
  const { usageStoreFor } = await import('../src/engine/adapters/usage')

  const rng = mulberry32(11)
  const create = (collection: string, data: Record<string, unknown>) => payload.create({ collection: collection as never, data: data as never, overrideAccess: true, depth: 0 }) as Promise<any>
  const company = await create('companies', { cnpj: generateCnpj(rng), name: 'Bench holds', clientNumber: '12345679', renewalDay: 16, interruptAtLimit: true })
  const account = await create('accounts', { company: company.id, number: '900000002' })
  const profile = await create('profiles', { company: company.id, name: 'Dez minutos', limits: [{ category: 'voice.local.fixed', control: 'limited', quantity: CAP / 60 }] })
  const msisdns: string[] = []
  const ids: (string | number)[] = []
  const seen = new Set<string>()
  while (msisdns.length < LINES) {
    const m = generateMsisdn(rng, 11)
    if (seen.has(m)) continue
    seen.add(m)
    const line = await create('lines', { company: company.id, account: account.id, profile: profile.id, msisdn: m, name: `Holds ${msisdns.length}` })
    msisdns.push(m)
    ids.push(line.id)
  }
  await engine.snapshots.preload(msisdns)
  const snapshots = await Promise.all(msisdns.map((m) => engine.snapshots.byMsisdn(m)))

  const granted = new Array<number>(LINES).fill(0)
  let mismatches = 0
  let allowed = 0
  let pending: { index: number; id: string; line: string; service: 'voice'; destination: string; at: Date; units: number; hold?: string }[] = []
  const flush = async () => {
    const res = await engine.ingest(pending, async (m) => snapshots[msisdns.indexOf(m)] ?? null)
    if (res.accepted !== pending.length) mismatches++
    pending = []
  }
  const started = process.hrtime.bigint()
  const cpu0 = process.cpuUsage()
  for (let i = 0; i < CALLS; i++) {
    const l = Math.floor(rng() * LINES)
    const asked = 1 + Math.floor(rng() * 240)
    const d = await engine.authorize(snapshots[l]!, { service: 'voice', destination: '32345678', at: AT, units: asked })
    const expected = Math.max(0, Math.min(asked, CAP - granted[l]))
    if (d.granted !== expected || d.allow !== expected > 0 || (d.allow && !d.hold)) mismatches++
    if (!d.allow) continue
    allowed++
    granted[l] += d.granted
    pending.push({ index: pending.length, id: `call-${i}`, line: msisdns[l], service: 'voice', destination: '32345678', at: AT, units: d.granted, hold: d.hold?.id })
    if (pending.length >= BATCH) await flush()
  }
  if (pending.length) await flush()
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  // The machine is shared: the CPU this process got says how much of the wall time was waiting for a core.
  const cpu = process.cpuUsage(cpu0)
  const cpuSeconds = (cpu.user + cpu.system) / 1e6

  const recorded = await usageStoreFor(payload).readConsumptionByLine(ids, '2026-11-16')
  let wrongLines = 0
  let held = 0
  for (let l = 0; l < LINES; l++) {
    if ((recorded.get(String(ids[l]))?.['cat:voice.local.fixed'] ?? 0) !== granted[l]) wrongLines++
    held += Object.values(await engine.counters.held(String(ids[l]), '2026-11-16', engine.now())).reduce((s, v) => s + v, 0)
  }
  const callsPerSecond = Math.round(CALLS / seconds)
  const ok = mismatches === 0 && wrongLines === 0 && held === 0
  const result = {
    bench: 'engine-holds',
    db: kind,
    calls: CALLS,
    lines: LINES,
    allowed,
    refused: CALLS - allowed,
    seconds: Math.round(seconds * 10) / 10,
    callsPerSecond,
    cpuSeconds: Math.round(cpuSeconds * 10) / 10,
    callsPerCpuSecond: Math.round(CALLS / cpuSeconds),
    loadAverage: os.loadavg().map((l) => Number(l.toFixed(1))),
    target: TARGET,
    mismatches,
    wrongLines,
    heldLeft: held,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    ok,
    pass: ok && callsPerSecond >= TARGET,
  }
  console.log(`engine-holds: ${CALLS} calls (${allowed} allowed) in ${result.seconds} s = ${callsPerSecond} calls/s (${result.callsPerCpuSecond} per CPU second, load ${result.loadAverage.join(' ')}); checks ${ok ? 'ok' : 'FAILED'}; ${result.pass ? 'PASS' : 'FAIL'} (target ≥ ${TARGET} calls/s)`)
  console.log(JSON.stringify(result))
  await Promise.race([payload.destroy().catch(() => undefined), new Promise((r) => setTimeout(r, 3000))])
  const pool = (payload.db as { pool?: { end: () => Promise<void>; on: (e: string, f: () => void) => void } }).pool
  pool?.on('error', () => undefined)
  await Promise.race([pool?.end().catch(() => undefined), new Promise((r) => setTimeout(r, 3000))])
  await db.drop()
  process.exit(result.pass ? 0 : 1)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
