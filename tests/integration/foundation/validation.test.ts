import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateCpf, generateIccid, generateMsisdn } from '../../../src/validation/generate'
import { startTestApp, type TestApp } from '../../helpers/app'
import { loginAs, makeWorld, type World } from '../../helpers/world'

let app: TestApp
let world: World
let token: string

beforeAll(async () => {
  app = await startTestApp()
  world = await makeWorld(app.payload)
  token = await loginAs(app.rest, app.payload, world.support)
  await app.payload.create({
    collection: 'offers',
    data: { company: world.a.company.id, account: world.a.account.id, kind: 'shared', offer: 'Claro Total Compartilhado', package: '1GB', unit: 'mb', amount: 1024 } as never,
    overrideAccess: true,
  })
})
afterAll(async () => app?.close())

type Case = { name: string; collection: string; data: (w: World) => Record<string, unknown>; path: string; message?: RegExp }

const line = (w: World, extra: Record<string, unknown>) => ({ company: w.a.company.id, account: w.a.account.id, msisdn: generateMsisdn(w.rng, 19), ...extra })

/** One bad value per validator; each must answer 400 naming the field, and write nothing. */
const CASES: Case[] = [
  { name: 'CPF with a wrong check digit', collection: 'users', path: 'username', message: /CPF/, data: (w) => ({ username: '15796071875', email: 'a@example.com', password: 'Senha@123', firstName: 'A', lastName: 'B', role: 'viewer', companies: [w.a.company.id] }) },
  { name: 'CPF with all digits equal', collection: 'users', path: 'username', data: (w) => ({ username: '11111111111', email: 'b@example.com', password: 'Senha@123', firstName: 'A', lastName: 'B', role: 'viewer', companies: [w.a.company.id] }) },
  { name: 'e-mail without domain', collection: 'users', path: 'email', data: (w) => ({ username: generateCpf(w.rng), email: 'sem-dominio', password: 'Senha@123', firstName: 'A', lastName: 'B', role: 'viewer', companies: [w.a.company.id] }) },
  { name: 'CNPJ of the seed test data', collection: 'companies', path: 'cnpj', message: /CNPJ/, data: () => ({ cnpj: '02558157000001', name: 'X', clientNumber: '1234567' }) },
  { name: 'alphanumeric CNPJ with a wrong check digit', collection: 'companies', path: 'cnpj', data: () => ({ cnpj: '12ABC34501DE36', name: 'X', clientNumber: '1234568' }) },
  { name: 'renewal day 32', collection: 'companies', path: 'renewalDay', data: () => ({ cnpj: '40432544000147', name: 'X', clientNumber: '1234569', renewalDay: 32 }) },
  { name: 'MSISDN with a DDD that does not exist', collection: 'lines', path: 'msisdn', data: (w) => line(w, { msisdn: '5520991234567' }) },
  { name: 'MSISDN too short', collection: 'lines', path: 'msisdn', data: (w) => line(w, { msisdn: '551999123' }) },
  { name: 'ICCID with a wrong Luhn digit', collection: 'lines', path: 'iccid', message: /ICCID/, data: (w) => line(w, { iccid: '89550534100027902479' }) },
  { name: 'ICCID not from Brazil', collection: 'lines', path: 'iccid', data: (w) => line(w, { iccid: generateIccid(w.rng).replace(/^8955/, '8901') }) },
  { name: 'IMSI with a foreign MCC', collection: 'lines', path: 'imsi', message: /IMSI/, data: (w) => line(w, { imsi: '310051028203153' }) },
  { name: 'line status emptied', collection: 'lines', path: 'status', data: (w) => line(w, { status: null }) },
  { name: 'line status not in the list', collection: 'lines', path: 'status', data: (w) => line(w, { status: 'paused' }) },
  { name: 'extension with letters', collection: 'lines', path: 'extension', data: (w) => line(w, { extension: '12a' }) },
  { name: 'limited quota above the pool', collection: 'lines', path: 'quota.amountMB', data: (w) => line(w, { quota: { control: 'limited', amountMB: 1025 } }) },
  { name: 'holiday on a date that does not exist', collection: 'holidays', path: 'date', data: (w) => ({ company: w.a.company.id, date: '2026-02-30', name: 'X' }) },
  { name: 'holiday with an unknown DDD', collection: 'holidays', path: 'ddd', data: (w) => ({ company: w.a.company.id, date: '2026-03-01', name: 'X', ddd: 23 }) },
  { name: 'holiday with both DDD and state', collection: 'holidays', path: 'ddd', data: (w) => ({ company: w.a.company.id, date: '2026-03-01', name: 'X', ddd: 19, state: 'SP' }) },
  { name: 'time window that ends before it starts', collection: 'profiles', path: 'calendar.windows', data: (w) => ({ company: w.a.company.id, name: 'P1', calendar: { days: ['mon'], windows: [{ from: '10:00', to: '09:00' }] } }) },
  { name: 'time that is not a time', collection: 'profiles', path: 'calendar.windows.0.from', data: (w) => ({ company: w.a.company.id, name: 'P2', calendar: { days: ['mon'], windows: [{ from: '25:00', to: '26:00' }] } }) },
  { name: 'negative limit', collection: 'profiles', path: 'limits.0.quantity', data: (w) => ({ company: w.a.company.id, name: 'P3', limits: [{ category: 'sms.other', control: 'limited', quantity: -1 }] }) },
  { name: 'fractional limit', collection: 'profiles', path: 'limits.0.quantity', data: (w) => ({ company: w.a.company.id, name: 'P4', limits: [{ category: 'sms.other', control: 'limited', quantity: 1.5 }] }) },
  { name: 'list number with letters', collection: 'profiles', path: 'lists.0.number', data: (w) => ({ company: w.a.company.id, name: 'P5', lists: [{ type: 'allowed', usage: 'voice', scope: 'national', number: '19abc' }] }) },
  { name: 'negative franchise', collection: 'offers', path: 'amount', data: (w) => ({ company: w.a.company.id, account: w.a.account.id, kind: 'shared', offer: 'X', package: 'Y', unit: 'mb', amount: -5 }) },
  { name: 'account number with letters', collection: 'accounts', path: 'number', data: (w) => ({ company: w.a.company.id, number: 'ABC' }) },
  { name: 'duplicate department name in a company', collection: 'departments', path: 'name', data: (w) => ({ company: w.a.company.id, name: w.a.departments[0].name }) },
]

describe('bad input answers 400 with a field error and writes nothing', () => {
  it.each(CASES)('$name', async (c) => {
    const before = await app.payload.count({ collection: c.collection as never, overrideAccess: true })
    const res = await app.rest.post(`/${c.collection}`, c.data(world), token)
    expect(res.status, JSON.stringify(res.body)).toBe(400)
    const fieldErrors = res.body.errors.flatMap((e: any) => e.data?.errors ?? [])
    const paths = fieldErrors.map((e: any) => e.path)
    expect(paths, JSON.stringify(fieldErrors)).toContain(c.path)
    if (c.message) expect(fieldErrors.map((e: any) => e.message).join(' ')).toMatch(c.message)
    const after = await app.payload.count({ collection: c.collection as never, overrideAccess: true })
    expect(after.totalDocs).toBe(before.totalDocs)
  })

  it('an update with bad input leaves the document as it was', async () => {
    const target = world.a.lines[0]
    const res = await app.rest.patch(`/lines/${target.id}`, { name: 'Mudou', iccid: '123' }, token)
    expect(res.status).toBe(400)
    const doc = await app.payload.findByID({ collection: 'lines', id: target.id, overrideAccess: true })
    expect(doc.name).toBe(target.name)
    expect(doc.iccid).toBe(target.iccid)
  })
})
