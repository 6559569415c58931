import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { engineFor } from '../../../src/engine/service'
import { startTestApp, type TestApp } from '../../helpers/app'
import { loginAs, makeWorld, type World } from '../../helpers/world'

// Credit control through HTTP (SPEC K): authorize holds what it grants under something finite;
// usage naming the hold, an update, a release or the expiry ends it.
let app: TestApp
let world: World
let adminA: string
let adminB: string
let now = Date.parse('2026-11-24T15:00:00.000Z')

// Tuesday 2026-11-24 12:00 São Paulo; renewal day 16 → cycle 2026-11-16.
const TUESDAY_NOON = '2026-11-24T15:00:00.000Z'
const LOCAL_FIXED = '32345678'
const MB = 1024 * 1024
const GB = 1024 * MB

const line = (i: number, w: 'a' | 'b' = 'a') => String(world[w].lines[i].msisdn)
const upd = (collection: string, id: string | number, data: Record<string, unknown>) =>
  app.payload.update({ collection: collection as never, id, data: data as never, overrideAccess: true, depth: 0 })
const authorize = (body: Record<string, unknown>, token = adminA) => app.rest.post('/engine/authorize', { at: TUESDAY_NOON, ...body }, token)
const usage = (events: Record<string, unknown>[], token = adminA) => app.rest.post('/engine/usage', { events: events.map((e) => ({ at: TUESDAY_NOON, ...e })) }, token)
const balance = (l: string) => app.rest.get(`/engine/balance?line=${l}&at=${TUESDAY_NOON}`, adminA)
let eventNo = 0
const call = (l: string, units: number, hold?: string) => ({ id: `holds-${++eventNo}`, line: l, service: 'voice', destination: LOCAL_FIXED, units, ...(hold ? { hold } : {}) })

/** A profile of its own for a line, limiting local fixed calls and SMS to other operators. */
async function limitedLine(i: number, limits: { category: string; quantity: number }[]) {
  const profile = await app.payload.create({
    collection: 'profiles' as never,
    data: { company: world.a.company.id, name: `Limites ${i} ${++eventNo}`, limits: limits.map((l) => ({ ...l, control: 'limited' })) } as never,
    overrideAccess: true,
  })
  await upd('lines', world.a.lines[i].id, { profile: (profile as { id: number }).id })
  return line(i)
}

beforeAll(async () => {
  app = await startTestApp()
  world = await makeWorld(app.payload)
  adminA = await loginAs(app.rest, app.payload, world.a.users.admin)
  adminB = await loginAs(app.rest, app.payload, world.b.users.admin)
  ;(await engineFor(app.payload)).clock = () => now
})
afterAll(async () => app?.close())

describe('holds under a profile limit (interrupt-at-limit off)', () => {
  it('ten 1-minute calls fit a 10-minute limit, each held then used; the eleventh is refused', async () => {
    const l = await limitedLine(0, [{ category: 'voice.local.fixed', quantity: 10 }])
    for (let i = 0; i < 10; i++) {
      const a = await authorize({ line: l, service: 'voice', destination: LOCAL_FIXED, units: 60 })
      expect(a.status).toBe(200)
      expect(a.body, `call ${i + 1}`).toMatchObject({ allow: true, granted: 60, category: 'voice.local.fixed', hold: { id: expect.any(String), expiresAt: expect.any(String) } })
      // Voice holds last the granted seconds plus the grace (60 s by default).
      expect(Date.parse(a.body.hold.expiresAt)).toBe(now + 120_000)
      const u = await usage([call(l, 60, a.body.hold.id)])
      expect(u.body).toEqual({ accepted: 1, duplicates: 0, rejected: [] })
    }
    const eleventh = await authorize({ line: l, service: 'voice', destination: LOCAL_FIXED, units: 60 })
    expect(eleventh.body).toMatchObject({ allow: false, granted: 0, reason: { code: 'CATEGORY_LIMIT_REACHED' } })
    expect(eleventh.body.hold).toBeUndefined()
    const b = await balance(l)
    expect(b.body.consumption['voice.local.fixed']).toBe(600)
    expect(b.body.held).toEqual({ categories: {}, dataBytes: 0, poolBytes: 0 })
  })

  it('a shorter call returns the unused rest of its hold; a started call completes past the limit, the next is refused', async () => {
    const l = await limitedLine(1, [{ category: 'voice.local.fixed', quantity: 2 }])
    const a = await authorize({ line: l, service: 'voice', destination: LOCAL_FIXED, units: 100 })
    expect(a.body).toMatchObject({ allow: true, granted: 100 })
    expect((await balance(l)).body.held.categories).toEqual({ 'voice.local.fixed': 100 })
    await usage([call(l, 30, a.body.hold.id)])
    // 30 used, 90 left: a 300 s call is granted in full (interrupt-at-limit off) and completes.
    const b = await authorize({ line: l, service: 'voice', destination: LOCAL_FIXED, units: 300 })
    expect(b.body).toMatchObject({ allow: true, granted: 300 })
    expect((await authorize({ line: l, service: 'voice', destination: LOCAL_FIXED, units: 1 })).body.reason.code).toBe('CATEGORY_LIMIT_REACHED')
    await usage([call(l, 300, b.body.hold.id)])
    expect((await balance(l)).body.consumption['voice.local.fixed']).toBe(330)
    expect((await authorize({ line: l, service: 'voice', destination: LOCAL_FIXED, units: 1 })).body.reason.code).toBe('CATEGORY_LIMIT_REACHED')
  })
})

describe('holds with interrupt-at-limit on', () => {
  it('a call that never connected returns its hold (DELETE); a second release is a 404', async () => {
    await upd('companies', world.a.company.id, { interruptAtLimit: true })
    try {
      const l = await limitedLine(2, [{ category: 'voice.local.fixed', quantity: 5 }])
      const a = await authorize({ line: l, service: 'voice', destination: LOCAL_FIXED, units: 400 })
      expect(a.body).toMatchObject({ allow: true, granted: 300 })
      const b = await authorize({ line: l, service: 'voice', destination: LOCAL_FIXED, units: 400 })
      expect(b.body).toMatchObject({ allow: false, reason: { code: 'CATEGORY_LIMIT_REACHED' } })
      expect((await app.rest.delete(`/engine/holds/${a.body.hold.id}`, adminB)).status).toBe(404)
      const released = await app.rest.delete(`/engine/holds/${a.body.hold.id}`, adminA)
      expect(released.status).toBe(200)
      expect(released.body).toEqual({ released: true, id: a.body.hold.id, units: 300 })
      expect((await app.rest.delete(`/engine/holds/${a.body.hold.id}`, adminA)).status).toBe(404)
      expect((await authorize({ line: l, service: 'voice', destination: LOCAL_FIXED, units: 400 })).body).toMatchObject({ allow: true, granted: 300 })
    } finally {
      await upd('companies', world.a.company.id, { interruptAtLimit: false })
    }
  })
})

describe('expiry', () => {
  it('an abandoned voice hold expires after its seconds plus the grace; usage arriving later is still counted', async () => {
    const l = await limitedLine(3, [{ category: 'voice.local.fixed', quantity: 3 }])
    const a = await authorize({ line: l, service: 'voice', destination: LOCAL_FIXED, units: 180 })
    expect(a.body).toMatchObject({ allow: true, granted: 180 })
    expect((await authorize({ line: l, service: 'voice', destination: LOCAL_FIXED, units: 1 })).body.allow).toBe(false)
    now += 180_000 + 59_000
    expect((await authorize({ line: l, service: 'voice', destination: LOCAL_FIXED, units: 1 })).body.allow).toBe(false)
    now += 2_000
    const again = await authorize({ line: l, service: 'voice', destination: LOCAL_FIXED, units: 180 })
    expect(again.body).toMatchObject({ allow: true, granted: 180 })
    // The first call's record arrives late, naming its expired hold: it happened, it counts.
    expect((await usage([call(l, 120, a.body.hold.id)])).body).toEqual({ accepted: 1, duplicates: 0, rejected: [] })
    expect((await balance(l)).body.consumption['voice.local.fixed']).toBe(120)
    expect((await app.rest.post(`/engine/holds/${a.body.hold.id}`, { used: 10 }, adminA)).status).toBe(404)
  })

  it('an SMS hold lasts ENGINE_HOLD_TTL_S (300 s)', async () => {
    const l = await limitedLine(1, [{ category: 'sms.other', quantity: 1 }])
    const a = await authorize({ line: l, service: 'sms', destination: '19991234567' })
    expect(a.body).toMatchObject({ allow: true, granted: 1, category: 'sms.other' })
    expect(Date.parse(a.body.hold.expiresAt)).toBe(now + 300_000)
    expect((await authorize({ line: l, service: 'sms', destination: '19991234567' })).body.allow).toBe(false)
    now += 300_001
    expect((await authorize({ line: l, service: 'sms', destination: '19991234567' })).body.allow).toBe(true)
  })
})

describe('a data session with updates (Gy initial / update / terminate)', () => {
  it('3 GB asked in 512 MB steps on a 2 GB quota: exactly 2 GB granted, then QUOTA_EXHAUSTED', async () => {
    await app.payload.create({
      collection: 'offers' as never,
      data: { company: world.a.company.id, account: world.a.account.id, offer: 'Claro Empresa', package: 'Pool 10 GB', kind: 'shared', unit: 'mb', amount: 10 * 1024 } as never,
      overrideAccess: true,
    })
    await upd('lines', world.a.lines[2].id, { quota: { control: 'limited', amountMB: 2048 } })
    const l = line(2)
    const first = await authorize({ line: l, service: 'data', units: 512 * MB })
    expect(first.body).toMatchObject({ allow: true, granted: 512 * MB, category: 'data', hold: { id: expect.any(String) } })
    const id = first.body.hold.id
    let granted = first.body.granted
    const answers = []
    while (granted < 3 * GB) {
      const u = await app.rest.post(`/engine/holds/${id}`, { used: granted, more: 512 * MB }, adminA)
      expect(u.status).toBe(200)
      answers.push(u.body)
      if (!u.body.allow) break
      expect(u.body.hold.id).toBe(id)
      granted += u.body.granted
    }
    expect(granted).toBe(2 * GB)
    expect(answers.at(-1)).toMatchObject({ allow: false, granted: 0, reason: { code: 'QUOTA_EXHAUSTED' } })
    // While the session runs, what it used so far stays held: no other session gets a byte.
    expect((await authorize({ line: l, service: 'data', units: MB })).body).toMatchObject({ allow: false, reason: { code: 'QUOTA_EXHAUSTED' } })
    const bal = await balance(l)
    expect(bal.body.held).toMatchObject({ dataBytes: 2 * GB, poolBytes: 2 * GB })
    // Terminate: the session's record names the hold.
    expect((await usage([{ id: 'session-1', line: l, service: 'data', units: 2 * GB, hold: id }])).body).toEqual({ accepted: 1, duplicates: 0, rejected: [] })
    const after = await balance(l)
    expect(after.body.quota.usedBytes).toBe(2 * GB)
    expect(after.body.held).toMatchObject({ dataBytes: 0, poolBytes: 0 })
    expect(after.body.pool.usedBytes).toBe(2 * GB)
    expect((await authorize({ line: l, service: 'data', units: MB })).body).toMatchObject({ allow: false, reason: { code: 'QUOTA_EXHAUSTED' } })
  })

  it('a data hold on another line, a bad report and a stranger are refused', async () => {
    const l = line(1)
    const a = await authorize({ line: line(2), service: 'data', units: MB })
    expect(a.body.allow).toBe(false)
    const pooled = await authorize({ line: l, service: 'data', units: MB })
    expect(pooled.body).toMatchObject({ allow: true, granted: MB, hold: { id: expect.any(String) } })
    const wrong = await usage([{ id: 'wrong-line', line: line(0), service: 'data', units: 10, hold: pooled.body.hold.id }])
    expect(wrong.body.rejected).toEqual([{ index: 0, error: expect.stringMatching(/^hold:/) }])
    const bad = await app.rest.post(`/engine/holds/${pooled.body.hold.id}`, { used: -1, more: 'x' }, adminA)
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].data.errors.map((e: { path: string }) => e.path).sort()).toEqual(['more', 'used'])
    expect((await app.rest.post(`/engine/holds/${pooled.body.hold.id}`, { used: 1 }, adminB)).status).toBe(404)
    expect((await app.rest.post(`/engine/holds/${pooled.body.hold.id}`, { used: 1 })).status).toBe(401)
    expect((await app.rest.post(`/engine/holds/nope`, { used: 1 }, adminA)).status).toBe(404)
  })
})
