import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SnapshotCache } from '../../../src/engine/adapters/snapshots'
import { startTestApp, type TestApp } from '../../helpers/app'
import { makeWorld, type World } from '../../helpers/world'

let app: TestApp
let world: World

const create = (collection: string, data: Record<string, unknown>) =>
  app.payload.create({ collection: collection as never, data: data as never, overrideAccess: true, depth: 0 }) as Promise<{ id: string | number }>

beforeAll(async () => {
  app = await startTestApp()
  world = await makeWorld(app.payload)
  const a = world.a
  // Everything a snapshot is made of, spread over the lines: a second profile, holidays,
  // individual offers, the account's shared pool, a quota and a franchise transfer.
  const strict = await create('profiles', {
    company: a.company.id,
    name: 'Restrito',
    lists: [{ type: 'blocked', usage: 'voice', scope: 'national', number: '1133334444' }],
    calendar: { days: ['mon', 'tue'], holidays: true, windows: [{ from: '08:00', to: '18:00' }] },
    limits: [{ category: 'sms.other', control: 'limited', quantity: 5 }],
  })
  await app.payload.update({ collection: 'lines', id: a.lines[1].id, data: { profile: strict.id, quota: { control: 'limited', amountMB: 512 } } as never, overrideAccess: true })
  await create('holidays', { company: a.company.id, date: '2026-12-25', name: 'Natal' })
  await create('holidays', { company: a.company.id, date: '2026-01-25', name: 'Aniversário de São Paulo', state: 'SP' })
  const voice = await create('offers', { company: a.company.id, account: a.account.id, line: a.lines[0].id, kind: 'individual', offer: 'Claro Pós', package: 'Voz 100 min', unit: 'minutes', amount: 100 })
  await create('offers', { company: a.company.id, account: a.account.id, line: a.lines[2].id, kind: 'individual', offer: 'Claro Pós', package: 'SMS 50', unit: 'sms', amount: 50 })
  await create('offers', { company: a.company.id, account: a.account.id, kind: 'shared', offer: 'Claro Total Compartilhado', package: '30GB', unit: 'mb', amount: 30720 })
  await create('transfers', { company: a.company.id, offer: voice.id, fromLine: a.lines[0].id, toLine: a.lines[3].id, amount: 20 })
})
afterAll(async () => app?.close())

describe('line snapshots', () => {
  it('preloaded for a whole batch are the same as loaded one by one', async () => {
    const msisdns = [...world.a.lines, ...world.b.lines].map((l) => String(l.msisdn))
    const oneByOne = new SnapshotCache(app.payload)
    const singly = await Promise.all(msisdns.map((m) => oneByOne.byMsisdn(m)))
    const bulk = new SnapshotCache(app.payload)
    await bulk.preload([...msisdns, '5511999999999'])
    const preloaded = await Promise.all(msisdns.map((m) => bulk.byMsisdn(m)))
    // Each cache compiles its own operator index (same data, other function identities); the account's line ids are a getter.
    const comparable = (list: typeof singly) => list.map((ls) => ls && { ...ls, accountLineIds: ls.accountLineIds, snapshot: { ...ls.snapshot, operators: null } })
    expect(comparable(preloaded)).toEqual(comparable(singly))
    // The fixture does reach every part of a snapshot.
    const [l0, l1, , l3] = singly
    expect(l0!.snapshot.offers.length).toBeGreaterThan(0)
    expect(l1!.snapshot.quota).not.toBeNull()
    expect(l3!.snapshot.offers.map((o) => o.id)).toEqual(l0!.snapshot.offers.map((o) => o.id))
    expect(await bulk.byMsisdn('5511999999999')).toBeNull()
  })
})
