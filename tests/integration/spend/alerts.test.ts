import { createHmac } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startTestApp, type TestApp } from '../../helpers/app'
import { loginAs, makeWorld, type World } from '../../helpers/world'

let app: TestApp
let world: World
let admin: string
let subadmin: string
let hook: http.Server
const received: { headers: http.IncomingHttpHeaders; body: string }[] = []
let failNext = 1
const SECRET = 'segredo-do-webhook'
const LOCAL = '991234567'
const msisdn = (i: number) => String(world.a.lines[i].msisdn)
let seq = 0

/** Calls of `seconds` on a line at São Paulo noon of each day (R$ 0,60 a minute, no franchise). */
async function calls(line: number, days: string[], seconds: number) {
  const events = days.map((d) => ({ id: `ev-${seq++}`, line: msisdn(line), service: 'voice', destination: LOCAL, at: `${d}T15:00:00.000Z`, units: seconds }))
  const res = await app.rest.post('/engine/usage', { events }, admin)
  expect(res.body).toMatchObject({ accepted: events.length, rejected: [] })
  // Imported after the app started (the webhook task reads its retry settings from the environment at import).
  const { alertsSettled } = await import('../../../src/spend/alerts')
  await alertsSettled(app.payload)
}

/** One batch: a call of `seconds` on each of these lines at São Paulo noon of `day`. */
async function callsOn(lines: number[], day: string, seconds: number) {
  const events = lines.map((line) => ({ id: `ev-${seq++}`, line: msisdn(line), service: 'voice', destination: LOCAL, at: `${day}T15:00:00.000Z`, units: seconds }))
  const res = await app.rest.post('/engine/usage', { events }, admin)
  expect(res.body).toMatchObject({ accepted: events.length, rejected: [] })
  const { alertsSettled } = await import('../../../src/spend/alerts')
  await alertsSettled(app.payload)
}

const alerts = async (token = admin) => {
  const res = await app.rest.get('/spend-alerts?limit=100&sort=createdAt&depth=0', token)
  expect(res.status).toBe(200)
  return res.body.docs as { key: string; kind: string; subject: string; threshold?: number; runsOutAt?: string; message: string; line?: string; emailedTo?: string; webhook: string; id: string }[]
}

beforeAll(async () => {
  hook = http.createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += String(c)))
    req.on('end', () => {
      received.push({ headers: req.headers, body })
      if (failNext-- > 0) res.writeHead(500).end('falhou')
      else res.writeHead(204).end()
    })
  })
  // Any free port: the SQLite and PostgreSQL runs go at once.
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', () => r()))
  app = await startTestApp({ env: { SPEND_WEBHOOK_DELAY_MS: '50', SPEND_WEBHOOK_ATTEMPTS: '4' } })
  world = await makeWorld(app.payload)
  admin = await loginAs(app.rest, app.payload, world.a.users.admin)
  subadmin = await loginAs(app.rest, app.payload, world.a.users.subadmin)
  const support = await loginAs(app.rest, app.payload, world.support)
  const port = (hook.address() as AddressInfo).port
  await app.payload.update({
    collection: 'companies',
    id: world.a.company.id,
    data: { spendAlerts: { thresholds: '50, 80, 100', webhookUrl: `http://127.0.0.1:${port}/gol`, webhookSecret: SECRET } } as never,
    overrideAccess: true,
  })
  const tariff = await app.rest.post(
    '/tariffs',
    { company: world.a.company.id, name: 'Tarifa', validFrom: '2026-11-01T03:00:00.000Z', voicePerMinute: 0.6, smsPerMessage: 0.25, dataPerMB: 0.1, firstIncrementS: 30, nextIncrementS: 6 },
    support,
  )
  expect(tariff.status).toBe(201)
})
afterAll(async () => {
  await app?.close()
  hook?.close()
})

describe('threshold alerts', () => {
  it('fire once per threshold per cycle, by e-mail to the managers and signed webhook', async () => {
    // Line 0 (department 0): a R$ 10 notify cap; 9 minutes (R$ 5,40) reach 50 %.
    await app.payload.create({ collection: 'spend-caps' as never, data: { company: world.a.company.id, scope: 'line', line: world.a.lines[0].id, amount: 10, control: 'notify', name: 'Linha 0' } as never, overrideAccess: true })
    await calls(0, ['2026-12-01'], 540)
    let log = (await alerts()).filter((a) => a.subject === 'cap' && a.kind === 'threshold')
    expect(log.map((a) => a.threshold)).toEqual([50])
    // 2 more minutes (R$ 6,60): nothing new; 2 more (R$ 7,80): nothing; 1 more (R$ 8,40): 80 %.
    await calls(0, ['2026-12-01'], 120)
    await calls(0, ['2026-12-01'], 120)
    expect((await alerts()).filter((a) => a.subject === 'cap' && a.kind === 'threshold')).toHaveLength(1)
    await calls(0, ['2026-12-01'], 60)
    // Past the cap (notify: never refused): 100 % once, however much more is used.
    await calls(0, ['2026-12-01'], 600)
    await calls(0, ['2026-12-01'], 600)
    log = (await alerts()).filter((a) => a.subject === 'cap' && a.kind === 'threshold')
    expect(log.map((a) => a.threshold)).toEqual([50, 80, 100])
    expect(log[0].message).toContain('54%')
    // E-mailed to the company admin and the sub-admin of line 0's department.
    expect(log[0].emailedTo).toContain(String(world.a.users.admin.email))
    expect(log[0].emailedTo).toContain(String(world.a.users.subadmin.email))
    const mail = await app.payload.find({ collection: 'outbox', where: { subject: { contains: 'Alerta' } }, overrideAccess: true })
    expect(mail.totalDocs).toBeGreaterThanOrEqual(3)
    // The sub-admin reads its department's alerts.
    expect((await alerts(subadmin)).map((a) => a.key)).toEqual(expect.arrayContaining(log.map((a) => a.key)))
  })

  it('franchise thresholds at the company percents', async () => {
    await app.payload.create({
      collection: 'offers' as never,
      data: { company: world.a.company.id, account: world.a.account.id, line: world.a.lines[1].id, kind: 'individual', offer: 'Plano', package: 'VOZ 10 min', unit: 'minutes', amount: 10 } as never,
      overrideAccess: true,
    })
    await calls(1, ['2026-12-01'], 300)
    await calls(1, ['2026-12-01'], 100)
    await calls(1, ['2026-12-01'], 200)
    const log = (await alerts()).filter((a) => a.subject === 'franchise')
    expect(log.map((a) => a.threshold)).toEqual([50, 80, 100])
  })

  it('webhook deliveries are signed with HMAC-SHA256 and retried until accepted; the log shows each try', async () => {
    await app.payload.jobs.run({ limit: 100 })
    for (let i = 0; i < 40; i++) {
      const pending = await app.payload.find({ collection: 'webhook-deliveries' as never, where: { status: { equals: 'pending' } } as never, overrideAccess: true })
      if (!pending.totalDocs) break
      await new Promise((r) => setTimeout(r, 200))
      await app.payload.jobs.run({ limit: 100 })
    }
    const deliveries = await app.rest.get('/webhook-deliveries?limit=100&depth=0', admin)
    expect(deliveries.status).toBe(200)
    const docs = deliveries.body.docs as { status: string; attempts: number; responseStatus: number }[]
    expect(docs.length).toBe((await alerts()).length)
    expect(docs.every((d) => d.status === 'delivered')).toBe(true)
    // The first try met a 500 and was tried again.
    expect(docs.some((d) => d.attempts === 2)).toBe(true)
    expect((await app.rest.get('/webhook-deliveries', subadmin)).body.docs ?? []).toEqual([])
    for (const r of received) {
      const ts = String(r.headers['x-gol-timestamp'])
      const expected = `sha256=${createHmac('sha256', SECRET).update(`${ts}.${r.body}`).digest('hex')}`
      expect(r.headers['x-gol-signature']).toBe(expected)
    }
    const keys = received.filter((_, i) => i > 0).map((r) => JSON.parse(r.body).key)
    expect(new Set(keys).size).toBe(keys.length)
    expect((await alerts()).every((a) => a.webhook === 'delivered')).toBe(true)
  })
})

describe('forecast and spike alerts on generated histories', () => {
  it('a cap whose pace runs out before the cycle ends is forecast once, with the day it runs out', async () => {
    // Department 1 (lines 1 and 3): R$ 100 a cycle from 2026-11-16; R$ 15 a day on line 3 from the 16th.
    await app.payload.create({ collection: 'spend-caps' as never, data: { company: world.a.company.id, scope: 'department', department: world.a.departments[1].id, amount: 100, control: 'notify', name: 'RH' } as never, overrideAccess: true })
    await calls(3, ['2026-11-16', '2026-11-17'], 1500)
    await calls(3, ['2026-11-18'], 1500)
    const forecast = (await alerts()).filter((a) => a.kind === 'forecast' && a.message.includes('RH'))
    expect(forecast).toHaveLength(1)
    // R$ 45 in 2,5 days (16th 00:00 → 18th 12:00): R$ 100 at that pace on the 21st, before 2026-12-16.
    expect(forecast[0].runsOutAt!.slice(0, 10)).toBe('2026-11-21')
    expect(forecast[0].message).toContain('21/11/2026')
    await calls(3, ['2026-11-19'], 1500)
    expect((await alerts()).filter((a) => a.kind === 'forecast' && a.message.includes('RH'))).toHaveLength(1)
    // Line 0's R$ 10 cap (R$ 5,40 by 2026-12-01, 15,5 days in) was forecast too, once: R$ 10 by 2026-12-14.
    expect((await alerts()).filter((a) => a.kind === 'forecast' && a.message.includes('Linha 0'))).toHaveLength(1)
  })

  it("a line's day far above its own recent norm is a spike, once", async () => {
    // Line 2: R$ 0,60 a day for a week (no cap, no franchise), then R$ 30 on 2026-11-27.
    await calls(2, ['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26'], 60)
    expect((await alerts()).filter((a) => a.kind === 'spike')).toHaveLength(0)
    await calls(2, ['2026-11-27'], 3000)
    await calls(2, ['2026-11-27'], 3000)
    const spikes = (await alerts()).filter((a) => a.kind === 'spike')
    expect(spikes).toHaveLength(1)
    expect(spikes[0].message).toContain('27/11/2026')
    // A steady line is no spike: line 3 spent R$ 15 a day.
    expect(spikes[0].line).toBe(world.a.lines[2].id)
  })

  it('the spike check of a batch over several lines reads their daily costs in one query', async () => {
    const find = vi.spyOn(app.payload, 'find')
    try {
      await callsOn([0, 2, 3], '2026-11-29', 60)
      const dailyReads = find.mock.calls.filter(([args]) => args.collection === 'usage' && args.select && 'cost' in args.select)
      expect(dailyReads).toHaveLength(1)
    } finally {
      find.mockRestore()
    }
    // Still one spike: line 2's of the 27th (the 29th is no spike for any of them).
    expect((await alerts()).filter((a) => a.kind === 'spike')).toHaveLength(1)
  })

  it("the account's shared pool: thresholds and a run-out forecast, each once", async () => {
    await app.payload.create({
      collection: 'offers' as never,
      data: { company: world.a.company.id, account: world.a.account.id, kind: 'shared', offer: 'Claro Total', package: 'Internet 100 MB', unit: 'mb', amount: 100 } as never,
      overrideAccess: true,
    })
    const MB = 1024 * 1024
    const data = async (units: number) => {
      const res = await app.rest.post('/engine/usage', { events: [{ id: `pool-${seq++}`, line: msisdn(0), service: 'data', at: '2026-11-18T15:00:00.000Z', units }] }, admin)
      expect(res.body).toMatchObject({ accepted: 1, rejected: [] })
      const { alertsSettled } = await import('../../../src/spend/alerts')
      await alertsSettled(app.payload)
    }
    await data(60 * MB)
    await data(30 * MB)
    await data(MB)
    const pool = (await alerts()).filter((a) => a.subject === 'pool')
    expect(pool.filter((a) => a.kind === 'threshold').map((a) => a.threshold)).toEqual([50, 80])
    const forecast = pool.filter((a) => a.kind === 'forecast')
    expect(forecast).toHaveLength(1)
    // 60 MB in 2,5 days: the other 40 MB last 1 2/3 day more, to 2026-11-20.
    expect(forecast[0].runsOutAt!.slice(0, 10)).toBe('2026-11-20')
  })
})
