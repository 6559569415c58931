import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeHealthClients } from '../../../src/ops/health'
import { startTestApp, type TestApp } from '../../helpers/app'

/** GET /api/health and /api/health/ready through the REST handlers Next serves (SQLite and PostgreSQL). */
let app: TestApp

beforeAll(async () => {
  app = await startTestApp()
})
afterAll(async () => {
  delete process.env.REDIS_URL
  await closeHealthClients()
  await app?.close()
})

describe('health endpoints', () => {
  it('liveness answers 200 to anyone', async () => {
    const res = await app.rest.get('/health')
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ status: 'ok' })
  })

  it('readiness answers 200 with every check when the database answers and no Redis is configured', async () => {
    delete process.env.REDIS_URL
    const res = await app.rest.get('/health/ready')
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.checks.database.ok).toBe(true)
    expect(res.body.checks.jobs.ok).toBe(true)
  })

  it('readiness answers 503 naming Redis when REDIS_URL points at a closed port, quickly', async () => {
    process.env.REDIS_URL = 'redis://127.0.0.1:1'
    const started = Date.now()
    const res = await app.rest.get('/health/ready')
    expect(res.status).toBe(503)
    expect(res.body.checks.redis.ok).toBe(false)
    expect(res.body.checks.database.ok).toBe(true)
    expect(Date.now() - started).toBeLessThan(3000)
  })
})
