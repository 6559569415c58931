import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startAdminApp, type TestApp } from '../../helpers/app'

/**
 * Red team (issue 10, finding 18's neighbour): `GET /api/<slug>/export?sort=` went straight to
 * the database adapter, so a list could be ordered by fields the caller may not read
 * (`/users/export?sort=lockUntil`, `loginAttempts`, `hash`): an ordering oracle on hidden
 * fields, while the REST list refuses the same sort. The export checks its sort as the list does.
 */
let app: TestApp
let adminA: string

beforeAll(async () => ({ app, adminToken: adminA } = await startAdminApp()))
afterAll(async () => app?.close())

describe('export sort', () => {
  it.each(['hash', '-salt', 'lockUntil', 'loginAttempts', 'apiKeyIndex'])('refuses sort=%s on users, like the list', async (sort) => {
    expect((await app.rest.get(`/users?sort=${sort}`, adminA)).status).toBe(400)
    const res = await app.rest.get(`/users/export?sort=${sort}`, adminA)
    expect(res.status, String(res.body).slice(0, 200)).toBe(400)
  })

  it('still sorts by readable fields', async () => {
    expect((await app.rest.get('/users/export?sort=-lastName', adminA)).status).toBe(200)
    expect((await app.rest.get('/lines/export?sort=msisdn', adminA)).status).toBe(200)
  })
})
