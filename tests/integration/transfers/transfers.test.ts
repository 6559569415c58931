import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../helpers/app'
import { loginAs, makeWorld, type World } from '../../helpers/world'

/** Claro Pós permanent franchise transfers (G): only franchise the origin line has can move. */
let app: TestApp
let world: World
let token: string
let voice: any
let shared: any
const pathsOf = (body: any): string[] => (body?.errors?.[0]?.data?.errors ?? []).map((e: { path: string }) => e.path)
const count = async () => (await app.payload.count({ collection: 'transfers', overrideAccess: true })).totalDocs

beforeAll(async () => {
  app = await startTestApp()
  world = await makeWorld(app.payload)
  const a = world.a
  const create = (collection: string, data: Record<string, unknown>) => app.payload.create({ collection: collection as never, data: data as never, overrideAccess: true, depth: 0 }) as Promise<any>
  voice = await create('offers', { company: a.company.id, account: a.account.id, line: a.lines[0].id, kind: 'individual', offer: 'Claro Pós', package: 'Voz 100 min', unit: 'minutes', amount: 100 })
  shared = await create('offers', { company: a.company.id, account: a.account.id, kind: 'shared', offer: 'Claro Total Compartilhado', package: '30GB', unit: 'mb', amount: 30720 })
  token = await loginAs(app.rest, app.payload, a.users.admin)
})
afterAll(async () => app?.close())

const transfer = (data: Record<string, unknown>) => app.rest.post('/transfers', { company: world.a.company.id, ...data }, token)

describe('POST /api/transfers', () => {
  it("refuses an offer the origin line does not hold, on the offer field, and writes nothing", async () => {
    const before = await count()
    const res = await transfer({ offer: voice.id, fromLine: world.a.lines[1].id, toLine: world.a.lines[2].id, amount: 10 })
    expect(res.status).toBe(400)
    expect(pathsOf(res.body)).toEqual(['offer'])
    const pool = await transfer({ offer: shared.id, fromLine: world.a.lines[0].id, toLine: world.a.lines[2].id, amount: 10 })
    expect(pool.status).toBe(400)
    expect(pathsOf(pool.body)).toEqual(['offer'])
    expect(await count()).toBe(before)
  })

  it('refuses more than the origin has left, and zero', async () => {
    const before = await count()
    const over = await transfer({ offer: voice.id, fromLine: world.a.lines[0].id, toLine: world.a.lines[1].id, amount: 101 })
    expect(over.status).toBe(400)
    expect(pathsOf(over.body)).toEqual(['amount'])
    expect(over.body.errors[0].data.errors[0].message).toContain('no máximo 100 min')
    const zero = await transfer({ offer: voice.id, fromLine: world.a.lines[0].id, toLine: world.a.lines[1].id, amount: 0 })
    expect(pathsOf(zero.body)).toEqual(['amount'])
    expect(await count()).toBe(before)
  })

  it("answers its field errors in the caller's language: pt-BR by default, English for an admin in English", async () => {
    const a = world.a
    const over = { company: a.company.id, offer: voice.id, fromLine: a.lines[0].id, toLine: a.lines[1].id, amount: 101 }
    const sameLine = { ...over, toLine: a.lines[0].id, amount: 10 }
    const pool = { ...over, offer: shared.id, amount: 10 }
    const message = async (body: Record<string, unknown>, language?: string) => {
      const res = await app.rest.request('POST', '/transfers', { body, token, headers: language ? { 'accept-language': language } : {} })
      expect(res.status).toBe(400)
      return (res.body?.errors?.[0]?.data?.errors ?? []).map((e: { path: string; message: string }) => `${e.path}: ${e.message}`)
    }
    expect(await message(over)).toEqual(['amount: Quantidade acima do que a linha de origem tem desta oferta: no máximo 100 min'])
    expect(await message(sameLine)).toEqual(['toLine: A linha de destino deve ser diferente da origem'])
    expect(await message(over, 'en')).toEqual(['amount: Amount above what the origin line has of this offer: at most 100 min'])
    expect(await message(sameLine, 'en')).toEqual(['toLine: The destination line must differ from the origin'])
    expect(await message(pool, 'en')).toEqual(['offer: Only the franchise of an individual offer can be transferred'])
  })

  it('moves what exists: then only the rest, and the receiver can pass on what it received', async () => {
    const first = await transfer({ offer: voice.id, fromLine: world.a.lines[0].id, toLine: world.a.lines[1].id, amount: 60 })
    expect(first.status, JSON.stringify(first.body)).toBe(201)
    const again = await transfer({ offer: voice.id, fromLine: world.a.lines[0].id, toLine: world.a.lines[2].id, amount: 41 })
    expect(again.status).toBe(400)
    expect(again.body.errors[0].data.errors[0].message).toContain('no máximo 40 min')
    const onward = await transfer({ offer: voice.id, fromLine: world.a.lines[1].id, toLine: world.a.lines[3].id, amount: 60 })
    expect(onward.status, JSON.stringify(onward.body)).toBe(201)
    // Editing a transfer counts the others, not itself.
    const edit = await app.rest.patch(`/transfers/${first.body.doc.id}`, { amount: 101 }, token)
    expect(edit.status).toBe(400)
    expect(pathsOf(edit.body)).toEqual(['amount'])
    expect((await app.rest.patch(`/transfers/${first.body.doc.id}`, { amount: 70 }, token)).status).toBe(200)
  })
})

describe('the offers a transfer may pick (the admin form\'s offer options)', () => {
  it("are the origin line's individual offers, its own or received", async () => {
    const { offersOfOrigin } = await import('../../../src/collections/Transfers/offerOptions')
    const req = { payload: app.payload } as never
    const optionsFor = async (fromLine: unknown) => {
      const where = await (offersOfOrigin as (args: unknown) => Promise<any>)({ req, siblingData: { fromLine } })
      return (await app.payload.find({ collection: 'offers', where, depth: 0, pagination: false, overrideAccess: true })).docs.map((o: any) => o.id)
    }
    expect(await optionsFor(world.a.lines[0].id)).toContain(voice.id)
    expect(await optionsFor(world.a.lines[0].id)).not.toContain(shared.id)
    // lines[1] received voice in the test above.
    expect(await optionsFor(world.a.lines[1].id)).toContain(voice.id)
    expect(await optionsFor(world.b.lines[0].id)).not.toContain(voice.id)
  })
})
