import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { engineFor } from '../../../src/engine/service'
import { startTestApp, type TestApp } from '../../helpers/app'
import { loginAs, makeWorld, type World } from '../../helpers/world'

let app: TestApp
let world: World
let admin: string
let subadmin: string
let viewer: string
let support: string

// Cycle 2026-11-16 … 2026-12-15; R$ 0,60 a minute beyond the franchises, 30 s + 6 s.
const AT = '2026-11-24T15:00:00.000Z'
const LOCAL = '991234567'
const msisdn = (i: number) => String(world.a.lines[i].msisdn)

const authorize = (line: number, units: number, token = admin) => app.rest.post('/engine/authorize', { line: msisdn(line), service: 'voice', destination: LOCAL, at: AT, units }, token)
const createCap = (body: Record<string, unknown>, token = admin) => app.rest.post('/spend-caps', { company: world.a.company.id, control: 'block', ...body }, token)
const balanceOf = async (line: number) => {
  const res = await app.rest.get(`/engine/balance?line=${msisdn(line)}&at=${AT}`, admin)
  expect(res.status).toBe(200)
  return res.body.spend as { id: string; scope: string; amount: number; used: number; held: number; left: number }[]
}
const capIds: string[] = []
const removeCaps = async () => {
  for (const id of capIds.splice(0)) await app.payload.delete({ collection: 'spend-caps' as never, id, overrideAccess: true })
}

beforeAll(async () => {
  app = await startTestApp()
  world = await makeWorld(app.payload)
  admin = await loginAs(app.rest, app.payload, world.a.users.admin)
  subadmin = await loginAs(app.rest, app.payload, world.a.users.subadmin)
  viewer = await loginAs(app.rest, app.payload, world.a.users.viewer)
  support = await loginAs(app.rest, app.payload, world.support)
  await app.payload.update({ collection: 'companies', id: world.a.company.id, data: { interruptAtLimit: true } as never, overrideAccess: true })
  const tariff = await app.rest.post(
    '/tariffs',
    { company: world.a.company.id, name: 'Tarifa', validFrom: '2026-11-01T03:00:00.000Z', voicePerMinute: 0.6, smsPerMessage: 0.25, dataPerMB: 0.1, firstIncrementS: 30, nextIncrementS: 6 },
    support,
  )
  expect(tariff.status).toBe(201)
})
afterAll(async () => app?.close())

describe('spend caps: who edits them', () => {
  it('admins edit every cap; a sub-admin only its departments and their lines; viewers none', async () => {
    const [mine, other] = world.a.departments
    const company = await createCap({ scope: 'company', amount: 1000 })
    expect(company.status).toBe(201)
    expect((await createCap({ scope: 'company', amount: 10 }, subadmin)).status).toBe(403)
    const dept = await createCap({ scope: 'department', department: mine.id, amount: 100 }, subadmin)
    expect(dept.status).toBe(201)
    expect((await createCap({ scope: 'department', department: other.id, amount: 100 }, subadmin)).status).toBe(403)
    // Line 1 is in the other department.
    expect((await createCap({ scope: 'line', line: world.a.lines[1].id, department: other.id, amount: 5 }, subadmin)).status).toBe(403)
    expect((await createCap({ scope: 'department', department: mine.id, amount: 100 }, viewer)).status).toBe(403)
    const read = await app.rest.get('/spend-caps', subadmin)
    expect(read.body.docs.map((d: { id: string }) => d.id)).toEqual([dept.body.doc.id])
    const otherCompany = await loginAs(app.rest, app.payload, world.b.users.admin)
    expect((await app.rest.get('/spend-caps', otherCompany)).body.docs).toEqual([])
    capIds.push(company.body.doc.id, dept.body.doc.id)
    await removeCaps()
  })

  it('bad input is refused by field, nothing stored', async () => {
    const res = await createCap({ scope: 'department', amount: 10.123 })
    expect(res.status).toBe(400)
    const text = JSON.stringify(res.body)
    expect(text).toContain('department')
    expect(text).toContain('amount')
    expect((await app.rest.get('/spend-caps', admin)).body.docs).toEqual([])
  })
})

describe('spend caps that block', () => {
  it('grants only what the money left buys, holds it, refuses at the cap; usage and release move the money', async () => {
    const cap = await createCap({ scope: 'line', line: world.a.lines[0].id, amount: 1 })
    expect(cap.status).toBe(201)
    capIds.push(cap.body.doc.id)
    // R$ 1,00 at R$ 0,60/min on a 30 s + 6 s grid: 96 s (R$ 0,96).
    const first = await authorize(0, 600)
    expect(first.body).toMatchObject({ allow: true, granted: 96, hold: { id: expect.any(String) } })
    expect((await balanceOf(0))[0]).toMatchObject({ amount: 100, used: 0, held: 96, left: 4 })
    const refused = await authorize(0, 60)
    expect(refused.body).toMatchObject({ allow: false, granted: 0, reason: { code: 'SPEND_CAP_REACHED' } })
    // The call never connected: the money returns.
    expect((await app.rest.delete(`/engine/holds/${first.body.hold.id}`, admin)).status).toBe(200)
    expect((await balanceOf(0))[0]).toMatchObject({ used: 0, held: 0, left: 100 })
    const second = await authorize(0, 600)
    expect(second.body.granted).toBe(96)
    // 60 s used: 60 centavos counted, the rest returns.
    const usage = await app.rest.post('/engine/usage', { events: [{ id: 'cap-1', line: msisdn(0), service: 'voice', destination: LOCAL, at: AT, units: 60, hold: second.body.hold.id }] }, admin)
    expect(usage.body).toMatchObject({ accepted: 1, rejected: [] })
    expect((await balanceOf(0))[0]).toMatchObject({ used: 60, held: 0, left: 40 })
    // R$ 0,40 left buys 36 s.
    expect((await authorize(0, 600)).body).toMatchObject({ allow: true, granted: 36 })
    // Another line is not under this cap.
    expect((await authorize(2, 600)).body).toMatchObject({ allow: true, granted: 600 })
    await removeCaps()
  })

  it('a notify cap never refuses; a franchise still grants what it covers when the money is gone', async () => {
    const notify = await createCap({ scope: 'line', line: world.a.lines[3].id, amount: 0.01, control: 'notify' })
    capIds.push(notify.body.doc.id)
    expect((await authorize(3, 600)).body).toMatchObject({ allow: true, granted: 600 })
    await app.payload.create({
      collection: 'offers' as never,
      data: { company: world.a.company.id, account: world.a.account.id, line: world.a.lines[1].id, kind: 'individual', offer: 'Plano', package: 'VOZ 1 min', unit: 'minutes', amount: 1 } as never,
      overrideAccess: true,
    })
    const block = await createCap({ scope: 'line', line: world.a.lines[1].id, amount: 0 })
    capIds.push(block.body.doc.id)
    expect((await authorize(1, 600)).body).toMatchObject({ allow: true, granted: 60 })
    await removeCaps()
  })

  it('a data session: updates hold the money of used + more, cut at the cap; usage settles it', async () => {
    const MB = 1024 * 1024
    const cap = await createCap({ scope: 'line', line: world.a.lines[3].id, amount: 1 })
    capIds.push(cap.body.doc.id)
    const data = (units: number) => app.rest.post('/engine/authorize', { line: msisdn(3), service: 'data', at: AT, units }, admin)
    // R$ 0,10 per MB: R$ 1,00 buys 10 MB.
    const first = await data(5 * MB)
    expect(first.body).toMatchObject({ allow: true, granted: 5 * MB, hold: { id: expect.any(String) } })
    const id = first.body.hold.id
    const more = await app.rest.post(`/engine/holds/${id}`, { used: 5 * MB, more: 10 * MB }, admin)
    // Data is billed per KB, each event's cost rounded half up: R$ 1,00 buys 10 291 KB (R$ 1,00498 → 100 centavos).
    expect(more.body).toMatchObject({ allow: true, granted: 10_291 * 1024 - 5 * MB })
    expect((await balanceOf(3)).find((b) => b.scope === 'line')).toMatchObject({ used: 0, held: 100, left: 0 })
    const none = await app.rest.post(`/engine/holds/${id}`, { used: 10_291 * 1024, more: MB }, admin)
    expect(none.body).toMatchObject({ allow: false, granted: 0, reason: { code: 'SPEND_CAP_REACHED' } })
    const usage = await app.rest.post('/engine/usage', { events: [{ id: 'data-1', line: msisdn(3), service: 'data', at: AT, units: 8 * MB, hold: id }] }, admin)
    expect(usage.body).toMatchObject({ accepted: 1, rejected: [] })
    expect((await balanceOf(3)).find((b) => b.scope === 'line')).toMatchObject({ used: 80, held: 0, left: 20 })
    await removeCaps()
  })

  it('interrupt-at-limit off: a call is granted whole while any money is left (it may pass the cap by that call), then only the franchise', async () => {
    await app.payload.update({ collection: 'companies', id: world.a.company.id, data: { interruptAtLimit: false } as never, overrideAccess: true })
    const cap = await createCap({ scope: 'line', line: world.a.lines[1].id, amount: 0.5 })
    capIds.push(cap.body.doc.id)
    // Line 1 has its 1-minute franchise (above): 600 s = 60 s free + 540 s (R$ 5,40) beyond it.
    expect((await authorize(1, 600)).body).toMatchObject({ allow: true, granted: 600 })
    // No money left: only what the franchise still covers.
    expect((await authorize(1, 600)).body).toMatchObject({ allow: true, granted: 60 })
    expect((await authorize(0, 600)).body).toMatchObject({ allow: true, granted: 600 }) // no cap on line 0 any more
    await app.payload.update({ collection: 'companies', id: world.a.company.id, data: { interruptAtLimit: true } as never, overrideAccess: true })
    await removeCaps()
  })

  it('a line and its department capped at once: the tighter one binds, both hold the money', async () => {
    // Line 2 (department 0) has used nothing under caps; department 0 has R$ 0,60 recorded (line 0).
    const line = await createCap({ scope: 'line', line: world.a.lines[2].id, amount: 5 })
    const dept = await createCap({ scope: 'department', department: world.a.departments[0].id, amount: 1.6 })
    const company = await createCap({ scope: 'company', amount: 100 })
    capIds.push(line.body.doc.id, dept.body.doc.id, company.body.doc.id)
    // R$ 1,60 − R$ 0,60 = R$ 1,00 left on the department: 96 s.
    const d = await authorize(2, 600)
    expect(d.body).toMatchObject({ allow: true, granted: 96 })
    const b = await balanceOf(2)
    expect(b.find((x) => x.scope === 'line')).toMatchObject({ held: 96, left: 404 })
    expect(b.find((x) => x.scope === 'department')).toMatchObject({ held: 96, left: 4 })
    expect(b.find((x) => x.scope === 'company')).toMatchObject({ held: 96 })
    expect((await authorize(2, 600)).body).toMatchObject({ allow: false, reason: { code: 'SPEND_CAP_REACHED' } })
    expect((await app.rest.delete(`/engine/holds/${d.body.hold.id}`, admin)).status).toBe(200)
    expect((await balanceOf(2)).every((x) => x.held === 0)).toBe(true)
    await removeCaps()
  })

  it('with money to spare, a grant and its money on three caps are one store call (the line\'s counters aside)', async () => {
    const line = await createCap({ scope: 'line', line: world.a.lines[2].id, amount: 50 })
    const dept = await createCap({ scope: 'department', department: world.a.departments[0].id, amount: 50 })
    const company = await createCap({ scope: 'company', amount: 100 })
    capIds.push(line.body.doc.id, dept.body.doc.id, company.body.doc.id)
    const store = (await engineFor(app.payload)).counters
    const calls: string[] = []
    const holds: string[] = []
    const spies = (['get', 'load', 'hold', 'holdAll', 'release'] as const).map((name) => {
      const original = store[name].bind(store) as (...a: unknown[]) => Promise<unknown>
      return vi.spyOn(store, name).mockImplementation(((...a: unknown[]) => (calls.push(name), original(...a))) as never)
    })
    try {
      // The first grant loads the caps' snapshots (once); the next one reads nothing but the line's counters.
      const first = await authorize(2, 60)
      expect(first.body).toMatchObject({ allow: true, granted: 60 })
      calls.length = 0
      const second = await authorize(2, 60)
      expect(second.body).toMatchObject({ allow: true, granted: 60 })
      expect(calls).toEqual(['get', 'holdAll'])
      holds.push(first.body.hold.id, second.body.hold.id)
    } finally {
      for (const spy of spies) spy.mockRestore()
    }
    // Both grants hold their money on every cap, and end with their holds.
    const b = await balanceOf(2)
    expect(b.map((x) => x.held)).toEqual([120, 120, 120])
    for (const id of holds) expect((await app.rest.delete(`/engine/holds/${id}`, admin)).status).toBe(200)
    expect((await balanceOf(2)).map((x) => x.held)).toEqual([0, 0, 0])
    await removeCaps()
  })

  it('a department cap is shared: calls at once from its lines never hold more than it', async () => {
    const dept = world.a.departments[0]
    // Line 0 already used R$ 0,60 this cycle (the test above): R$ 3,60 leaves R$ 3,00.
    const cap = await createCap({ scope: 'department', department: dept.id, amount: 3.6 })
    capIds.push(cap.body.doc.id)
    const lines = world.a.lines.map((_, i) => i).filter((i) => String(world.a.lines[i].department) === String(dept.id))
    expect(lines.length).toBeGreaterThan(1)
    const answers = await Promise.all(Array.from({ length: 12 }, (_, k) => authorize(lines[k % lines.length], 60)))
    const granted = answers.map((a) => a.body.granted as number)
    // 60 s = 60 centavos each: five fit in R$ 3,00; the rest are refused, none cut (R$ 0,00 left).
    expect(granted.filter((g) => g === 60)).toHaveLength(5)
    expect(answers.filter((a) => !a.body.allow).every((a) => a.body.reason.code === 'SPEND_CAP_REACHED')).toBe(true)
    const b = (await balanceOf(lines[0])).find((x) => x.scope === 'department')!
    expect(b).toMatchObject({ amount: 360, used: 60, held: 300, left: 0 })
    await removeCaps()
  })
})
