import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { REBUILD_COMMAND } from '../../../src/lib/database'
import { startTestApp, type TestApp } from '../../helpers/app'
import { createTestDatabase } from '../../helpers/testDatabase'
import { makeWorld, PASSWORD, type World } from '../../helpers/world'
import { start } from './processes'

/**
 * Issue 12, the first hour: the login code readable without SMTP, seeding then starting in
 * production without Payload's interactive prompt, expected 4xx answers logged in one line.
 */
let app: TestApp
let world: World
const logged: string[] = []

beforeAll(async () => {
  app = await startTestApp()
  world = await makeWorld(app.payload)
  for (const level of ['info', 'warn', 'error'] as const) {
    const original = app.payload.logger[level].bind(app.payload.logger)
    vi.spyOn(app.payload.logger, level).mockImplementation(((arg: unknown, ...rest: unknown[]) => {
      logged.push(typeof arg === 'string' ? arg : JSON.stringify(arg, (_k, v) => (v instanceof Error ? { name: v.name, message: v.message, stack: v.stack } : v)))
      return original(arg as never, ...(rest as []))
    }) as never)
  }
})
afterAll(async () => app?.close())

describe('without SMTP_URL', () => {
  it('the login code is in the log line of the e-mail, and it logs in', async () => {
    const user = world.a.users.admin
    logged.length = 0
    const first = await app.rest.post('/users/login', { username: user.username, password: PASSWORD })
    expect(first.status).toBe(200)
    const line = logged.find((l) => l.includes(String(user.email)) && l.includes('Código de acesso'))
    expect(line, logged.join('\n')).toBeDefined()
    const code = line!.match(/código de acesso ao GOL - Gestor Online é: (\d{5})/)?.[1]
    expect(code).toMatch(/^\d{5}$/)
    const otp = await app.rest.post('/users/login/otp', { challenge: first.body.challenge, code })
    expect(otp.status).toBe(200)
    expect(otp.body.token).toBeTruthy()
  })
})

describe('expected 4xx answers', () => {
  it('an anonymous GET /api/lines (403) logs one line at most, with no stack trace', async () => {
    logged.length = 0
    const res = await app.rest.get('/lines')
    expect(res.status).toBe(403)
    const lines = logged.join('\n').split('\n').filter(Boolean)
    expect(lines.length, logged.join('\n')).toBeLessThanOrEqual(1)
    expect(logged.join('\n')).not.toMatch(/\n\s+at /)
  })
})

describe('the schema by migrations', () => {
  it('`npm run seed` uses the committed migrations, and the production boot then opens the database without a prompt', async () => {
    const db = await createTestDatabase()
    try {
      const env = { DATABASE_URL: db.url, PAYLOAD_SECRET: 'test-secret-not-for-production', NODE_ENV: undefined, SMTP_URL: undefined, GOL_DB_PUSH: undefined, PAYLOAD_FORCE_DRIZZLE_PUSH: undefined }
      const seed = start('tsx', ['scripts/seed.ts', '--demo-lines', '12', '--days', '1'], env)
      expect(await seed.exited, seed.output().slice(-3000)).toBe(0)
      const boot = start('tsx', ['tests/integration/faults/fixtures/boot.ts'], { ...env, NODE_ENV: 'production', SEED_DEMO: 'false' })
      const exit = await Promise.race([boot.exited, new Promise((r) => setTimeout(() => r('still running after 90 s'), 90_000))])
      if (exit !== 0) boot.kill()
      expect(exit, boot.output().slice(-3000)).toBe(0)
      expect(boot.output()).toContain('booted')
      expect(boot.output()).not.toMatch(/Would you like to proceed/)
    } finally {
      await db.drop()
    }
  }, 240_000)

  it('a database pushed in development mode: the production boot stops at once with the command that fixes it', async () => {
    const db = await createTestDatabase()
    try {
      const env = { DATABASE_URL: db.url, PAYLOAD_SECRET: 'test-secret-not-for-production', SEED_DEMO: 'false', GOL_DB_PUSH: undefined, GOL_DB_MIGRATE: undefined }
      const dev = start('tsx', ['tests/integration/faults/fixtures/boot.ts'], { ...env, NODE_ENV: 'development' })
      expect(await dev.exited, dev.output().slice(-3000)).toBe(0)
      const started = Date.now()
      const boot = start('tsx', ['tests/integration/faults/fixtures/boot.ts'], { ...env, NODE_ENV: 'production' })
      const exit = await Promise.race([boot.exited, new Promise((r) => setTimeout(() => r('still running after 60 s'), 60_000))])
      if (typeof exit === 'string') boot.kill()
      console.log(`pushed database, production boot: exit ${String(exit)} after ${Date.now() - started} ms`)
      expect(exit).not.toBe(0)
      expect(typeof exit).toBe('number')
      expect(boot.output()).toContain(REBUILD_COMMAND)
      expect(boot.output()).not.toContain('booted')
    } finally {
      await db.drop()
    }
  }, 180_000)
})
