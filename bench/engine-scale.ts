/**
 * The engine on the customers we serve: `npx tsx bench/engine-scale.ts [--companies 10] [--lines 100000]
 * [--events 1000000 (0: no ingest)] [--db <existing database name>] [--keep] [--no-warm-all]`.
 *
 * 1. A PostgreSQL database with `companies` large tenants of `lines` lines each (plus the demo data),
 *    created by `npm run seed -- --lines N --companies C` with the committed migrations (timed).
 * 2. `npm start` (server.mjs, production build in .next-bench) on it, port 3240; its RSS is sampled
 *    from /proc every 200 ms.
 *    - first authorize on a line of a cold large company (the whole company is read on that request);
 *    - authorize on 2 000 other lines of that (now warm) company never asked before, one at a time;
 *    - autocannon over random lines of it (fast path), 10 connections;
 *    - usage ingest of `events` events over random lines of it through POST /api/engine/usage
 *      (the server's fast path, as a network element's batches arrive), batches of 10 000, two
 *      writers at once; then checks: usage rows,
 *      sums per service, consumption totals, a replayed batch accepts nothing.
 * 3. In a fresh process on the same database: every line of every large company warmed (all
 *    snapshots compiled) and that process's RSS, and the time to warm each company.
 * Prints each target with PASS/FAIL, then one JSON line `{"bench":"engine-scale",…}` (read by bench/run.ts).
 */
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import pg from 'pg'
import { startServer } from './http'
import { scaleSummary, type ScaleFigure } from './scale-report'
import { startEngine, startPayload } from './database'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name)
  return i > 0 ? process.argv[i + 1] : fallback
}
const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const PORT = Number(process.env.BENCH_SCALE_PORT ?? 3240)


const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ')
const urlOf = (db: string) => ADMIN_URL.replace(/\/[^/]*$/, `/${db}`)

function run(cmd: string, args: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (d) => (out += String(d)))
    child.stderr.on('data', (d) => (out += String(d)))
    child.on('close', (code) => resolve({ code: code ?? 1, out }))
  })
}

const rssMB = (pid: number) => {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) / 1024 : 0
  } catch {
    return 0
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]

/** The large companies (by size) and the lines of the largest, read straight from PostgreSQL. */
async function largeCompanies(client: pg.Client) {
  const res = await client.query(`SELECT company_id AS id, count(*)::int AS n FROM lines GROUP BY company_id HAVING count(*) >= 10000 ORDER BY n DESC, company_id`)
  return res.rows as { id: number; n: number }[]
}

async function apiKeyOfSupport(env: Record<string, string>): Promise<string> {
  Object.assign(process.env, env)
  const payload = await startPayload()
  const found = await payload.find({ collection: 'users', where: { role: { equals: 'support' } }, depth: 0, limit: 1, overrideAccess: true })
  const user = found.docs[0] as { id: number } | undefined
  if (!user) throw new Error('no support user in the demo data')
  const apiKey = randomUUID()
  await payload.update({ collection: 'users', id: user.id, data: { enableAPIKey: true, apiKey, mustChangePassword: false, blocked: false } as never, overrideAccess: true })
  await payload.destroy()
  return apiKey
}

/** Mode `--warm-all <url>`: every line of every large company compiled, in this process. */
async function warmAll() {
  const url = process.argv[process.argv.indexOf('--warm-all') + 1]
  Object.assign(process.env, { DATABASE_URL: url, NODE_ENV: 'production', SEED_DEMO: 'false', GOL_DB_PUSH: 'false' })
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const companies = await largeCompanies(client)
  const msisdns = new Map<number, string[]>()
  for (const c of companies) msisdns.set(c.id, (await client.query('SELECT msisdn FROM lines WHERE company_id = $1', [c.id])).rows.map((r) => r.msisdn))
  const allLines = (await client.query('SELECT count(*)::int AS n FROM lines')).rows[0].n as number
  await client.end()
  const { payload, engine } = await startEngine()
  const rssBefore = process.memoryUsage().rss / 2 ** 20
  const t0 = performance.now()
  const perCompany: { id: number; lines: number; firstMs: number; allMs: number }[] = []
  let warmed = 0
  for (const c of companies) {
    const list = msisdns.get(c.id)!
    const s = performance.now()
    if (!(await engine.snapshots.byMsisdn(list[0]))) throw new Error(`line ${list[0]} not found`)
    const first = performance.now() - s
    for (const m of list) if (await engine.snapshots.byMsisdn(m)) warmed++
    perCompany.push({ id: c.id, lines: list.length, firstMs: Math.round(first), allMs: Math.round(performance.now() - s) })
    msisdns.delete(c.id)
  }
  const seconds = (performance.now() - t0) / 1000
  ;(globalThis as { gc?: () => void }).gc?.()
  const mem = process.memoryUsage()
  console.log(JSON.stringify({ warmAll: { lines: warmed, allLines, seconds: Number(seconds.toFixed(1)), rssBeforeMB: Math.round(rssBefore), rssMB: Math.round(mem.rss / 2 ** 20), heapUsedMB: Math.round(mem.heapUsed / 2 ** 20), perCompany } }))
  await payload.destroy()
  process.exit(0)
}

interface Totals {
  voice: number
  sms: number
  data: number
}

function eventsFor(lines: string[], count: number, prefix: string, from: number, totals: Totals) {
  const now = Date.now()
  const events = []
  for (let i = 0; i < count; i++) {
    const line = lines[Math.floor(Math.random() * lines.length)]
    const at = new Date(now - 60_000 - Math.floor(Math.random() * 6 * 3600_000)).toISOString()
    const kind = (from + i) % 3
    if (kind === 0) {
      const units = 1 + Math.floor(Math.random() * 600)
      totals.voice += units
      events.push({ id: `${prefix}-${from + i}`, line, service: 'voice', destination: '1132345678', at, units })
    } else if (kind === 1) {
      totals.sms += 1
      events.push({ id: `${prefix}-${from + i}`, line, service: 'sms', destination: '11991234567', at, units: 1 })
    } else {
      const units = 1 + Math.floor(Math.random() * 5_000_000)
      totals.data += units
      events.push({ id: `${prefix}-${from + i}`, line, service: 'data', at, units })
    }
  }
  return events
}

async function main() {
  const companies = Number(arg('--companies', '10'))
  const linesPer = Number(arg('--lines', '100000'))
  const eventCount = Number(arg('--events', '1000000'))
  const given = arg('--db', '')
  const db = given || `gol_bench_scale_${Date.now()}`
  const url = urlOf(db)
  const secret = `bench-${randomUUID()}`
  const env = { DATABASE_URL: url, PAYLOAD_SECRET: secret, SEED_DEMO: 'false', GOL_DB_PUSH: 'false', NODE_ENV: 'production', NEXT_DIST_DIR: '.next-bench' }
  const out: Record<string, unknown> = { bench: 'engine-scale', companies, linesPerCompany: linesPer, loadBefore: load() }
  const admin = new pg.Client({ connectionString: ADMIN_URL })
  await admin.connect()
  if (!given) {
    await admin.query(`CREATE DATABASE ${db}`)
    const t0 = performance.now()
    const r = await run(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'scripts/seed.ts'), '--lines', String(linesPer), '--companies', String(companies)], env)
    if (r.code !== 0) throw new Error(`seed failed:\n${r.out.slice(-3000)}`)
    out.seedSeconds = Number(((performance.now() - t0) / 1000).toFixed(1))
    console.log(`scale: seeded ${companies} × ${linesPer} lines (+ demo) in ${out.seedSeconds} s; load ${load()}`)
  }
  await admin.end()
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const large = await largeCompanies(client)
  out.linesInDatabase = (await client.query('SELECT count(*)::int AS n FROM lines')).rows[0].n
  const target = large[0]
  const lines: string[] = (await client.query('SELECT msisdn FROM lines WHERE company_id = $1', [target.id])).rows.map((r) => r.msisdn)
  const demoLine: string = (await client.query('SELECT msisdn FROM lines WHERE company_id <> ALL($1::int[]) LIMIT 1', [large.map((c) => c.id)])).rows[0].msisdn
  const apiKey = await apiKeyOfSupport(env)
  const headers = { 'content-type': 'application/json', authorization: `users API-Key ${apiKey}` }
  const base = `http://127.0.0.1:${PORT}`

  const server = await startServer('custom', PORT, { ...env, ENGINE_SNAPSHOT_MAX_LINES: process.env.ENGINE_SNAPSHOT_MAX_LINES ?? '2000000' })
  const pid = server.child.pid!
  let peak = 0
  let sampling = true
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, rssMB(pid))
      await sleep(200)
    }
  })()
  const authorize = async (line: string) => {
    const s = performance.now()
    const res = await fetch(`${base}/api/engine/authorize`, { method: 'POST', headers, body: JSON.stringify({ line, service: 'voice', destination: '1132345678', units: 60 }) })
    const body = (await res.json()) as { allow?: boolean }
    if (res.status !== 200) throw new Error(`authorize ${line}: ${res.status} ${JSON.stringify(body)}`)
    return performance.now() - s
  }
  try {
    out.serverRssAtStartMB = Math.round(rssMB(pid))
    await authorize(demoLine) // the user behind the key, the operator index: not what is measured
    out.firstAuthorizeMs = Math.round(await authorize(lines[0]))
    console.log(`scale: first authorize on the cold ${lines.length}-line company: ${out.firstAuthorizeMs} ms; load ${load()}`)
    const cold: number[] = []
    for (const m of lines.slice(1, 2001)) cold.push(await authorize(m))
    cold.sort((a, b) => a - b)
    out.coldLine = { n: cold.length, p50Ms: Number(percentile(cold, 50).toFixed(2)), p99Ms: Number(percentile(cold, 99).toFixed(2)), maxMs: Number(cold[cold.length - 1].toFixed(2)) }
    console.log(`scale: cold lines of the warm company: ${JSON.stringify(out.coldLine)}`)

    const bodyOf = () => JSON.stringify({ line: lines[Math.floor(Math.random() * lines.length)], service: 'voice', destination: '1132345678', units: 60 })
    const drive = (seconds: number, connections: number) =>
      autocannon({
        url: base,
        connections,
        duration: seconds,
        requests: [{ method: 'POST', path: '/api/engine/authorize', headers, setupRequest: (req: any) => ({ ...req, body: bodyOf() }) }],
      })
    await drive(3, 10)
    const loadHttp = load()
    const r = await drive(Number(process.env.BENCH_SECONDS ?? 15), 10)
    out.http = { connections: 10, requestsPerSecond: Math.round(r.requests.average), p50Ms: r.latency.p50, p99Ms: r.latency.p99, requests: r.requests.total, non2xx: r.non2xx, errors: r.errors, load: loadHttp }
    console.log(`scale: authorize over random lines: ${JSON.stringify(out.http)}`)

    out.serverPeakRssMB = Math.round(peak)
    if (eventCount > 0) await ingest()
  } finally {
    sampling = false
    await sampler
    await server.stop()
    await client.end()
  }
  if (!process.argv.includes('--no-warm-all')) {
    const w = await run(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--warm-all', url], { NODE_OPTIONS: '--max-old-space-size=4096' })
    const line = w.out.split('\n').find((l) => l.startsWith('{"warmAll"'))
    out.warmAll = line ? JSON.parse(line).warmAll : { error: w.out.slice(-2000) }
    console.log(`scale: all lines warm: ${JSON.stringify(out.warmAll)}`)
  }
  out.loadAfter = load()
  if (!given && !process.argv.includes('--keep')) {
    const a = new pg.Client({ connectionString: ADMIN_URL })
    await a.connect()
    await a.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`)
    await a.end()
  } else out.database = db
  for (const row of scaleSummary(out as unknown as ScaleFigure)) console.log(`scale target: ${row.replace(/\*\*/g, '')}`)
  console.log(JSON.stringify(out))

  /** Usage ingest through `npm start` (the engine's fast path; ENGINE_FAST_PATH=off: the Payload endpoint), two writers. */
  async function ingest() {
    const prefix = `scale-${Date.now()}`
    const totals: Totals = { voice: 0, sms: 0, data: 0 }
    const batches = Math.ceil(eventCount / 10_000)
    peak = rssMB(pid)
    let accepted = 0
    let slowest = 0
    let next = 0
    const loadIngest = load()
    const t0 = performance.now()
    const writer = async () => {
      for (;;) {
        const b = next++
        if (b >= batches) return
        const events = eventsFor(lines, Math.min(10_000, eventCount - b * 10_000), prefix, b * 10_000, totals)
        const s = performance.now()
        const res = await fetch(`${base}/api/engine/usage`, { method: 'POST', headers, body: JSON.stringify({ events }) })
        const body = (await res.json()) as { accepted: number; rejected: unknown[] }
        if (res.status !== 200 || body.rejected?.length) throw new Error(`usage batch ${b}: ${res.status} ${JSON.stringify(body).slice(0, 500)}`)
        accepted += body.accepted
        slowest = Math.max(slowest, performance.now() - s)
      }
    }
    await Promise.all([writer(), writer()])
    const seconds = (performance.now() - t0) / 1000
    const ingestPeak = Math.round(peak)
    const rows = await client.query(
      `SELECT service, count(*)::int AS n, sum(units)::float8 AS units FROM usage WHERE company_id = $1 AND event_id LIKE $2 GROUP BY service`,
      [target.id, `${prefix}-%`],
    )
    const by = Object.fromEntries(rows.rows.map((x) => [x.service, x]))
    const usageRows = rows.rows.reduce((s, x) => s + x.n, 0)
    const again = eventsFor(lines, 10_000, prefix, 0, { voice: 0, sms: 0, data: 0 }) // same ids as batch 0
    const rep = (await (await fetch(`${base}/api/engine/usage`, { method: 'POST', headers, body: JSON.stringify({ events: again }) })).json()) as { accepted: number; duplicates: number }
    const ok =
      accepted === eventCount &&
      usageRows === eventCount &&
      Number(by.voice?.units ?? 0) === totals.voice &&
      Number(by.sms?.units ?? 0) === totals.sms &&
      Number(by.data?.units ?? 0) === totals.data &&
      rep.accepted === 0 &&
      rep.duplicates === 10_000
    out.ingest = { events: eventCount, seconds: Number(seconds.toFixed(1)), eventsPerSecond: Math.round(eventCount / seconds), slowestBatchMs: Math.round(slowest), accepted, usageRows, replay: rep, checks: ok, peakRssMB: ingestPeak, load: loadIngest }
    console.log(`scale: ingest: ${JSON.stringify(out.ingest)}`)
    out.serverPeakRssMB = Math.round(Math.max(peak, ingestPeak))
  }
}

if (process.argv.includes('--warm-all')) void warmAll()
else if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    () => process.exit(0),
    (e) => {
      console.error(e)
      process.exit(1)
    },
  )
}
