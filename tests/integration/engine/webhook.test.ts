import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../helpers/app'
import { loginAs, makeWorld, type World } from '../../helpers/world'

let app: TestApp
let world: World
let token: string
let server: http.Server
const received: any[] = []
let failNext = false

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      received.push(JSON.parse(body))
      res.statusCode = failNext ? 503 : 200
      res.end('{}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  process.env.NOTIFY_WEBHOOK_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`
  app = await startTestApp()
  world = await makeWorld(app.payload)
  token = await loginAs(app.rest, app.payload, world.a.users.admin)
})
afterAll(async () => {
  delete process.env.NOTIFY_WEBHOOK_URL
  await app?.close()
  await new Promise((resolve) => server?.close(resolve))
})

const AT = '2026-11-24T15:00:00.000Z'

describe('notice gateway: HTTP webhook', () => {
  it('posts each new notice once and records the delivery', async () => {
    const target = world.a.lines[0]
    await app.payload.create({
      collection: 'offers' as never,
      data: { company: world.a.company.id, account: world.a.account.id, line: target.id, offer: 'Claro Pós', package: 'SMS 10', kind: 'individual', unit: 'sms', amount: 10 } as never,
      overrideAccess: true,
    })
    const sms = (i: number) => ({ id: `wh-${i}`, line: String(target.msisdn), service: 'sms', destination: '19991234567', at: AT, units: 1 })
    // 8 messages of 10: the 60 % and 80 % notices.
    const res = await app.rest.post('/engine/usage', { events: Array.from({ length: 8 }, (_, i) => sms(i)) }, token)
    expect(res.body).toEqual({ accepted: 8, duplicates: 0, rejected: [] })
    expect(received.map((r) => r.threshold)).toEqual([60, 80])
    expect(received[0]).toMatchObject({ msisdn: String(target.msisdn), cycle: '2026-11-16', message: expect.any(String) })
    const rows = await app.payload.find({ collection: 'notifications' as never, where: { line: { equals: target.id } } as never, overrideAccess: true, sort: 'threshold' })
    expect(rows.docs.map((d: any) => [d.threshold, d.channel, d.status])).toEqual([
      ['60', 'webhook', 'sent'],
      ['80', 'webhook', 'sent'],
    ])
    // Replay: nothing new is sent.
    await app.rest.post('/engine/usage', { events: Array.from({ length: 8 }, (_, i) => sms(i)) }, token)
    expect(received).toHaveLength(2)
    // The provider fails: the notice is kept as failed with the error.
    failNext = true
    await app.rest.post('/engine/usage', { events: [sms(8), sms(9)] }, token)
    expect(received).toHaveLength(3)
    const failed = await app.payload.find({ collection: 'notifications' as never, where: { threshold: { equals: '100' } } as never, overrideAccess: true })
    expect(failed.docs[0]).toMatchObject({ status: 'failed', error: 'HTTP 503' })
  })
})
