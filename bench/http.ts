/**
 * HTTP authorize benchmark: `npx tsx bench/http.ts [--no-build] [--seconds N] [--connections N]`.
 * Builds the production app into .next-bench (`NEXT_DIST_DIR=.next-bench npm run build`),
 * starts it on its own port with a fresh SQLite database under a temp dir (migrations and
 * the demo seed run on start), gives a company admin an API key through the Local API, then
 * drives POST /api/engine/authorize on loopback with autocannon, against
 *   - `next start`: the Payload endpoint through Next (what a plain Payload app has),
 *   - `node server.mjs` (`npm start`): the same route answered by the engine's fast path.
 * Requests cycle through the company's lines and a mix of destinations and services.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const DIST = '.next-bench'
export const HTTP_TARGET = { rps: 10_000, p99Ms: 10 }

export interface HttpFigure {
  server: string
  connections: number
  seconds: number
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  requests: number
  non2xx: number
  errors: number
  statuses: Record<string, number>
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function build() {
  const t0 = Date.now()
  const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, env: { ...process.env, NEXT_DIST_DIR: DIST }, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`build failed:\n${(r.stdout + r.stderr).slice(-4000)}`)
  console.log(`build: ${DIST} in ${Math.round((Date.now() - t0) / 1000)} s`)
}

async function waitReady(port: number, child: ChildProcess, log: () => string) {
  const until = Date.now() + 180_000
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${log().slice(-3000)}`)
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/engine/authorize`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
      if (res.status === 401) return
    } catch {
      /* not listening yet */
    }
    await sleep(300)
  }
  throw new Error(`server not ready on ${port}:\n${log().slice(-3000)}`)
}

export async function startServer(kind: 'next' | 'custom', port: number, env: Record<string, string>) {
  const [cmd, args] = kind === 'next' ? [path.join(ROOT, 'node_modules/.bin/next'), ['start', '-p', String(port)]] : [process.execPath, [path.join(ROOT, 'server.mjs')]]
  const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env, PORT: String(port), NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'] })
  let log = ''
  child.stdout!.on('data', (d) => (log += String(d)))
  child.stderr!.on('data', (d) => (log += String(d)))
  await waitReady(port, child, () => log).catch((e: unknown) => {
    child.kill('SIGKILL') // a server that never became ready must not keep the port for the next run
    throw e
  })
  return {
    child,
    log: () => log,
    stop: async () => {
      if (child.exitCode !== null) return
      child.kill('SIGTERM')
      await Promise.race([new Promise((r) => child.once('exit', r)), sleep(5000)])
      if (child.exitCode === null) child.kill('SIGKILL')
    },
  }
}

/** An API key for the first company's admin, and that company's active lines (Local API on the same file). */
export async function integrator(env: Record<string, string>): Promise<{ apiKey: string; lines: string[]; company: string }> {
  const saved = { ...process.env }
  Object.assign(process.env, env, { GOL_DB_PUSH: 'false', SEED_DEMO: 'false' })
  const { getPayload } = await import('payload')
  const config = await (await import('../payload.config')).default
  const payload = await getPayload({ config })
  payload.logger.level = 'warn'
  const admins = await payload.find({ collection: 'users', where: { role: { equals: 'admin' } }, depth: 0, limit: 50, overrideAccess: true })
  const admin = admins.docs.find((u: any) => (u.companies ?? []).length === 1 && !u.blocked) as any
  if (!admin) throw new Error('no single-company admin in the demo data')
  const companyId = admin.companies[0]
  const apiKey = randomUUID()
  await payload.update({ collection: 'users', id: admin.id, data: { enableAPIKey: true, apiKey, mustChangePassword: false } as never, overrideAccess: true })
  const company = (await payload.findByID({ collection: 'companies', id: companyId, depth: 0, overrideAccess: true })) as any
  const lines = await payload.find({ collection: 'lines', where: { company: { equals: companyId }, status: { equals: 'active' } }, depth: 0, limit: 1000, overrideAccess: true })
  await payload.destroy()
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k]
  Object.assign(process.env, saved)
  return { apiKey, lines: lines.docs.map((l: any) => String(l.msisdn)), company: String(company.name) }
}

function requestsFor(lines: string[]) {
  const kinds = [
    { service: 'voice', destination: '32345678', units: 120 },
    { service: 'voice', destination: '11987654321' },
    { service: 'voice', destination: '02121987654321', units: 300 },
    { service: 'sms', destination: '11991234567' },
    { service: 'data', units: 5_000_000 },
    { service: 'voice', destination: '08007771234' },
  ]
  const bodies: string[] = []
  for (let i = 0; i < Math.min(lines.length, 40); i++) bodies.push(JSON.stringify({ line: lines[i], ...kinds[i % kinds.length] }))
  return bodies
}

/**
 * Through the running server: a profile saved through the REST API (Next, Payload) must apply
 * to the next decision of the fast path (E3) — one Payload instance and one engine in the process.
 */
async function profileChangeApplies(port: number, apiKey: string, msisdn: string): Promise<string> {
  const base = `http://127.0.0.1:${port}/api`
  const headers = { 'content-type': 'application/json', authorization: `users API-Key ${apiKey}` }
  const decide = async () =>
    (await (await fetch(`${base}/engine/authorize`, { method: 'POST', headers, body: JSON.stringify({ line: msisdn, service: 'voice', destination: '32345678', units: 60 }) })).json()) as any
  const found = (await (await fetch(`${base}/lines?where[msisdn][equals]=${msisdn}&depth=0`, { headers })).json()) as any
  const profileId = found.docs?.[0]?.profile
  if (profileId == null) return 'skipped (line without a profile)'
  const profile = (await (await fetch(`${base}/profiles/${profileId}?depth=0`, { headers })).json()) as any
  const limits = (profile.limits ?? []).map(({ id: _id, ...l }: any) => l)
  const patch = (body: unknown) => fetch(`${base}/profiles/${profileId}`, { method: 'PATCH', headers, body: JSON.stringify(body) })
  try {
    const saved = await patch({ limits: [...limits.filter((l: any) => l.category !== 'voice.local.fixed'), { category: 'voice.local.fixed', control: 'blocked' }] })
    if (!saved.ok) return `FAILED: PATCH answered ${saved.status} ${await saved.text()}`
    const after = await decide()
    return ['CATEGORY_BLOCKED', 'OUTSIDE_CALENDAR', 'HOLIDAY'].includes(after.reason?.code) ? `ok (${after.reason.code} right after the save)` : `FAILED: ${JSON.stringify(after)}`
  } finally {
    await patch({ limits })
  }
}

async function drive(port: number, apiKey: string, bodies: string[], connections: number, seconds: number): Promise<autocannon.Result> {
  return autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: seconds,
    requests: bodies.map((body) => ({
      method: 'POST',
      path: '/api/engine/authorize',
      headers: { 'content-type': 'application/json', authorization: `users API-Key ${apiKey}` },
      body,
    })),
  })
}

function figure(server: string, connections: number, seconds: number, r: autocannon.Result): HttpFigure {
  const statuses: Record<string, number> = {}
  for (const k of ['1xx', '2xx', '3xx', '4xx', '5xx'] as const) if ((r as any)[k]) statuses[k] = (r as any)[k]
  return {
    server,
    connections,
    seconds,
    requestsPerSecond: Math.round(r.requests.average),
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    statuses,
  }
}

export async function runHttpBench(options: { build?: boolean; seconds?: number; connections?: number[]; port?: number } = {}): Promise<{ figures: HttpFigure[]; company: string; lines: number; sample: unknown; invalidation: string }> {
  const seconds = options.seconds ?? 10
  const connectionSets = options.connections ?? [10, 50]
  const port = options.port ?? 3107
  if (options.build !== false) build()
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gol-bench-http-'))
  const env = {
    GOL_DATA_DIR: dir,
    DATABASE_URL: `file:${path.join(dir, 'gol.db')}`,
    PAYLOAD_SECRET: `bench-${randomUUID()}`,
    SEED_DEMO: 'true',
    NEXT_DIST_DIR: DIST,
  }
  delete process.env.REDIS_URL
  const figures: HttpFigure[] = []
  let company = ''
  let lines: string[] = []
  let sample: unknown
  let invalidation = 'not checked'
  try {
    for (const kind of ['next', 'custom'] as const) {
      const server = await startServer(kind, port, env)
      try {
        if (!lines.length) ({ company, lines } = await integrator(env).then((r) => ((env as any).API_KEY = r.apiKey, r)))
        const apiKey = (env as any).API_KEY as string
        const bodies = requestsFor(lines)
        const one = await fetch(`http://127.0.0.1:${port}/api/engine/authorize`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `users API-Key ${apiKey}` },
          body: bodies[0],
        })
        sample = { status: one.status, body: await one.json() }
        if (one.status !== 200) throw new Error(`authorize answered ${one.status}: ${JSON.stringify(sample)}`)
        if (kind === 'custom') {
          invalidation = await profileChangeApplies(port, apiKey, lines[0])
          console.log(`http: profile saved through Next applies to the fast path: ${invalidation}`)
        }
        await drive(port, apiKey, bodies, 10, 3) // warm-up (JIT, caches)
        for (const c of connectionSets) {
          const name = kind === 'next' ? 'next start (Payload endpoint)' : 'server.mjs (engine fast path)'
          const f = figure(name, c, seconds, await drive(port, apiKey, bodies, c, seconds))
          console.log(`http: ${f.server}, ${c} connections: ${f.requestsPerSecond.toLocaleString('en')} req/s, p50 ${f.p50Ms} ms, p99 ${f.p99Ms} ms, non-2xx ${f.non2xx}, errors ${f.errors}`)
          figures.push(f)
        }
      } finally {
        await server.stop()
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return { figures, company, lines: lines.length, sample, invalidation }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name)
    return i > 0 ? process.argv[i + 1] : undefined
  }
  runHttpBench({
    build: !process.argv.includes('--no-build'),
    seconds: Number(arg('--seconds') ?? 10),
    connections: arg('--connections')?.split(',').map(Number),
  })
    .then((r) => {
      console.log(JSON.stringify(r))
      process.exit(0)
    })
    .catch((e) => {
      console.error(e)
      process.exit(1)
    })
}
