/**
 * CPU cost of the engine on a large company, in process (no HTTP): `npx tsx bench/engine-cold.ts
 * <database url> [--lines 2000] [--random 20000]`, on a database made by `npm run seed -- --lines
 * 100000 --companies 1`. Measures, by process.cpuUsage (what a busy shared machine distorts least):
 * the first authorize on the cold company, authorize on `--lines` lines never asked before, then
 * `--random` authorize over random lines, and warming every line's snapshot. Run it under
 * `node --cpu-prof --import tsx` to see where the time goes. REDIS_URL puts the counters in Redis.
 * `--http <seconds>` then serves the fast path (src/engine/http.ts) on BENCH_PORT (3300), drives it
 * with autocannon from a child process (10 connections, random lines, an API key of the support
 * user) and prints the server's CPU time per request. `--usage <batches>` then posts that many
 * batches of 10 000 usage events over random lines through the same fast path, two writers, and
 * prints events/s and the server's CPU time per event.
 */
import pg from 'pg'
import { startEngine } from './database'

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}
const cpuMs = (from: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(from)
  return (d.user + d.system) / 1000
}
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
const summary = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return { n: s.length, p50: Number(pct(s, 50).toFixed(3)), p99: Number(pct(s, 99).toFixed(3)), max: Number(s[s.length - 1].toFixed(3)) }
}

async function main() {
  const url = process.argv[2]
  Object.assign(process.env, { DATABASE_URL: url, NODE_ENV: 'production', SEED_DEMO: 'false', GOL_DB_PUSH: 'false' })
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const company = (await client.query('SELECT company_id AS id, count(*)::int AS n FROM lines GROUP BY company_id ORDER BY n DESC LIMIT 1')).rows[0]
  const lines: string[] = (await client.query('SELECT msisdn FROM lines WHERE company_id = $1', [company.id])).rows.map((r) => r.msisdn)
  await client.end()
  const { payload, engine } = await startEngine()
  const ask = { service: 'voice' as const, destination: '1132345678', units: 60 }
  const authorize = async (m: string) => {
    const ls = await engine.snapshots.byMsisdn(m)
    if (!ls) throw new Error(`line ${m} not found`)
    return engine.authorize(ls, ask)
  }
  const out: Record<string, unknown> = { lines: lines.length, counters: engine.counters.kind }
  let c = process.cpuUsage()
  let t = performance.now()
  await authorize(lines[0])
  out.first = { cpuMs: Math.round(cpuMs(c)), wallMs: Math.round(performance.now() - t) }
  console.log(`first authorize on the cold company: ${JSON.stringify(out.first)}`)
  const coldCpu: number[] = []
  const coldWall: number[] = []
  for (const m of lines.slice(1, 1 + arg('--lines', 2000))) {
    c = process.cpuUsage()
    t = performance.now()
    await authorize(m)
    coldCpu.push(cpuMs(c))
    coldWall.push(performance.now() - t)
  }
  out.coldLine = { cpuMs: summary(coldCpu), wallMs: summary(coldWall) }
  console.log(`cold lines of the warm company: ${JSON.stringify(out.coldLine)}`)
  const n = arg('--random', 20000)
  c = process.cpuUsage()
  t = performance.now()
  for (let i = 0; i < n; i++) await authorize(lines[Math.floor(Math.random() * lines.length)])
  out.random = { n, cpuUsPerRequest: Math.round((cpuMs(c) * 1000) / n), wallS: Number(((performance.now() - t) / 1000).toFixed(1)) }
  console.log(`random lines: ${JSON.stringify(out.random)}`)
  c = process.cpuUsage()
  t = performance.now()
  for (const m of lines) await engine.snapshots.byMsisdn(m)
  out.warmAll = { cpuMs: Math.round(cpuMs(c)), wallMs: Math.round(performance.now() - t) }
  const seconds = arg('--http', 0)
  if (seconds > 0) out.http = await overHttp(payload, lines, seconds)
  console.log(JSON.stringify(out))
  await engine.close()
  await payload.destroy()
  process.exit(0)
}

/** The fast path in this process, driven from a child process: server CPU per request. */
async function overHttp(payload: import('payload').Payload, lines: string[], seconds: number) {
  const http = await import('node:http')
  const { randomUUID } = await import('node:crypto')
  const { spawn } = await import('node:child_process')
  const { writeFileSync } = await import('node:fs')
  const { createEngineHttp } = await import('../src/engine/http')
  const { ENGINE_FAST_ROUTES } = await import('../src/engine/endpoints')
  const support = await payload.find({ collection: 'users', where: { role: { equals: 'support' } }, limit: 1, overrideAccess: true })
  const key = randomUUID()
  await payload.update({ collection: 'users', id: support.docs[0].id, data: { enableAPIKey: true, apiKey: key } as never, overrideAccess: true })
  const fast = createEngineHttp(ENGINE_FAST_ROUTES, async () => payload)
  const server = http.createServer((req, res) => {
    if (!fast.handle(req, res)) res.writeHead(404).end()
  })
  server.keepAliveTimeout = 65_000
  const port = Number(process.env.BENCH_PORT ?? 3300)
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r))
  const file = `/tmp/engine-cold-lines-${process.pid}.json`
  writeFileSync(file, JSON.stringify(lines))
  const driver = `
    const autocannon = require('autocannon'); const lines = require(${JSON.stringify(file)});
    const body = () => JSON.stringify({ line: lines[Math.floor(Math.random() * lines.length)], service: 'voice', destination: '1132345678', units: 60 })
    autocannon({ url: 'http://127.0.0.1:${port}', connections: 10, duration: ${seconds}, requests: [{ method: 'POST', path: '/api/engine/authorize', headers: { 'content-type': 'application/json', authorization: 'users API-Key ${key}' }, setupRequest: (r) => ({ ...r, body: body() }) }] },
      (e, r) => { console.log(JSON.stringify({ rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, total: r.requests.total, non2xx: r.non2xx })) })`
  const c = process.cpuUsage()
  const result = await new Promise<string>((resolve) => {
    const child = spawn(process.execPath, ['-e', driver], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] })
    let text = ''
    child.stdout.on('data', (d) => (text += String(d)))
    child.on('close', () => resolve(text))
  })
  const cpu = cpuMs(c)
  server.close()
  const r = JSON.parse(result.trim().split('\n').pop()!)
  const out: Record<string, unknown> = { ...r, serverCpuUsPerRequest: Math.round((cpu * 1000) / r.total), serverCpuShare: Number((cpu / 1000 / seconds).toFixed(2)) }
  const batches = arg('--usage', 0)
  if (batches > 0) {
    const run = `cold-${Date.now()}`
    let next = 0
    let events = 0
    const c2 = process.cpuUsage()
    const t0 = performance.now()
    const writer = async () => {
      for (let b = next++; b < batches; b = next++) {
        const at = new Date().toISOString()
        const list = Array.from({ length: 10_000 }, (_, i) => ({ id: `${run}-${b}-${i}`, line: lines[Math.floor(Math.random() * lines.length)], service: 'voice', destination: '1132345678', at, units: 30 }))
        const res = await fetch(`http://127.0.0.1:${port}/api/engine/usage`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `users API-Key ${key}` }, body: JSON.stringify({ events: list }) })
        const body = (await res.json()) as { accepted: number }
        if (res.status !== 200) throw new Error(`usage: ${res.status} ${JSON.stringify(body).slice(0, 300)}`)
        events += body.accepted
      }
    }
    await new Promise<void>((r) => server.listen(port, '127.0.0.1', r))
    await Promise.all([writer(), writer()])
    server.close()
    const s = (performance.now() - t0) / 1000
    out.usage = { events, seconds: Number(s.toFixed(1)), eventsPerSecond: Math.round(events / s), cpuUsPerEvent: Number(((cpuMs(c2) * 1000) / events).toFixed(1)) }
  }
  return out
}

void main()
