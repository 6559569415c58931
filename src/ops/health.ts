import type { Endpoint, Payload } from 'payload'
import { runnerStatus } from '../jobs/runner'
import { databaseKind, redisUrl } from '../lib/settings'
import { healthTimeoutMs, schemaByMigrations } from '../lib/settings'

type Check = { ok: boolean; ms: number; detail?: string }

const CHECK_TIMEOUT_MS = healthTimeoutMs()

/** Set by the server when it starts draining (SIGTERM): readiness then answers 503 so balancers stop sending. */
const DRAINING = Symbol.for('gol.draining')
export const isDraining = (): boolean => Boolean((globalThis as Record<symbol, unknown>)[DRAINING])
export const setDraining = (): void => void ((globalThis as Record<symbol, unknown>)[DRAINING] = true)

async function timed(run: () => Promise<string | undefined>): Promise<Check> {
  const started = Date.now()
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`sem resposta em ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS)))
  try {
    const detail = await Promise.race([run(), timeout])
    return { ok: true, ms: Date.now() - started, ...(detail ? { detail } : {}) }
  } catch (error) {
    return { ok: false, ms: Date.now() - started, detail: error instanceof Error ? error.message : String(error) }
  } finally {
    clearTimeout(timer)
  }
}

/** The names of the committed migrations of this database's engine. */
async function committedMigrations(): Promise<string[]> {
  const kind = databaseKind()
  if (kind === 'mongodb') return []
  const { migrations } = kind === 'sqlite' ? await import('../migrations/sqlite') : await import('../migrations/postgres')
  return migrations.map((m) => m.name)
}

let redis: { ping(): Promise<string>; status: string } | undefined
/** A client of its own for the check: fails fast (no offline queue) and keeps reconnecting. */
async function redisPing(url: string): Promise<string | undefined> {
  if (!redis) {
    const { Redis } = await import('ioredis')
    const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 0, connectTimeout: CHECK_TIMEOUT_MS, retryStrategy: () => 1000, lazyConnect: false })
    client.on('error', () => undefined) // reported by the check
    redis = client
  }
  await redis.ping()
  return undefined
}

/** Closes the check's Redis client (graceful shutdown). */
export async function closeHealthClients(): Promise<void> {
  const client = redis as unknown as { quit(): Promise<unknown> } | undefined
  redis = undefined
  await client?.quit().catch(() => undefined)
}

/** Readiness: database reachable, migrations applied, Redis reachable (when set), the jobs runner alive, not draining. */
export async function readiness(payload: Payload): Promise<{ ok: boolean; checks: Record<string, Check> }> {
  const url = redisUrl()
  const [database, redisCheck] = await Promise.all([
    timed(async () => {
      const applied = await payload.find({ collection: 'payload-migrations', limit: 0, pagination: false, depth: 0, overrideAccess: true })
      if (!schemaByMigrations()) return 'esquema por push (desenvolvimento)'
      const names = new Set(applied.docs.map((d) => (d as { name?: string }).name))
      const missing = (await committedMigrations()).filter((n) => !names.has(n))
      if (missing.length) throw new Error(`migrações não aplicadas: ${missing.join(', ')}`)
      return undefined
    }),
    url ? timed(() => redisPing(url)) : Promise.resolve<Check>({ ok: true, ms: 0, detail: 'REDIS_URL não definida' }),
  ])
  const runner = runnerStatus()
  const checks: Record<string, Check> = {
    database,
    redis: redisCheck,
    jobs: { ok: runner.alive, ms: 0, detail: runner.running ? `${runner.jobs} em execução, último batimento há ${runner.lastBeatMs} ms` : 'fila executada por outro processo (JOBS_AUTORUN=false)' },
    draining: { ok: !isDraining(), ms: 0, ...(isDraining() ? { detail: 'encerrando (SIGTERM)' } : {}) },
  }
  return { ok: Object.values(checks).every((c) => c.ok), checks }
}

const noStore = { 'cache-control': 'no-store' }

/** GET /api/health (liveness: the process answers) and GET /api/health/ready (readiness), for load balancers. */
export const healthEndpoints: Endpoint[] = [
  {
    path: '/health',
    method: 'get',
    handler: () => Response.json({ status: 'ok' }, { headers: noStore }),
  },
  {
    path: '/health/ready',
    method: 'get',
    handler: async (req) => {
      const { ok, checks } = await readiness(req.payload)
      return Response.json({ status: ok ? 'ok' : 'unavailable', checks }, { status: ok ? 200 : 503, headers: noStore })
    },
  },
]
