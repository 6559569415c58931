/** A fresh database for a bench: a SQLite file under the OS temp dir, or a new PostgreSQL database next to TEST_POSTGRES_URL. */
import { randomBytes } from 'node:crypto'
import { mkdirSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'

export async function freshDatabase(kind: 'sqlite' | 'postgres', name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const suffix = `${process.pid}_${randomBytes(4).toString('hex')}`
  if (kind === 'sqlite') {
    const dir = path.join(os.tmpdir(), 'gol-bench')
    mkdirSync(dir, { recursive: true })
    const file = path.join(dir, `${name}_${suffix}.db`)
    return { url: `file:${file}`, drop: async () => ['', '-wal', '-shm'].forEach((s) => rmSync(file + s, { force: true })) }
  }
  const admin = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
  const database = `gol_bench_${suffix}`
  const c = new pg.Client({ connectionString: admin })
  await c.connect()
  await c.query(`CREATE DATABASE ${database}`)
  await c.end()
  return {
    url: admin.replace(/\/[^/]*$/, `/${database}`),
    drop: async () => {
      const d = new pg.Client({ connectionString: admin })
      await d.connect()
      await d.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
      await d.end()
    },
  }
}

/**
 * Payload on a fresh database, with nothing outside it: no demo data, no Redis, no notice
 * webhook (the engine's in-process counters are what the ingest benches measure).
 */
export async function benchPayload(kind: 'sqlite' | 'postgres', name: string) {
  const db = await freshDatabase(kind, name)
  process.env.DATABASE_URL = db.url
  process.env.SEED_DEMO = 'false'
  process.env.PAYLOAD_SECRET ??= 'bench-secret'
  delete process.env.REDIS_URL
  delete process.env.NOTIFY_WEBHOOK_URL
  return { db, payload: await startPayload() }
}

/**
 * The app's Payload on the database DATABASE_URL names (set the environment first: the config reads
 * it at import), its log quiet but for warnings.
 */
export async function startPayload() {
  const { getPayload } = await import('payload')
  const config = await (await import('../payload.config')).default
  const payload = await getPayload({ config })
  payload.logger.level = 'warn'
  return payload
}

/** startPayload() and the engine production runs on it. */
export async function startEngine() {
  const payload = await startPayload()
  const { engineFor } = await import('../src/engine/service')
  return { payload, engine: await engineFor(payload) }
}
