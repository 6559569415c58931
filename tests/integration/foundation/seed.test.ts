import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemo } from '../../../src/seed/demo'
import { seedLargeTenant } from '../../../src/seed/large'
import { isValidCnpj, isValidCpf, isValidIccid, isValidImsi, isValidMsisdn } from '../../../src/validation'
import { startTestApp, type TestApp } from '../../helpers/app'

let app: TestApp

beforeAll(async () => {
  app = await startTestApp()
})
afterAll(async () => app?.close())

const all = async (collection: string) =>
  (await app.payload.find({ collection: collection as never, limit: 0, pagination: false, depth: 0, overrideAccess: true })).docs as any[]

describe('demo data', () => {
  it('creates two companies with lines, users of every role and usage, all valid', async () => {
    const result = await seedDemo(app.payload, { linesPerCompany: 12, days: 3, log: false })
    expect(result).not.toBeNull()
    const companies = await all('companies')
    expect(companies).toHaveLength(2)
    for (const c of companies) expect(isValidCnpj(c.cnpj)).toBe(true)
    const lines = await all('lines')
    expect(lines).toHaveLength(24)
    for (const l of lines) {
      expect(isValidMsisdn(l.msisdn)).toBe(true)
      expect(isValidIccid(l.iccid)).toBe(true)
      expect(isValidImsi(l.imsi)).toBe(true)
    }
    const users = await all('users')
    expect(new Set(users.map((u) => u.role))).toEqual(new Set(['support', 'admin', 'subadmin', 'viewer']))
    for (const u of users) expect(isValidCpf(u.username)).toBe(true)
    for (const collection of ['accounts', 'departments', 'profiles', 'holidays', 'offers', 'usage']) {
      expect((await all(collection)).length, collection).toBeGreaterThan(0)
    }
    expect((await all('offers')).some((o) => o.kind === 'shared')).toBe(true)
  })

  it("records its usage through the engine: the counters hold exactly the usage's units", async () => {
    const usage = await all('usage')
    const consumption = await all('consumption')
    const sum = (rows: any[]) => rows.reduce((n, r) => n + Number(r.units), 0)
    expect(usage.every((u) => u.category && u.cycle)).toBe(true)
    for (const service of ['voice', 'sms', 'data']) {
      const counted = consumption.filter((c) => c.key.startsWith(`cat:${service}`))
      expect(sum(counted), service).toBe(sum(usage.filter((u) => u.service === service)))
      expect(sum(counted), service).toBeGreaterThan(0)
    }
  })

  it('prices its usage (issue 15): a tariff and two caps per company, the cost counted as money used', async () => {
    const companies = await all('companies')
    const tariffs = await all('tariffs')
    const caps = await all('spend-caps')
    for (const c of companies) {
      expect(tariffs.filter((t) => t.company === c.id)).toHaveLength(1)
      expect(caps.filter((k) => k.company === c.id).map((k) => k.scope).sort()).toEqual(['company', 'department'])
    }
    const usage = await all('usage')
    const cost = usage.reduce((n, u) => n + Number(u.cost ?? 0), 0)
    expect(cost).toBeGreaterThan(0)
    const money = (await all('consumption')).filter((c) => c.key === 'money')
    expect(money.reduce((n, c) => n + Number(c.units), 0)).toBe(cost)
  })

  it('does nothing on a database that already has companies', async () => {
    expect(await seedDemo(app.payload, { log: false })).toBeNull()
    expect(await all('companies')).toHaveLength(2)
  })
})

describe('large tenant', () => {
  it('bulk-inserts the lines, every identifier valid and unique', async () => {
    const company = await seedLargeTenant(app.payload, 2500)
    const lines = (await all('lines')).filter((l) => l.company === company.id)
    expect(lines).toHaveLength(2500)
    expect(new Set(lines.map((l) => l.msisdn)).size).toBe(2500)
    for (const l of lines.slice(0, 200)) expect(isValidMsisdn(l.msisdn) && isValidIccid(l.iccid) && isValidImsi(l.imsi)).toBe(true)
    const viaRest = await app.payload.count({ collection: 'lines', where: { company: { equals: company.id } }, overrideAccess: true })
    expect(viaRest.totalDocs).toBe(2500)
  })
})
