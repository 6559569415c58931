/**
 * Usage ingest benchmark: `npx tsx bench/engine-ingest.ts [sqlite|postgres] [events] [lines]`.
 * Boots Payload on a fresh database (SQLite file under the OS temp dir, or a new Postgres
 * database next to TEST_POSTGRES_URL / postgres://postgres@127.0.0.1:5432/test), creates a
 * company with N lines (some with franchises, for notices), then records `events` usage
 * events in batches of 10 000 through the engine's bulk path (rating + usage rows +
 * consumption counters + notices, one transaction per batch). Then it checks that no event
 * was lost or counted twice (usage rows, consumption sums against the generated totals),
 * and that replaying a batch changes nothing. Prints one JSON line.
 */
import { generateCnpj, generateMsisdn, mulberry32 } from '../src/validation/generate'
import { benchPayload } from './database'

const kind = (process.argv[2] ?? 'sqlite') as 'sqlite' | 'postgres'
const TOTAL = Number(process.argv[3] ?? 1_000_000)
const LINES = Number(process.argv[4] ?? 1000)
const BATCH = Number(process.env.BENCH_BATCH ?? 10_000)
const STREAMS = Math.max(1, Number(process.env.BENCH_STREAMS ?? 1))
const AT0 = Date.parse('2026-11-17T03:00:00Z') // inside the cycle starting 2026-11-16 (renewal day 16)

async function main() {
  const { db, payload } = await benchPayload(kind, 'ingest')
  const { engineFor } = await import('../src/engine/service')
  const engine = await engineFor(payload)

  const rng = mulberry32(2026)
  const create = (collection: string, data: Record<string, unknown>) =>
    payload.create({ collection: collection as never, data: data as never, overrideAccess: true, depth: 0 }) as Promise<any>
  const company = await create('companies', { cnpj: generateCnpj(rng), name: 'Bench', clientNumber: '12345678', renewalDay: 16 })
  const account = await create('accounts', { company: company.id, number: '900000001' })
  const msisdns: string[] = []
  const seen = new Set<string>()
  while (msisdns.length < LINES) {
    const m = generateMsisdn(rng, 11)
    if (seen.has(m)) continue
    seen.add(m)
    const line = await create('lines', { company: company.id, account: account.id, msisdn: m, name: `Bench ${msisdns.length}` })
    if (msisdns.length < 50) {
      await create('offers', { company: company.id, account: account.id, line: line.id, offer: 'Claro Pós', package: 'Voz 100 min', kind: 'individual', unit: 'minutes', amount: 100 })
    }
    msisdns.push(m)
  }

  // Expected totals, by counter key, of what is generated.
  const expected: Record<string, number> = {}
  const add = (k: string, v: number) => (expected[k] = (expected[k] ?? 0) + v)
  const eventAt = (i: number) => new Date(AT0 + (i % 86_400) * 1000 * 20)
  const makeBatch = (b: number) => {
    const events = []
    for (let j = 0; j < BATCH && b * BATCH + j < TOTAL; j++) {
      const i = b * BATCH + j
      const line = msisdns[i % LINES]
      const r = i % 10
      if (r < 6) {
        const units = 1 + (i % 300)
        events.push({ index: j, id: `ev-${i}`, line, service: 'voice' as const, destination: '32345678', at: eventAt(i), units })
        add('voice', units)
      } else if (r < 9) {
        events.push({ index: j, id: `ev-${i}`, line, service: 'sms' as const, destination: '11991234567', at: eventAt(i), units: 1 })
        add('sms', 1)
      } else {
        const units = 1024 * (1 + (i % 500))
        events.push({ index: j, id: `ev-${i}`, line, service: 'data' as const, at: eventAt(i), units })
        add('data', units)
      }
    }
    return events
  }
  const lineIndex = new Map(msisdns.map((m, i) => [m, i]))
  const resolve = (m: string) => engine.snapshots.byMsisdn(m)

  const batches = Math.ceil(TOTAL / BATCH)
  let accepted = 0
  let rejected = 0
  let notices = 0
  const started = process.hrtime.bigint()
  let slowest = 0
  // STREAMS > 1: that many writers at once, as several network elements would send batches,
  // each with its own share of the lines (a line's events stay in order in one stream).
  const parts = new Map<number, ReturnType<typeof makeBatch>[]>()
  const partOf = (b: number, s: number) => {
    let p = parts.get(b)
    if (!p) {
      p = Array.from({ length: STREAMS }, () => [] as ReturnType<typeof makeBatch>)
      for (const e of makeBatch(b)) p[lineIndex.get(e.line)! % STREAMS].push(e)
      parts.set(b, p)
    }
    const events = p[s]
    p[s] = []
    if (p.every((x) => !x.length)) parts.delete(b)
    return events
  }
  await Promise.all(
    Array.from({ length: STREAMS }, async (_, s) => {
      for (let b = 0; b < batches; b++) {
        const events = STREAMS === 1 ? makeBatch(b) : partOf(b, s)
        const t0 = performance.now()
        const res = await engine.ingest(events, resolve)
        slowest = Math.max(slowest, performance.now() - t0)
        accepted += res.accepted
        rejected += res.rejected.length
        notices += res.notices
        if (res.rejected.length) console.error(res.rejected.slice(0, 3))
      }
    }),
  )
  const seconds = Number(process.hrtime.bigint() - started) / 1e9

  // Checks: nothing lost or counted twice.
  const usageRows = await payload.count({ collection: 'usage' as never, overrideAccess: true })
  const d = payload.db as any
  const { sql } = await import('drizzle-orm')
  const tc = d.tables.consumption
  const sums: { key: string; units: number }[] = await d.drizzle.select({ key: tc.key, units: sql<number>`sum(${tc.units})` }).from(tc).groupBy(tc.key)
  const got = { voice: 0, sms: 0, data: 0 }
  for (const s of sums) {
    if (s.key.startsWith('cat:voice.')) got.voice += Number(s.units)
    else if (s.key.startsWith('cat:sms.')) got.sms += Number(s.units)
    else if (s.key === 'cat:data') got.data += Number(s.units)
  }
  if (process.env.BENCH_DEBUG) {
    const tu = d.tables.usage
    console.log(await d.drizzle.select({ line: tu.line, n: sql`count(*)`, u: sql`sum(${tu.units})` }).from(tu).groupBy(tu.line))
    console.log(await d.drizzle.select().from(tc))
  }
  const want = { ...expected }
  const replay = await engine.ingest(makeBatch(0), resolve)
  const usageAfterReplay = await payload.count({ collection: 'usage' as never, overrideAccess: true })
  const ok =
    accepted === TOTAL &&
    usageRows.totalDocs === TOTAL &&
    got.voice === want.voice &&
    got.sms === want.sms &&
    (got.data === (want.data ?? 0)) &&
    replay.accepted === 0 &&
    replay.duplicates === Math.min(BATCH, TOTAL) &&
    usageAfterReplay.totalDocs === TOTAL
  const result = {
    bench: 'engine-ingest',
    db: kind,
    events: TOTAL,
    lines: LINES,
    batch: BATCH,
    streams: STREAMS,
    seconds: Math.round(seconds * 10) / 10,
    eventsPerSecond: Math.round(TOTAL / seconds),
    slowestBatchMs: Math.round(slowest),
    accepted,
    rejected,
    notices,
    usageRows: usageRows.totalDocs,
    consumption: got,
    expected: want,
    replay: { accepted: replay.accepted, duplicates: replay.duplicates },
    ok,
  }
  console.log(JSON.stringify(result))
  // Bounded: a pool that still has a client checked out would wait for it forever, and the
  // result is already printed (DROP DATABASE … WITH (FORCE) closes what is left).
  const bounded = (p: Promise<unknown> | undefined) => Promise.race([Promise.resolve(p).catch(() => undefined), new Promise((r) => setTimeout(r, 3000))])
  await bounded(payload.destroy())
  const pool = (payload.db as { pool?: { end: () => Promise<void>; on: (e: string, f: () => void) => void } }).pool
  pool?.on('error', () => undefined)
  await bounded(pool?.end())
  await db.drop()
  process.exit(ok ? 0 : 1)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
