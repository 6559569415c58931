import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../helpers/app'
import { loginAs, makeWorld, type World } from '../../helpers/world'

let app: TestApp
let world: World
let adminA: string
let subadminA: string
let viewerA: string

// Tuesday 2026-11-24 12:00 São Paulo; company renewal day 16 → cycle 2026-11-16.
const TUESDAY_NOON = '2026-11-24T15:00:00.000Z'
const LOCAL_FIXED = '32345678'

const line = (i: number, w: 'a' | 'b' = 'a') => String(world[w].lines[i].msisdn)
const simulate = (body: Record<string, unknown>, token = adminA) => app.rest.post('/engine/simulate', { at: TUESDAY_NOON, ...body }, token)
const upd = (collection: string, id: string | number, data: Record<string, unknown>) =>
  app.payload.update({ collection: collection as never, id, data: data as never, overrideAccess: true, depth: 0 })

beforeAll(async () => {
  app = await startTestApp()
  world = await makeWorld(app.payload)
  adminA = await loginAs(app.rest, app.payload, world.a.users.admin)
  subadminA = await loginAs(app.rest, app.payload, world.a.users.subadmin)
  viewerA = await loginAs(app.rest, app.payload, world.a.users.viewer)
})
afterAll(async () => app?.close())

describe('POST /api/engine/simulate ("simulate a call", SPEC L)', () => {
  it('answers the decision, granted units, category with its pt-BR label and the pt-BR reason', async () => {
    const res = await simulate({ line: line(0), service: 'voice', destination: LOCAL_FIXED, units: 90 })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      allow: true,
      granted: 90,
      category: 'voice.local.fixed',
      categoryLabel: expect.any(String),
      reason: { code: 'OK', message: expect.any(String) },
      at: TUESDAY_NOON,
      simulated: true,
    })
    const refused = await simulate({ line: line(0), service: 'voice', destination: '0' })
    expect(refused.body).toMatchObject({ allow: false, granted: 0, reason: { code: 'INVALID_DESTINATION' } })
    expect(refused.body.reason.message).toMatch(/[ãçéíóú]|inválid|Destino/i)
  })

  it('counts nothing: repeated simulations under a limit never use it up, usage and reservations untouched', async () => {
    await upd('companies', world.a.company.id, { interruptAtLimit: true })
    await upd('profiles', world.a.profile.id, { limits: [{ category: 'voice.local.fixed', control: 'limited', quantity: 2 }] })
    const l = line(2)
    for (let i = 0; i < 5; i++) {
      const res = await simulate({ line: l, service: 'voice', destination: LOCAL_FIXED, units: 100 })
      expect(res.body).toMatchObject({ allow: true, granted: 100, category: 'voice.local.fixed' })
    }
    // The real authorize still has the whole limit (120 s): nothing was reserved by the simulations.
    const real1 = await app.rest.post('/engine/authorize', { at: TUESDAY_NOON, line: l, service: 'voice', destination: LOCAL_FIXED, units: 100 }, adminA)
    expect(real1.body).toMatchObject({ allow: true, granted: 100 })
    const real2 = await app.rest.post('/engine/authorize', { at: TUESDAY_NOON, line: l, service: 'voice', destination: LOCAL_FIXED, units: 100 }, adminA)
    expect(real2.body).toMatchObject({ allow: true, granted: 20 })
    const usage = await app.payload.count({ collection: 'usage' as never, overrideAccess: true })
    expect(usage.totalDocs).toBe(0)
    await upd('profiles', world.a.profile.id, { limits: [] })
  })

  it('reflects recorded consumption: a limit used up by usage is refused with its reason', async () => {
    await upd('profiles', world.a.profile.id, { limits: [{ category: 'sms.other', control: 'limited', quantity: 1 }] })
    const l = line(0)
    const before = await simulate({ line: l, service: 'sms', destination: '19991234567' })
    expect(before.body).toMatchObject({ allow: true, granted: 1, category: 'sms.other' })
    const rec = await app.rest.post('/engine/usage', { events: [{ id: 'sim-sms-1', line: l, service: 'sms', destination: '19991234567', at: TUESDAY_NOON, units: 1 }] }, adminA)
    expect(rec.body).toEqual({ accepted: 1, duplicates: 0, rejected: [] })
    const after = await simulate({ line: l, service: 'sms', destination: '19991234567' })
    expect(after.body).toMatchObject({ allow: false, granted: 0, reason: { code: 'CATEGORY_LIMIT_REACHED' } })
    await upd('profiles', world.a.profile.id, { limits: [] })
  })

  it('data: granted in bytes, quota blocked refuses', async () => {
    const ok = await simulate({ line: line(3), service: 'data', units: 2 ** 20 })
    expect(ok.body).toMatchObject({ allow: true, granted: 2 ** 20, category: 'data' })
    await upd('lines', world.a.lines[3].id, { quota: { control: 'blocked' } })
    expect((await simulate({ line: line(3), service: 'data', units: 1000 })).body).toMatchObject({ allow: false, reason: { code: 'QUOTA_BLOCKED' } })
    await upd('lines', world.a.lines[3].id, { quota: { control: 'unlimited' } })
  })

  it('same access as reading the line: 401 without login, 404 across companies and outside a sub-admin’s departments', async () => {
    expect((await app.rest.post('/engine/simulate', { line: line(0), service: 'voice', destination: LOCAL_FIXED })).status).toBe(401)
    expect((await simulate({ line: line(0, 'b'), service: 'voice', destination: LOCAL_FIXED })).status).toBe(404)
    // Sub-admin and viewer of department 0 read lines 0 and 2, not 1 and 3.
    for (const token of [subadminA, viewerA]) {
      expect((await simulate({ line: line(0), service: 'voice', destination: LOCAL_FIXED }, token)).status).toBe(200)
      expect((await simulate({ line: line(1), service: 'voice', destination: LOCAL_FIXED }, token)).status).toBe(404)
    }
    expect((await simulate({ line: '5519999999999', service: 'voice', destination: LOCAL_FIXED })).status).toBe(404)
  })

  it('rejects a malformed body with field errors', async () => {
    const res = await simulate({ line: '123', service: 'fax', units: -1 })
    expect(res.status).toBe(400)
    expect(res.body.fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['line', 'service', 'units']))
  })
})
