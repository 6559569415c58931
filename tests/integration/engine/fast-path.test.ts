import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { authorizeRequest } from '../../../src/engine/endpoints'
import { AUTHORIZE_PATH, createEngineHttp, ENGINE_HTTP } from '../../../src/engine/http'
import { startTestApp, type TestApp } from '../../helpers/app'
import { loginAs, makeWorld, type World } from '../../helpers/world'

// The engine's fast path (server.mjs) on a plain Node HTTP server: same answers and rules as the Payload endpoint.
let app: TestApp
let world: World
let server: http.Server
let base: string
let keyA: string
let sessionA: string

const TUESDAY_NOON = '2026-11-24T15:00:00.000Z'
const LOCAL_FIXED = '32345678'
const line = (i: number, w: 'a' | 'b' = 'a') => String(world[w].lines[i].msisdn)

const post = async (body: unknown, authorization?: string, path = AUTHORIZE_PATH) => {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { status: res.status, body: res.status === 418 ? null : await res.json() }
}

beforeAll(async () => {
  app = await startTestApp()
  world = await makeWorld(app.payload)
  keyA = randomUUID()
  await app.payload.update({ collection: 'users', id: world.a.users.admin.id, data: { enableAPIKey: true, apiKey: keyA } as never, overrideAccess: true })
  sessionA = await loginAs(app.rest, app.payload, world.a.users.admin)
  const fast = createEngineHttp(authorizeRequest, async () => app.payload)
  server = http.createServer((req, res) => {
    if (!fast.handle(req, res)) res.writeHead(418).end()
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((r) => server?.close(r))
  await app?.close()
})

describe('engine fast path (POST /api/engine/authorize without Next)', () => {
  it('is registered on globalThis when the endpoints load (server.mjs finds it there)', () => {
    expect(typeof (globalThis as Record<symbol, any>)[ENGINE_HTTP]?.handle).toBe('function')
  })

  it('answers as the Payload endpoint, with an API key and with a session JWT', async () => {
    const body = { line: line(0), service: 'voice', destination: LOCAL_FIXED, units: 120, at: TUESDAY_NOON }
    const viaPayload = await app.rest.post('/engine/authorize', body, sessionA)
    const viaKey = await post(body, `users API-Key ${keyA}`)
    const viaJwt = await post(body, `JWT ${sessionA}`)
    expect(viaPayload.status).toBe(200)
    expect(viaKey).toEqual({ status: 200, body: viaPayload.body })
    expect(viaJwt).toEqual({ status: 200, body: viaPayload.body })
    expect(viaKey.body).toMatchObject({ allow: true, granted: 120, category: 'voice.local.fixed', reason: { code: 'OK' } })
  })

  it('401 without credentials or with an unknown key; 404 for another company; 400 for a bad body', async () => {
    const body = { line: line(0), service: 'voice', destination: LOCAL_FIXED }
    expect((await post(body)).status).toBe(401)
    expect((await post(body, `users API-Key ${randomUUID()}`)).status).toBe(401)
    expect((await post({ ...body, line: line(0, 'b') }, `users API-Key ${keyA}`)).status).toBe(404)
    const bad = await post({ line: '123', service: 'fax' }, `users API-Key ${keyA}`)
    expect(bad.status).toBe(400)
    expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['line', 'service']))
    expect((await post('not json', `users API-Key ${keyA}`)).status).toBe(400)
  })

  it('hands every other request on', async () => {
    expect((await post({}, `users API-Key ${keyA}`, '/api/engine/usage')).status).toBe(418)
    expect((await post({}, `users API-Key ${keyA}`, '/api/engine/authorizeX')).status).toBe(418)
    expect((await fetch(`${base}${AUTHORIZE_PATH}`)).status).toBe(418)
  })

  it('shares the engine with the Payload side: a saved profile applies to the next fast decision (E3)', async () => {
    const body = { line: line(1), service: 'voice', destination: LOCAL_FIXED, at: TUESDAY_NOON }
    expect((await post(body, `users API-Key ${keyA}`)).body.reason.code).toBe('OK')
    await app.payload.update({ collection: 'profiles', id: world.a.profile.id, data: { limits: [{ category: 'voice.local.fixed', control: 'blocked' }] } as never, overrideAccess: true })
    expect((await post(body, `users API-Key ${keyA}`)).body).toMatchObject({ allow: false, reason: { code: 'CATEGORY_BLOCKED' } })
    await app.payload.update({ collection: 'profiles', id: world.a.profile.id, data: { limits: [] } as never, overrideAccess: true })
    expect((await post(body, `users API-Key ${keyA}`)).body.reason.code).toBe('OK')
  })
})
