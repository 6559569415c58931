import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINE_FAST_ROUTES } from '../../../src/engine/endpoints'
import { AUTHORIZE_PATH, createEngineHttp } from '../../../src/engine/http'
import { startTestApp, type TestApp } from '../../helpers/app'
import { loginAs, makeWorld, type World } from '../../helpers/world'

/**
 * Issue 10 findings in the engine, through HTTP: the Payload endpoints and the fast path
 * (server.mjs) for authorize.
 *  5. engine endpoints follow the roles table: viewers record and reserve nothing; sub-admins
 *     act only on their departments' lines (lines[0], lines[2] are in the sub-admin's department).
 *  7. usage event ids are unique per company, not across tenants.
 * 11. units and dates have bounds (per service ceilings, integers, a plausible time window).
 */
let app: TestApp
let world: World
let server: http.Server
let fastBase: string
const t = {} as Record<'adminA' | 'adminB' | 'subadmin' | 'viewer', string>

const NOW = () => new Date(Date.now() - 60_000).toISOString()
const msisdn = (i: number, w: 'a' | 'b' = 'a') => String(world[w].lines[i].msisdn)
const usage = (events: unknown[], token: string) => app.rest.post('/engine/usage', { events }, token)
const authorizeBoth = async (body: Record<string, unknown>, token: string) => {
  const viaPayload = await app.rest.post('/engine/authorize', body, token)
  const res = await fetch(`${fastBase}${AUTHORIZE_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `JWT ${token}` }, body: JSON.stringify(body) })
  return { payload: viaPayload, fast: { status: res.status, body: await res.json() } }
}
const usageRows = async (where: Record<string, unknown>) => (await app.payload.count({ collection: 'usage', where: where as never, overrideAccess: true })).totalDocs
const call = (i: number, extra: Record<string, unknown> = {}, w: 'a' | 'b' = 'a') => ({ line: msisdn(i, w), service: 'voice', destination: '1932345678', units: 60, ...extra })

beforeAll(async () => {
  app = await startTestApp()
  world = await makeWorld(app.payload)
  t.adminA = await loginAs(app.rest, app.payload, world.a.users.admin)
  t.adminB = await loginAs(app.rest, app.payload, world.b.users.admin)
  t.subadmin = await loginAs(app.rest, app.payload, world.a.users.subadmin)
  t.viewer = await loginAs(app.rest, app.payload, world.a.users.viewer)
  const fast = createEngineHttp(ENGINE_FAST_ROUTES, async () => app.payload)
  server = http.createServer((req, res) => {
    if (!fast.handle(req, res)) res.writeHead(418).end()
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  fastBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((r) => server?.close(r))
  await app?.close()
})

describe('5. engine endpoints follow the roles table', () => {
  it('a viewer records no usage, on any line (nothing written)', async () => {
    for (const i of [0, 1]) {
      const res = await usage([{ id: `viewer-${i}`, line: msisdn(i), service: 'data', at: NOW(), units: 5 * 2 ** 30 }], t.viewer)
      expect(res.status, JSON.stringify(res.body)).toBe(403)
    }
    expect(await usageRows({ eventId: { like: 'viewer-' } })).toBe(0)
  })

  it('a viewer reserves nothing: authorize is refused (Payload endpoint and fast path), balance of its department only', async () => {
    const r = await authorizeBoth(call(0), t.viewer)
    expect(r.payload.status).toBe(403)
    expect(r.fast.status).toBe(403)
    expect((await app.rest.get(`/engine/balance?line=${msisdn(0)}`, t.viewer)).status).toBe(200)
    expect((await app.rest.get(`/engine/balance?line=${msisdn(1)}`, t.viewer)).status).toBe(404)
  })

  it("a sub-admin authorizes, records and reads balances only on its departments' lines", async () => {
    const outside = await authorizeBoth(call(1), t.subadmin)
    expect(outside.payload.status).toBe(404)
    expect(outside.fast.status).toBe(404)
    const inside = await authorizeBoth(call(0), t.subadmin)
    expect(inside.payload.status).toBe(200)
    expect(inside.fast.status).toBe(200)
    const res = await usage(
      [
        { id: 'sub-out', line: msisdn(1), service: 'voice', destination: '1932345678', at: NOW(), units: 30 },
        { id: 'sub-in', line: msisdn(0), service: 'voice', destination: '1932345678', at: NOW(), units: 30 },
      ],
      t.subadmin,
    )
    expect(res.status).toBe(200)
    expect(res.body.accepted).toBe(1)
    expect(res.body.rejected.map((r: { index: number }) => r.index)).toEqual([0])
    expect(await usageRows({ eventId: { equals: 'sub-out' } })).toBe(0)
    expect((await app.rest.get(`/engine/balance?line=${msisdn(1)}`, t.subadmin)).status).toBe(404)
    expect((await app.rest.get(`/engine/balance?line=${msisdn(0)}`, t.subadmin)).status).toBe(200)
  })

  it("an admin records usage on every line of its company, not on another company's", async () => {
    const res = await usage(
      [
        { id: 'adm-1', line: msisdn(1), service: 'sms', destination: '11991234567', at: NOW(), units: 1 },
        { id: 'adm-2', line: msisdn(0, 'b'), service: 'sms', destination: '11991234567', at: NOW(), units: 1 },
      ],
      t.adminA,
    )
    expect(res.body.accepted).toBe(1)
    expect(res.body.rejected.map((r: { index: number }) => r.index)).toEqual([1])
  })
})

describe('7. usage event ids are unique per company', () => {
  it("another tenant's id neither drops a real event nor tells that it exists", async () => {
    const a = await usage([{ id: 'call-42', line: msisdn(2), service: 'voice', destination: '1932345678', at: NOW(), units: 60 }], t.adminA)
    expect(a.body).toMatchObject({ accepted: 1, duplicates: 0 })
    const b = await usage([{ id: 'call-42', line: msisdn(2, 'b'), service: 'voice', destination: '1932345678', at: NOW(), units: 3600 }], t.adminB)
    expect(b.body).toMatchObject({ accepted: 1, duplicates: 0, rejected: [] })
    const balance = await app.rest.get(`/engine/balance?line=${msisdn(2, 'b')}`, t.adminB)
    expect(balance.body.consumption['voice.national.fixed'] ?? balance.body.consumption['voice.local.fixed']).toBe(3600)
    // Idempotency inside the company still holds.
    const again = await usage([{ id: 'call-42', line: msisdn(2, 'b'), service: 'voice', destination: '1932345678', at: NOW(), units: 3600 }], t.adminB)
    expect(again.body).toMatchObject({ accepted: 0, duplicates: 1 })
    expect(await usageRows({ eventId: { equals: 'call-42' } })).toBe(2)
  })
})

describe('11. units and dates have bounds', () => {
  const GB = 2 ** 30
  it('a usage batch rejects, per event and with the reason, what is beyond the ceilings or the time window', async () => {
    const day = 86_400_000
    const events = [
      { id: 'b-inf', line: msisdn(3), service: 'data', at: NOW(), units: 1.7e308 },
      { id: 'b-data', line: msisdn(3), service: 'data', at: NOW(), units: 101 * GB },
      { id: 'b-call', line: msisdn(3), service: 'voice', destination: '1932345678', at: NOW(), units: 86_401 },
      { id: 'b-sms', line: msisdn(3), service: 'sms', destination: '11991234567', at: NOW(), units: 101 },
      { id: 'b-frac', line: msisdn(3), service: 'voice', destination: '1932345678', at: NOW(), units: 1.5 },
      { id: 'b-far', line: msisdn(3), service: 'voice', destination: '1932345678', at: '+275760-09-13T00:00:00.000Z', units: 60 },
      { id: 'b-old', line: msisdn(3), service: 'voice', destination: '1932345678', at: '-271821-04-20T00:00:00.000Z', units: 60 },
      { id: 'b-past', line: msisdn(3), service: 'voice', destination: '1932345678', at: new Date(Date.now() - 401 * day).toISOString(), units: 60 },
      { id: 'b-soon', line: msisdn(3), service: 'voice', destination: '1932345678', at: new Date(Date.now() + 3_600_000).toISOString(), units: 60 },
      { id: 'b-ok', line: msisdn(3), service: 'data', at: NOW(), units: 100 * GB },
    ]
    const res = await usage(events, t.adminA)
    expect(res.status).toBe(200)
    expect(res.body.accepted).toBe(1)
    expect(res.body.rejected.map((r: { index: number }) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8])
    for (const r of res.body.rejected) expect(r.error).toMatch(/^(units|at): /)
    expect(await usageRows({ eventId: { in: events.map((e) => e.id) } })).toBe(1)
    const balance = await app.rest.get(`/engine/balance?line=${msisdn(3)}`, t.adminA)
    expect(balance.body.consumption.data).toBe(100 * GB)
    expect(JSON.stringify(balance.body)).not.toMatch(/Infinity|null,"percent"/)
  })

  it('authorize answers 400 with the field (Payload endpoint and fast path)', async () => {
    for (const [body, field] of [
      [call(0, { units: 1.7e308 }), 'units'],
      [call(0, { service: 'data', destination: undefined, units: 200 * GB }), 'units'],
      [call(0, { units: 2.5 }), 'units'],
      [call(0, { at: '+275760-09-13T00:00:00.000Z' }), 'at'],
      [call(0, { at: '-271821-04-20T00:00:00.000Z' }), 'at'],
    ] as const) {
      const r = await authorizeBoth(body, t.adminA)
      for (const res of [r.payload, r.fast]) {
        expect(res.status, JSON.stringify(body)).toBe(400)
        expect(res.body.errors[0].data.errors.map((e: { field?: string; path?: string }) => e.path ?? e.field)).toContain(field)
      }
    }
  })
})
