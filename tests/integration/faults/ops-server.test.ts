import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../helpers/app'
import { loginAs, makeWorld, type World } from '../../helpers/world'
import { hasBuild, startServer, type Proc } from './processes'

/**
 * Issue 12, what production does to a server: the built app as `npm start` runs it
 * (server.mjs, production, the committed migrations) on PostgreSQL, killed with kill -9
 * during usage ingest, its database connections terminated, Redis unreachable, SIGTERM with
 * a batch in flight. Needs PostgreSQL and the build in .next-e2e (CI builds it first);
 * skipped on SQLite, and outside CI when the build is missing.
 */
const enabled = process.env.TEST_DB === 'postgres' && (hasBuild() || Boolean(process.env.CI))
const PORTS = { first: 3261, second: 3262, redis: 3263 }
const TUESDAY = Date.parse('2026-11-24T15:00:00.000Z')
const LOCAL_FIXED = '1933221100'

let app: TestApp
let world: World
let token: string
const servers: Proc[] = []

beforeAll(async () => {
  if (!enabled) return
  // The server runs the migrations (production): the database is built by them, not pushed.
  app = await startTestApp({ push: false })
  const { migrations } = await import('../../../src/migrations/postgres')
  await app.payload.db.migrate({ migrations: migrations as never })
  world = await makeWorld(app.payload)
  token = await loginAs(app.rest, app.payload, world.a.users.admin)
}, 120_000)
afterAll(async () => {
  for (const s of servers) s.kill()
  await app?.close()
})

const serve = async (port: number, env: Record<string, string | undefined> = {}) => {
  const s = await startServer(port, { DATABASE_URL: process.env.DATABASE_URL, PAYLOAD_SECRET: process.env.PAYLOAD_SECRET, ...env })
  servers.push(s)
  return s
}

type Event = { id: string; line: string; service: string; destination: string; at: string; units: number }
/** `count` batches of `size` voice events on one line, units 1..5, unique ids under `prefix`. */
function batches(prefix: string, count: number, size: number, line: string): Event[][] {
  return Array.from({ length: count }, (_, b) =>
    Array.from({ length: size }, (_, i) => ({ id: `${prefix}-${b}-${i}`, line, service: 'voice', destination: LOCAL_FIXED, at: new Date(TUESDAY + (b * size + i) * 1000).toISOString(), units: 1 + ((b + i) % 5) })),
  )
}

async function post(port: number, events: Event[]): Promise<number> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/engine/usage`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `JWT ${token}` }, body: JSON.stringify({ events }) })
    await res.text()
    return res.status
  } catch {
    return 0 // connection refused or reset
  }
}

/** Sends every batch until each is answered 200 (a client's resend), `parallel` at a time. */
async function sendAll(port: number, all: Event[][], parallel = 3, onAnswer?: (acked: number) => void): Promise<{ tries: number }> {
  let next = 0
  let tries = 0
  let acked = 0
  const lane = async () => {
    while (next < all.length) {
      const batch = all[next++]
      for (let attempt = 0; ; attempt++) {
        tries++
        if ((await post(port, batch)) === 200) break
        if (attempt > 20) throw new Error('batch never accepted')
        await new Promise((r) => setTimeout(r, 250))
      }
      onAnswer?.(++acked)
    }
  }
  await Promise.all(Array.from({ length: parallel }, lane))
  return { tries }
}

/** Usage rows of `prefix` and the line's voice counter, straight from the database. */
async function figures(prefix: string, lineId: string | number) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await client.connect()
  try {
    const rows = await client.query('SELECT count(*)::int AS n, coalesce(sum(units), 0)::int AS units FROM usage WHERE event_id LIKE $1', [`${prefix}-%`])
    const counter = await client.query(`SELECT coalesce(sum(units), 0)::int AS units FROM consumption WHERE line_id = $1 AND key = 'cat:voice.local.fixed'`, [lineId])
    return { rows: rows.rows[0].n as number, rowUnits: rows.rows[0].units as number, counter: counter.rows[0].units as number }
  } finally {
    await client.end()
  }
}
const unitsOf = (all: Event[][]) => all.flat().reduce((s, e) => s + e.units, 0)

describe('the server under faults (PostgreSQL, real processes)', () => {
  it('kill -9 during ingest: after the client resends, nothing is lost and nothing counted twice', async (ctx) => {
    if (!enabled) ctx.skip()
    const line = world.a.lines[0]
    const all = batches('kill', 40, 100, String(line.msisdn))
    const first = await serve(PORTS.first)
    let ackedBeforeKill = 0
    const sending = sendAll(PORTS.first, all, 3, (n) => {
      ackedBeforeKill = n
      if (n === 10) first.kill('SIGKILL')
    }).catch(() => undefined)
    await first.exited
    const second = await serve(PORTS.second)
    await Promise.race([sending, new Promise((r) => setTimeout(r, 5_000))])
    const resend = await sendAll(PORTS.second, all)
    const f = await figures('kill', line.id)
    console.log(`kill -9 during ingest: ${all.flat().length} events in ${all.length} batches, ${ackedBeforeKill} batches answered before the kill, ${resend.tries} posts on resend; usage rows ${f.rows}, their units ${f.rowUnits}, counter ${f.counter} (expected ${unitsOf(all)})`)
    expect(f.rows).toBe(all.flat().length)
    expect(f.rowUnits).toBe(unitsOf(all))
    expect(f.counter).toBe(unitsOf(all))
    expect(second.output()).not.toMatch(/Would you like to proceed/)
  }, 300_000)

  it('PostgreSQL connections terminated during ingest: the server recovers by itself, exact counts', async (ctx) => {
    if (!enabled) ctx.skip()
    const line = world.a.lines[1]
    const all = batches('term', 30, 100, String(line.msisdn))
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await admin.connect()
    const db = new URL(process.env.DATABASE_URL!).pathname.slice(1)
    // This test process's own Payload pool is on the same database: its idle connections are cut
    // too, and an idle client's error with no listener would be an uncaught exception here.
    ;(app.payload.db as { pool?: { on: (e: string, f: () => void) => void } }).pool?.on('error', () => undefined)
    let terminated = 0
    const sending = sendAll(PORTS.second, all)
    for (let i = 0; i < 4; i++) {
      await new Promise((r) => setTimeout(r, 700))
      const r = await admin.query('SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [db])
      terminated += r.rows[0].n
    }
    await admin.end()
    const sent = await sending
    const health = await fetch(`http://127.0.0.1:${PORTS.second}/api/health/ready`)
    const f = await figures('term', line.id)
    console.log(`pg_terminate_backend ×4 during ingest: ${terminated} connections terminated, ${all.flat().length} events, ${sent.tries} posts for ${all.length} batches; usage rows ${f.rows}, counter ${f.counter} (expected ${unitsOf(all)}); ready ${health.status}`)
    expect(f.rows).toBe(all.flat().length)
    expect(f.counter).toBe(unitsOf(all))
    expect(health.status).toBe(200)
  }, 300_000)

  it('SIGTERM with a batch in flight: the batch is answered and recorded, then the process exits 0', async (ctx) => {
    if (!enabled) ctx.skip()
    const second = servers.find((s) => s.output().includes(`:${PORTS.second}`))!
    const line = world.a.lines[2]
    const [big] = batches('term-flight', 1, 3000, String(line.msisdn))
    const answer = post(PORTS.second, big)
    await new Promise((r) => setTimeout(r, 150))
    const signalled = Date.now()
    second.kill('SIGTERM')
    const status = await answer
    const code = await second.exited
    const f = await figures('term-flight', line.id)
    console.log(`SIGTERM with a 3000-event batch in flight: answered ${status}, exit ${String(code)} after ${Date.now() - signalled} ms, rows ${f.rows}`)
    expect(status).toBe(200)
    expect(code).toBe(0)
    expect(f.rows).toBe(3000)
    expect(second.output()).toMatch(/GOL: SIGTERM: parando de aceitar/)
    expect(await post(PORTS.second, big)).toBe(0) // no longer accepting
  }, 120_000)

  it('Redis unreachable: health and non-engine requests are answered; readiness names Redis; JSON log lines', async (ctx) => {
    if (!enabled) ctx.skip()
    const server = await serve(PORTS.redis, { REDIS_URL: 'redis://127.0.0.1:1', LOG_FORMAT: 'json' })
    const base = `http://127.0.0.1:${PORTS.redis}`
    const started = Date.now()
    const live = await fetch(`${base}/api/health`)
    const liveMs = Date.now() - started
    const ready = await fetch(`${base}/api/health/ready`)
    const readyBody = await ready.json()
    const lines = await fetch(`${base}/api/lines?limit=5&depth=0`, { headers: { authorization: `JWT ${token}`, 'x-request-id': 'ops-test-1' } })
    const anonymous = await fetch(`${base}/api/lines`)
    await new Promise((r) => setTimeout(r, 300))
    console.log(`Redis unreachable: health ${live.status} in ${liveMs} ms, ready ${ready.status} ${JSON.stringify(readyBody.checks.redis)}, GET /api/lines ${lines.status}, anonymous ${anonymous.status}`)
    expect(live.status).toBe(200)
    expect(ready.status).toBe(503)
    expect(readyBody.checks.redis.ok).toBe(false)
    expect(readyBody.checks.database.ok).toBe(true)
    expect(lines.status).toBe(200)
    expect(anonymous.status).toBe(403)
    const json = server
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l))
    const logged = json.find((l) => l.requestId === 'ops-test-1')
    expect(logged).toMatchObject({ msg: 'request', method: 'GET', path: '/api/lines', status: 200, userId: world.a.users.admin.id, companyId: world.a.company.id })
    expect(typeof logged.durationMs).toBe('number')
    // The anonymous 403: its request line and at most one line from Payload, no stack trace.
    expect(server.output()).not.toMatch(/^\s+at /m)
  }, 180_000)
})
