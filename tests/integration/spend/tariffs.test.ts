import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../helpers/app'
import { loginAs, makeWorld, type World } from '../../helpers/world'

let app: TestApp
let world: World
let adminA: string
let support: string

// Cycle 2026-11-16 … 2026-12-15 (renewal day 16); the tariff changes on 2026-11-25 09:00 São Paulo.
const V1_FROM = '2026-11-16T03:00:00.000Z'
const V2_FROM = '2026-11-25T12:00:00.000Z'
const LOCAL_CLARO = '991234567'

const msisdn = (i: number) => String(world.a.lines[i].msisdn)

const tariffBody = (name: string, validFrom: string, voicePerMinute: number, extra: Record<string, unknown> = {}) => ({
  company: world.a.company.id,
  name,
  validFrom,
  voicePerMinute,
  smsPerMessage: 0.25,
  dataPerMB: 0.1,
  firstIncrementS: 30,
  nextIncrementS: 6,
  categories: [{ category: 'voice.international.mobile', price: 3 }],
  ...extra,
})

async function record(events: Record<string, unknown>[]) {
  const res = await app.rest.post('/engine/usage', { events }, adminA)
  expect(res.status).toBe(200)
  expect(res.body.rejected).toEqual([])
  return res.body
}

async function costOf(eventId: string): Promise<number> {
  const res = await app.rest.get(`/usage?where[eventId][equals]=${eventId}&depth=0`, adminA)
  expect(res.status).toBe(200)
  expect(res.body.docs).toHaveLength(1)
  return res.body.docs[0].cost
}

beforeAll(async () => {
  app = await startTestApp()
  world = await makeWorld(app.payload)
  adminA = await loginAs(app.rest, app.payload, world.a.users.admin)
  support = await loginAs(app.rest, app.payload, world.support)
  // Line 1 has a 1-minute voice franchise.
  await app.payload.create({
    collection: 'offers' as never,
    data: { company: world.a.company.id, account: world.a.account.id, line: world.a.lines[1].id, kind: 'individual', offer: 'Plano', package: 'VOZ 1 min', unit: 'minutes', amount: 1 } as never,
    overrideAccess: true,
  })
})
afterAll(async () => app?.close())

describe('tariffs collection', () => {
  it('support creates and edits tariffs; the company admin reads them but may not write', async () => {
    const denied = await app.rest.post('/tariffs', tariffBody('Tarifa admin', V1_FROM, 1), adminA)
    expect(denied.status).toBe(403)
    const v1 = await app.rest.post('/tariffs', tariffBody('Tarifa 2026', V1_FROM, 0.5), support)
    expect(v1.status).toBe(201)
    const edited = await app.rest.request('PATCH', `/tariffs/${v1.body.doc.id}`, { body: { voicePerMinute: 0.6 }, token: support })
    expect(edited.status).toBe(200)
    expect((await app.rest.request('PATCH', `/tariffs/${v1.body.doc.id}`, { body: { voicePerMinute: 9 }, token: adminA })).status).toBe(403)
    const read = await app.rest.get('/tariffs', adminA)
    expect(read.status).toBe(200)
    expect(read.body.docs.map((d: { name: string; voicePerMinute: number }) => [d.name, d.voicePerMinute])).toEqual([['Tarifa 2026', 0.6]])
    const otherCompany = await loginAs(app.rest, app.payload, world.b.users.admin)
    expect((await app.rest.get('/tariffs', otherCompany)).body.docs).toEqual([])
  })

  it('bad input is refused field by field and nothing is stored', async () => {
    const res = await app.rest.post(
      '/tariffs',
      tariffBody('Ruim', '2026-11-20T03:00:00.000Z', -1, { nextIncrementS: 0, categories: [{ category: 'data', price: 1 }, { category: 'data', price: 2 }] }),
      support,
    )
    expect(res.status).toBe(400)
    const fields = JSON.stringify(res.body)
    expect(fields).toContain('voicePerMinute')
    expect(fields).toContain('nextIncrementS')
    expect(fields).toContain('categories')
    expect((await app.rest.get('/tariffs', support)).body.docs.map((d: { name: string }) => d.name)).not.toContain('Ruim')
  })
})

describe('usage priced with the tariff in force at its time', () => {
  it('a tariff change mid-cycle prices each event with the version in force at its time', async () => {
    const v2 = await app.rest.post('/tariffs', tariffBody('Reajuste', V2_FROM, 1.2, { categories: [{ category: 'voice.international.mobile', price: 4 }] }), support)
    expect(v2.status).toBe(201)
    await record([
      { id: 'before-1', line: msisdn(0), service: 'voice', destination: LOCAL_CLARO, at: '2026-11-24T15:00:00.000Z', units: 31 },
      { id: 'edge-1', line: msisdn(0), service: 'voice', destination: LOCAL_CLARO, at: '2026-11-25T11:59:59.999Z', units: 60 },
      { id: 'edge-2', line: msisdn(0), service: 'voice', destination: LOCAL_CLARO, at: V2_FROM, units: 60 },
      { id: 'after-1', line: msisdn(0), service: 'voice', destination: LOCAL_CLARO, at: '2026-11-26T15:00:00.000Z', units: 31 },
      { id: 'intl-1', line: msisdn(0), service: 'voice', destination: '+447912345678', at: '2026-11-24T15:00:00.000Z', units: 60 },
      { id: 'intl-2', line: msisdn(0), service: 'voice', destination: '+447912345678', at: '2026-11-26T15:00:00.000Z', units: 60 },
      { id: 'sms-1', line: msisdn(0), service: 'sms', destination: LOCAL_CLARO, at: '2026-11-26T15:00:00.000Z', units: 2 },
      { id: 'free-1', line: msisdn(0), service: 'voice', destination: '08001234567', at: '2026-11-26T15:00:00.000Z', units: 600 },
    ])
    expect(await costOf('before-1')).toBe(36) // 36 s × R$ 0,60
    expect(await costOf('edge-1')).toBe(60)
    expect(await costOf('edge-2')).toBe(120) // R$ 1,20 from V2_FROM on
    expect(await costOf('after-1')).toBe(72)
    expect(await costOf('intl-1')).toBe(300)
    expect(await costOf('intl-2')).toBe(400)
    expect(await costOf('sms-1')).toBe(50)
    expect(await costOf('free-1')).toBe(0)
  })

  it('nothing inside a franchise costs extra; a call crossing it pays only its excess', async () => {
    await record([
      { id: 'fr-1', line: msisdn(1), service: 'voice', destination: LOCAL_CLARO, at: '2026-11-24T15:00:00.000Z', units: 50 },
      { id: 'fr-2', line: msisdn(1), service: 'voice', destination: LOCAL_CLARO, at: '2026-11-24T15:10:00.000Z', units: 90 },
    ])
    expect(await costOf('fr-1')).toBe(0)
    // 10 s left in the franchise: 80 s beyond it bill 30 + 54 = 84 s at R$ 0,60
    expect(await costOf('fr-2')).toBe(84)
  })

  it('events before any tariff cost nothing', async () => {
    await record([{ id: 'old-1', line: msisdn(2), service: 'voice', destination: LOCAL_CLARO, at: '2026-11-15T15:00:00.000Z', units: 120 }])
    expect(await costOf('old-1')).toBe(0)
  })
})

describe('cost report', () => {
  it('a report with Download: cost per line, department subtotals and the company total', async () => {
    const { getRaw, readXlsx } = await import('../reports/helpers')
    const created = await app.rest.post('/reports', { kind: 'costs', params: { from: '2026-11-16', to: '2026-11-30' } }, adminA)
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    await app.payload.jobs.run({ queue: 'reports', limit: 10, sequential: true })
    const doc = await app.payload.findByID({ collection: 'reports', id: created.body.doc.id, overrideAccess: true, depth: 0 })
    expect(doc.status, String(doc.error)).toBe('done')
    const file = await getRaw(app.config, `/reports/${created.body.doc.id}/download`, adminA)
    expect(file.status).toBe(200)
    const table = await readXlsx(file.body)
    expect(table[0]).toEqual(['Departamento', 'Nº da linha', 'Usuário', 'Eventos', 'Custo (R$)'])
    const usage = (await app.payload.find({ collection: 'usage', where: { company: { equals: world.a.company.id } }, pagination: false, overrideAccess: true, depth: 0 })).docs as unknown as { at: string; cost: number; line: number }[]
    const inPeriod = usage.filter((u) => u.at >= '2026-11-16T03:00:00.000Z')
    const total = inPeriod.reduce((s, u) => s + u.cost, 0)
    expect(total).toBe(36 + 60 + 120 + 72 + 300 + 400 + 50 + 84)
    expect(table[table.length - 1]).toEqual(['Empresa (total)', '', '', String(inPeriod.length), (total / 100).toFixed(2).replace('.', ',')].map((c, i) => (i === 3 ? Number(c) : c)))
    const line0 = table.find((r) => r[1] === `+${msisdn(0)}`)!
    expect(line0[4]).toBe('10,38') // 36 + 60 + 120 + 72 + 300 + 400 + 50 centavos
    expect(table.filter((r) => String(r[0]).endsWith('(total)')).length).toBe(3)
  })
})

describe('GET /api/spend-caps/summary', () => {
  it('cost per line, department and company in the cycle, for whoever reads them', async () => {
    // Now (2026-12) is in the cycle that began on 2026-11-16.
    const line = await app.rest.get(`/spend-caps/summary?scope=line&id=${world.a.lines[0].id}`, adminA)
    expect(line.status).toBe(200)
    expect(line.body).toMatchObject({ cycle: '2026-11-16', cost: 1038 })
    const dep = await app.rest.get(`/spend-caps/summary?scope=department&id=${world.a.departments[1].id}`, adminA)
    expect(dep.body.cost).toBe(84) // line 1
    const company = await app.rest.get(`/spend-caps/summary?scope=company&id=${world.a.company.id}`, adminA)
    expect(company.body.cost).toBe(1038 + 84)
    expect(company.body.cycles).toEqual([{ cycle: '2026-11-16', cents: 1122 }])
    const other = await loginAs(app.rest, app.payload, world.b.users.admin)
    expect((await app.rest.get(`/spend-caps/summary?scope=line&id=${world.a.lines[0].id}`, other)).status).toBe(404)
    const bad = await app.rest.get(`/spend-caps/summary?scope=planet`, adminA)
    expect(bad.status).toBe(400)
    // `{path, message}` as the rest of the API, with `field` kept as its alias.
    expect(bad.body.fields).toEqual([
      { path: 'scope', message: expect.any(String), field: 'scope' },
      { path: 'id', message: expect.any(String), field: 'id' },
    ])
  })
})

describe('GraphQL', () => {
  it('tariffs, caps and alerts with the same access rules as REST', async () => {
    const read = await app.rest.gql('{ Tariffs { docs { name validFrom } } SpendCaps { docs { id } } SpendAlerts { docs { id } } }', {}, adminA)
    expect(read.body.errors).toBeUndefined()
    expect(read.body.data.Tariffs.docs.map((d: { name: string }) => d.name).sort()).toEqual(['Reajuste', 'Tarifa 2026'])
    const other = await loginAs(app.rest, app.payload, world.b.users.admin)
    expect((await app.rest.gql('{ Tariffs { docs { name } } }', {}, other)).body.data.Tariffs.docs).toEqual([])
    const denied = await app.rest.gql(
      'mutation($data: mutationTariffInput!) { createTariff(data: $data) { id } }',
      { data: { company: world.a.company.id, name: 'Via GraphQL', validFrom: '2026-12-01T03:00:00.000Z', voicePerMinute: 0.1, smsPerMessage: 0.1, dataPerMB: 0.1, firstIncrementS: 30, nextIncrementS: 6 } },
      adminA,
    )
    expect(denied.body.errors?.length).toBeGreaterThan(0)
    const cap = await app.rest.gql('mutation($data: mutationSpendCapInput!) { createSpendCap(data: $data) { id amount } }', { data: { company: world.a.company.id, scope: 'company', amount: 12.5, control: 'notify' } }, adminA)
    expect(cap.body.errors).toBeUndefined()
    expect(cap.body.data.createSpendCap.amount).toBe(12.5)
  })
})
