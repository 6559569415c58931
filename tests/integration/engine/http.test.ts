import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../helpers/app'
import { loginAs, makeWorld, type World } from '../../helpers/world'

let app: TestApp
let world: World
let adminA: string
let support: string

// Tuesday 2026-11-24 12:00 São Paulo; company renewal day 16 → cycle 2026-11-16.
const TUESDAY_NOON = '2026-11-24T15:00:00.000Z'
const LOCAL_FIXED = '32345678'

const line = (i: number, w: 'a' | 'b' = 'a') => String(world[w].lines[i].msisdn)
const upd = (collection: string, id: string | number, data: Record<string, unknown>) =>
  app.payload.update({ collection: collection as never, id, data: data as never, overrideAccess: true, depth: 0 })

const authorize = async (body: Record<string, unknown>, token = adminA) => {
  const res = await app.rest.post('/engine/authorize', { at: TUESDAY_NOON, ...body }, token)
  return res
}

beforeAll(async () => {
  app = await startTestApp()
  world = await makeWorld(app.payload)
  adminA = await loginAs(app.rest, app.payload, world.a.users.admin)
  support = await loginAs(app.rest, app.payload, world.support)
})
afterAll(async () => app?.close())

describe('POST /api/engine/authorize', () => {
  it('answers allow, granted, category and reason for a plain local call', async () => {
    const res = await authorize({ line: line(0), service: 'voice', destination: LOCAL_FIXED, units: 120 })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ allow: true, granted: 120, category: 'voice.local.fixed', reason: { code: 'OK', message: expect.any(String) } })
  })

  it('needs authentication', async () => {
    const res = await app.rest.post('/engine/authorize', { line: line(0), service: 'voice', destination: LOCAL_FIXED })
    expect(res.status).toBe(401)
  })

  it('rejects a malformed body with field errors', async () => {
    const res = await authorize({ line: '123', service: 'fax', units: -1 })
    expect(res.status).toBe(400)
    const fields = res.body.fields.map((f: { path: string }) => f.path)
    expect(fields).toEqual(expect.arrayContaining(['line', 'service', 'units']))
    // `{path, message}` as the rest of the API, `field` kept as its alias (integrators read it); the same under errors[0].data.errors.
    for (const f of res.body.fields) expect(f).toEqual({ path: f.path, message: expect.any(String), field: f.path })
    expect(res.body.errors[0].data.errors).toEqual(res.body.fields)
  })

  it("a company user gets 404 for another company's line; support reaches it", async () => {
    expect((await authorize({ line: line(0, 'b'), service: 'voice', destination: LOCAL_FIXED })).status).toBe(404)
    expect((await authorize({ line: line(0, 'b'), service: 'voice', destination: LOCAL_FIXED }, support)).status).toBe(200)
    expect((await authorize({ line: '5519999999999', service: 'voice', destination: LOCAL_FIXED }, support)).status).toBe(404)
  })

  it('emergency numbers and invalid destinations', async () => {
    expect((await authorize({ line: line(0), service: 'voice', destination: '190' })).body.reason.code).toBe('EMERGENCY')
    const bad = await authorize({ line: line(0), service: 'voice', destination: '0' })
    expect(bad.body).toMatchObject({ allow: false, reason: { code: 'INVALID_DESTINATION' } })
  })

  it('a saved profile applies to the next decision (E3): blocked list, allowed list, category blocked', async () => {
    const profile = world.a.profile.id
    const l = line(1)
    expect((await authorize({ line: l, service: 'voice', destination: LOCAL_FIXED })).body.reason.code).toBe('OK')
    await upd('profiles', profile, { lists: [{ type: 'blocked', usage: 'voice', scope: 'national', number: LOCAL_FIXED }] })
    expect((await authorize({ line: l, service: 'voice', destination: LOCAL_FIXED })).body).toMatchObject({ allow: false, reason: { code: 'BLOCKED_LIST' } })
    await upd('profiles', profile, {
      lists: [{ type: 'allowed', usage: 'voice', scope: 'national', number: LOCAL_FIXED }],
      limits: [{ category: 'voice.local.fixed', control: 'blocked' }],
    })
    expect((await authorize({ line: l, service: 'voice', destination: LOCAL_FIXED })).body.reason.code).toBe('ALLOWED_LIST')
    expect((await authorize({ line: l, service: 'voice', destination: '33334444' })).body).toMatchObject({ allow: false, reason: { code: 'CATEGORY_BLOCKED' } })
    await upd('profiles', profile, { lists: [], limits: [] })
    expect((await authorize({ line: l, service: 'voice', destination: '33334444' })).body.reason.code).toBe('OK')
  })

  it('calendar: outside the week days, and holidays of the company', async () => {
    const profile = world.a.profile.id
    await upd('profiles', profile, { calendar: { days: ['mon'], holidays: true, windows: [] } })
    expect((await authorize({ line: line(2), service: 'voice', destination: LOCAL_FIXED })).body.reason.code).toBe('OUTSIDE_CALENDAR')
    await upd('profiles', profile, { calendar: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], holidays: false, windows: [{ from: '08:00', to: '18:00' }] } })
    expect((await authorize({ line: line(2), service: 'voice', destination: LOCAL_FIXED })).body.reason.code).toBe('OK')
    expect((await authorize({ line: line(2), service: 'voice', destination: LOCAL_FIXED, at: '2026-11-24T23:00:00Z' })).body.reason.code).toBe('OUTSIDE_CALENDAR')
    const holiday = await app.payload.create({
      collection: 'holidays' as never,
      data: { company: world.a.company.id, date: '2026-11-24', name: 'Feriado de teste' } as never,
      overrideAccess: true,
    })
    expect((await authorize({ line: line(2), service: 'voice', destination: LOCAL_FIXED })).body.reason.code).toBe('HOLIDAY')
    await app.payload.delete({ collection: 'holidays' as never, id: (holiday as { id: number }).id, overrideAccess: true })
    expect((await authorize({ line: line(2), service: 'voice', destination: LOCAL_FIXED })).body.reason.code).toBe('OK')
    await upd('profiles', profile, { calendar: { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], holidays: true, windows: [] } })
  })

  it('line status: a suspended line is refused', async () => {
    await upd('lines', world.a.lines[3].id, { status: 'suspended' })
    expect((await authorize({ line: line(3), service: 'sms', destination: '19991234567' })).body).toMatchObject({ allow: false, reason: { code: 'LINE_NOT_ACTIVE' } })
    await upd('lines', world.a.lines[3].id, { status: 'active' })
    expect((await authorize({ line: line(3), service: 'sms', destination: '19991234567' })).body.allow).toBe(true)
  })

  it('limited category with interrupt-at-limit: grants the seconds left, reserving them, then refuses', async () => {
    await upd('companies', world.a.company.id, { interruptAtLimit: true })
    await upd('profiles', world.a.profile.id, { limits: [{ category: 'voice.local.fixed', control: 'limited', quantity: 2 }] })
    const l = line(0, 'a')
    const first = await authorize({ line: l, service: 'voice', destination: LOCAL_FIXED, units: 100 })
    expect(first.body).toMatchObject({ allow: true, granted: 100 })
    const second = await authorize({ line: l, service: 'voice', destination: LOCAL_FIXED, units: 100 })
    expect(second.body).toMatchObject({ allow: true, granted: 20 })
    const third = await authorize({ line: l, service: 'voice', destination: LOCAL_FIXED, units: 100 })
    expect(third.body).toMatchObject({ allow: false, granted: 0, reason: { code: 'CATEGORY_LIMIT_REACHED' } })
    await upd('profiles', world.a.profile.id, { limits: [] })
    await upd('companies', world.a.company.id, { interruptAtLimit: false })
  })

  it('data quota blocked refuses data', async () => {
    await upd('lines', world.a.lines[2].id, { quota: { control: 'blocked' } })
    expect((await authorize({ line: line(2), service: 'data', units: 1000 })).body).toMatchObject({ allow: false, reason: { code: 'QUOTA_BLOCKED' } })
  })
})

describe('POST /api/engine/usage and GET /api/engine/balance', () => {
  const batch = (prefix: string, l: string) => [
    { id: `${prefix}-1`, line: l, service: 'voice', destination: LOCAL_FIXED, at: TUESDAY_NOON, units: 90 },
    { id: `${prefix}-2`, line: l, service: 'voice', destination: LOCAL_FIXED, at: TUESDAY_NOON, units: 30 },
    { id: `${prefix}-3`, line: l, service: 'sms', destination: '19991234567', at: TUESDAY_NOON, units: 1 },
  ]

  it('records a batch, and replaying it changes nothing (duplicates, counters unchanged)', async () => {
    const l = line(1)
    const first = await app.rest.post('/engine/usage', { events: batch('rep', l) }, adminA)
    expect(first.status).toBe(200)
    expect(first.body).toEqual({ accepted: 3, duplicates: 0, rejected: [] })
    const balance1 = await app.rest.get(`/engine/balance?line=${l}&at=${TUESDAY_NOON}`, adminA)
    expect(balance1.status).toBe(200)
    expect(balance1.body.cycle.key).toBe('2026-11-16')
    expect(balance1.body.consumption['voice.local.fixed']).toBe(120)
    const again = await app.rest.post('/engine/usage', { events: batch('rep', l) }, adminA)
    expect(again.body).toEqual({ accepted: 0, duplicates: 3, rejected: [] })
    const balance2 = await app.rest.get(`/engine/balance?line=${l}&at=${TUESDAY_NOON}`, adminA)
    expect(balance2.body.consumption).toEqual(balance1.body.consumption)
    const rows = await app.payload.find({ collection: 'usage' as never, where: { eventId: { like: 'rep-' } } as never, overrideAccess: true, limit: 10 })
    expect(rows.totalDocs).toBe(3)
    const consumption = await app.payload.find({
      collection: 'consumption' as never,
      where: { line: { equals: world.a.lines[1].id }, key: { equals: 'cat:voice.local.fixed' } } as never,
      overrideAccess: true,
    })
    expect((consumption.docs[0] as { units: number }).units).toBe(120)
  })

  it('a duplicate id inside one batch counts once', async () => {
    const l = line(1)
    const e = { id: 'dup-in-batch', line: l, service: 'sms', destination: '19991234567', at: TUESDAY_NOON, units: 1 }
    const res = await app.rest.post('/engine/usage', { events: [e, e] }, adminA)
    expect(res.body).toEqual({ accepted: 1, duplicates: 1, rejected: [] })
  })

  it('stores free text exactly as sent (tabs, line breaks, backslashes)', async () => {
    const group = 'Redes\tsociais \\ WhatsApp\nVídeo\r'
    const res = await app.rest.post('/engine/usage', { events: [{ id: 'text\\1\t', line: line(2), service: 'data', at: TUESDAY_NOON, units: 2048, group }] }, adminA)
    expect(res.body).toEqual({ accepted: 1, duplicates: 0, rejected: [] })
    const rows = await app.payload.find({ collection: 'usage' as never, where: { eventId: { equals: 'text\\1\t' } } as never, overrideAccess: true })
    expect(rows.docs.map((d) => (d as unknown as { group: string }).group)).toEqual([group])
  })

  it('the same events sent twice at once are recorded once', async () => {
    const events = Array.from({ length: 40 }, (_, i) => ({ id: `race-${i}`, line: line(i % 3), service: 'sms', destination: '19991234567', at: TUESDAY_NOON, units: 1 }))
    const before = await app.rest.get(`/engine/balance?line=${line(0)}&at=${TUESDAY_NOON}`, adminA)
    const answers = await Promise.all([app.rest.post('/engine/usage', { events }, adminA), app.rest.post('/engine/usage', { events }, adminA)])
    expect(answers.map((a) => a.status)).toEqual([200, 200])
    expect(answers.reduce((n, a) => n + a.body.accepted, 0)).toBe(40)
    expect(answers.reduce((n, a) => n + a.body.duplicates, 0)).toBe(40)
    const rows = await app.payload.count({ collection: 'usage' as never, where: { eventId: { like: 'race-' } } as never, overrideAccess: true })
    expect(rows.totalDocs).toBe(40)
    const after = await app.rest.get(`/engine/balance?line=${line(0)}&at=${TUESDAY_NOON}`, adminA)
    const sms = (b: { body: { consumption: Record<string, number> } }) => Object.entries(b.body.consumption).filter(([k]) => k.startsWith('sms.')).reduce((n, [, v]) => n + v, 0)
    expect(sms(after) - sms(before)).toBe(14)
  })

  it('rejects malformed events one by one with their index; the rest are accepted', async () => {
    const l = line(0)
    const events = [
      { id: 'mix-1', line: l, service: 'voice', destination: LOCAL_FIXED, at: TUESDAY_NOON, units: 10 },
      { id: 'mix-2', line: l, service: 'voice', destination: LOCAL_FIXED, at: 'not a date', units: 10 },
      { line: l, service: 'voice', destination: LOCAL_FIXED, at: TUESDAY_NOON, units: 10 },
      { id: 'mix-4', line: l, service: 'sms', destination: '0', at: TUESDAY_NOON, units: 1 },
      { id: 'mix-5', line: line(0, 'b'), service: 'sms', destination: '19991234567', at: TUESDAY_NOON, units: 1 },
      'garbage',
      { id: 'mix-7', line: l, service: 'data', at: TUESDAY_NOON, units: 1024 },
    ]
    const res = await app.rest.post('/engine/usage', { events }, adminA)
    expect(res.status).toBe(200)
    expect(res.body.accepted).toBe(2)
    expect(res.body.rejected.map((r: { index: number }) => r.index)).toEqual([1, 2, 3, 4, 5])
    expect(res.body.rejected[0].error).toMatch(/^at:/)
    expect(res.body.rejected[1].error).toMatch(/^id:/)
    expect(res.body.rejected[3].error).toMatch(/não encontrada/)
  })

  it('refuses more than 10 000 events and a body without events', async () => {
    const many = Array.from({ length: 10_001 }, (_, i) => ({ id: `x${i}` }))
    expect((await app.rest.post('/engine/usage', { events: many }, adminA)).status).toBe(400)
    expect((await app.rest.post('/engine/usage', {}, adminA)).status).toBe(400)
  })

  it('balance: franchises, notices at 60 % once per cycle, cross-company 404', async () => {
    const target = world.a.lines[3]
    await app.payload.create({
      collection: 'offers' as never,
      data: { company: world.a.company.id, account: world.a.account.id, line: target.id, offer: 'Claro Pós', package: 'Voz 10 min', kind: 'individual', unit: 'minutes', amount: 10 } as never,
      overrideAccess: true,
    })
    const l = String(target.msisdn)
    // 6 minutes of a national call out of a 10-minute franchise: 60 %.
    const events = [{ id: 'fr-1', line: l, service: 'voice', destination: '02111987654321', at: TUESDAY_NOON, units: 360 }]
    const res = await app.rest.post('/engine/usage', { events }, adminA)
    expect(res.body).toEqual({ accepted: 1, duplicates: 0, rejected: [] })
    const bal = await app.rest.get(`/engine/balance?line=${l}&at=${TUESDAY_NOON}`, adminA)
    expect(bal.body.franchises).toHaveLength(1)
    expect(bal.body.franchises[0]).toMatchObject({ unit: 'minutes', capacity: 600, used: 360, left: 240, percent: 60 })
    const notes = await app.payload.find({ collection: 'notifications' as never, where: { line: { equals: target.id } } as never, overrideAccess: true })
    expect(notes.docs.map((d: any) => d.threshold)).toEqual(['60'])
    expect((notes.docs[0] as any).channel).toBe('outbox')
    await app.rest.post('/engine/usage', { events: [{ ...events[0], id: 'fr-2', units: 10 }] }, adminA)
    const again = await app.payload.find({ collection: 'notifications' as never, where: { line: { equals: target.id } } as never, overrideAccess: true })
    expect(again.totalDocs).toBe(1)
    expect((await app.rest.get(`/engine/balance?line=${line(0, 'b')}`, adminA)).status).toBe(404)
    expect((await app.rest.get(`/engine/balance?line=abc`, adminA)).status).toBe(400)
  })
})

describe('shared pool (G)', () => {
  it('is every shared MB offer of the account, summed, as in the distribution grid', async () => {
    const offer = (pkg: string, amount: number) =>
      app.payload.create({
        collection: 'offers' as never,
        data: { company: world.b.company.id, account: world.b.account.id, offer: 'Claro Empresa', package: pkg, kind: 'shared', unit: 'mb', amount } as never,
        overrideAccess: true,
      })
    await offer('Pool 1 GB', 1024)
    await offer('Pool 2 GB', 2048)
    const l = line(1, 'b')
    const bal = await app.rest.get(`/engine/balance?line=${l}&at=${TUESDAY_NOON}`, support)
    expect(bal.status, JSON.stringify(bal.body)).toBe(200)
    expect(bal.body.pool.capacityBytes).toBe(3072 * 1024 * 1024)
    const grid = await app.rest.get(`/offers/distribution?account=${String(world.b.account.id)}`, support)
    expect(grid.body.totals.poolMB).toBe(3072)
  })

  it('data drawn from the pool is recorded with the offer and package used (H3)', async () => {
    const l = line(2, 'b')
    const res = await app.rest.post('/engine/usage', { events: [{ id: 'pool-pkg', line: l, service: 'data', at: TUESDAY_NOON, units: 4096, group: 'Web' }] }, support)
    expect(res.body).toEqual({ accepted: 1, duplicates: 0, rejected: [] })
    const rows = await app.payload.find({ collection: 'usage' as never, where: { eventId: { equals: 'pool-pkg' } } as never, overrideAccess: true })
    const used = (rows.docs[0] as unknown as { package: string }).package
    expect(used.split(' + ').sort()).toEqual(['Claro Empresa - Pool 1 GB', 'Claro Empresa - Pool 2 GB'])
  })
})

