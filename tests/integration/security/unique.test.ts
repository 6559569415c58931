import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateCpf, generateIccid, generateMsisdn } from '../../../src/validation/generate'
import { startAdminApp, type TestApp } from '../../helpers/app'
import { type World } from '../../helpers/world'

// Finding 14: "Value must be unique" told a company that another company holds an MSISDN, ICCID or CPF.
// The write is still refused, with one neutral message whoever holds the value.
let app: TestApp
let world: World
let token: string

beforeAll(async () => ({ app, world, adminToken: token } = await startAdminApp()))
afterAll(async () => app?.close())

const UNIQUE_WORDING = /unique|únic|já existe|already|outra empresa|another company/i
const fieldError = (body: any, path: string) => (body?.errors?.[0]?.data?.errors ?? []).find((e: any) => e.path === path)
const lineData = (over: Record<string, unknown>) => ({
  company: world.a.company.id,
  account: world.a.account.id,
  msisdn: generateMsisdn(world.rng, 11),
  iccid: generateIccid(world.rng),
  name: 'Nova linha',
  ...over,
})
const count = (collection: string) => app.payload.count({ collection: collection as never, overrideAccess: true }).then((r) => r.totalDocs)

describe('unique identifiers do not reveal another company (finding 14)', () => {
  it("a line with another company's MSISDN or ICCID is refused with the same neutral message as one of its own (REST)", async () => {
    const before = await count('lines')
    const messages: string[] = []
    for (const [path, value] of [
      ['msisdn', world.b.lines[0].msisdn],
      ['msisdn', world.a.lines[0].msisdn],
      ['iccid', world.b.lines[0].iccid],
      ['iccid', world.a.lines[0].iccid],
    ] as const) {
      const res = await app.rest.post('/lines', lineData({ [path]: value }), token)
      expect(res.status, JSON.stringify(res.body)).toBe(400)
      const error = fieldError(res.body, path)
      expect(error, JSON.stringify(res.body)).toBeDefined()
      expect(error.message).not.toMatch(UNIQUE_WORDING)
      expect(JSON.stringify(res.body)).not.toMatch(UNIQUE_WORDING)
      messages.push(error.message)
    }
    expect(messages[0]).toBe(messages[1])
    expect(messages[2]).toBe(messages[3])
    expect(await count('lines')).toBe(before)
  })

  it("changing a line's MSISDN to another company's is refused neutrally (REST and GraphQL)", async () => {
    const mine = world.a.lines[1]
    const res = await app.rest.patch(`/lines/${String(mine.id)}`, { msisdn: world.b.lines[1].msisdn }, token)
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).not.toMatch(UNIQUE_WORDING)
    const gql = await app.rest.gql(`mutation($id: Int!, $m: String!) { updateLine(id: $id, data: { msisdn: $m }) { id } }`, { id: mine.id, m: world.b.lines[1].msisdn }, token)
    expect(gql.body.errors?.length).toBeGreaterThan(0)
    expect(JSON.stringify(gql.body.errors)).not.toMatch(UNIQUE_WORDING)
    const stored = await app.payload.findByID({ collection: 'lines', id: mine.id, overrideAccess: true })
    expect(stored.msisdn).toBe(mine.msisdn)
  })

  it("a user with another company's CPF is refused neutrally", async () => {
    const before = await count('users')
    const res = await app.rest.post(
      '/users',
      { username: world.b.users.viewer.username, email: `novo.${String(Date.now())}@example.com`, password: 'Senha@Teste123', firstName: 'Novo', lastName: 'Usuário', role: 'viewer', companies: [world.a.company.id] },
      token,
    )
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
    expect(JSON.stringify(res.body)).not.toMatch(UNIQUE_WORDING)
    expect(await count('users')).toBe(before)
    // A fresh CPF goes through: the refusal above was the clash, not the request.
    const ok = await app.rest.post(
      '/users',
      { username: generateCpf(world.rng), email: `novo2.${String(Date.now())}@example.com`, password: 'Senha@Teste123', firstName: 'Novo', lastName: 'Usuário', role: 'viewer', companies: [world.a.company.id] },
      token,
    )
    expect(ok.status, JSON.stringify(ok.body)).toBe(201)
  })
})
