import type { Payload, SanitizedConfig } from 'payload'
import { createTestDatabase } from './testDatabase'
import { RestClient } from './rest'
import { loginAs, makeWorld } from './world'

export interface TestApp {
  payload: Payload
  config: SanitizedConfig
  rest: RestClient
  dbKind: string
  close: () => Promise<void>
}

/**
 * Boots the real Payload config on a fresh database of the TEST_DB kind, with no
 * demo data. Call in beforeAll; `close` in afterAll destroys Payload and the database.
 * The config reads the environment at import, so the URL is set before importing it.
 */
export async function startTestApp(options: { env?: Record<string, string>; push?: boolean } = {}): Promise<TestApp> {
  const db = await createTestDatabase()
  process.env.DATABASE_URL = db.url
  process.env.SEED_DEMO = 'false'
  // Drizzle skips the push when the schema equals the last one pushed in this process; each file has a new database.
  process.env.PAYLOAD_FORCE_DRIZZLE_PUSH = 'true'
  process.env.PAYLOAD_SECRET ??= 'test-secret-not-for-production'
  delete process.env.SMTP_URL
  if (options.push === false) process.env.GOL_DB_PUSH = 'false'
  else delete process.env.GOL_DB_PUSH
  // Per-file settings (e.g. SMTP_URL of a loopback SMTP server), applied before the config is read
  // and put back on close: the integration files share one process (and what it spawns inherits it).
  const before = Object.fromEntries(Object.keys(options.env ?? {}).map((k) => [k, process.env[k]]))
  Object.assign(process.env, options.env)
  // getPayload caches one instance per process: a test file wants its own.
  ;(globalThis as { _payload?: Map<string, unknown> })._payload?.clear()
  const { getPayload } = await import('payload')
  const config = await (await import('../../payload.config')).default
  const payload = await getPayload({ config })
  // The app under test logs warnings and errors only (TEST_LOG_LEVEL=info for everything): a run's
  // e-mails and expected 4xx lines were most of the CI log, written synchronously to vitest's pipe.
  payload.logger.level = process.env.TEST_LOG_LEVEL ?? 'warn'
  return {
    payload,
    config,
    rest: new RestClient(config),
    dbKind: db.kind,
    close: async () => {
      await payload.destroy()
      // The postgres adapter checks one client out of its pool at connect and never gives it back,
      // so pool.end() would wait forever: the drop below (WITH FORCE) ends that connection, and the
      // pool is ended without waiting. Its clients then report errors nobody needs.
      const pool = (payload.db as { pool?: { end: () => Promise<void>; on: (e: string, f: () => void) => void } }).pool
      pool?.on('error', () => undefined)
      ;(globalThis as { _payload?: Map<string, unknown> })._payload?.clear()
      await db.drop()
      void pool?.end().catch(() => undefined)
      for (const [k, v] of Object.entries(before)) {
        if (v === undefined) delete process.env[k]
        else process.env[k] = v
      }
    },
  }
}

/** The usual start of a test file: the app, the two-company world, and company A's admin logged in. */
export async function startAdminApp(options: Parameters<typeof startTestApp>[0] = {}) {
  const app = await startTestApp(options)
  const world = await makeWorld(app.payload)
  const adminToken = await loginAs(app.rest, app.payload, world.a.users.admin)
  return { app, world, adminToken }
}
