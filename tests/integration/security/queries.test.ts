import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startAdminApp, type TestApp } from '../../helpers/app'
import { type World } from '../../helpers/world'

// Finding 18: malformed queries answered 500 (or a stack overflow) instead of 400 with the reason.
let app: TestApp
let world: World
let token: string

beforeAll(async () => ({ app, world, adminToken: token } = await startAdminApp()))
afterAll(async () => app?.close())

const reason = (body: any) => String(body?.errors?.[0]?.message ?? '')

describe('malformed REST queries answer 400 with the reason (finding 18)', () => {
  it.each([
    ['/lines/abc', /id/i],
    ['/lines/1.5', /id/i],
    ['/lines?limit=-1&page=-5', /limit|page/],
    ['/lines?page=0', /page/],
    ['/lines?limit=abc', /limit/],
    ['/lines?depth=-1', /depth/],
    ['/lines?where[createdAt][equals]=not-a-date', /createdAt/],
    ['/lines?where[createdAt][greater_than]=2026-13-45', /createdAt/],
    ['/lines?where[id][in]=a,b', /id/],
    ['/lines?where[quota.amountMB][in]=a,b', /quota\.amountMB/],
    ['/lines?where[quota.amountMB][equals]=dez', /quota\.amountMB/],
    ['/lines?where[account][equals]=abc', /account/],
    ['/lines?where[name][equals][$ne]=x', /name/],
    ['/lines?where[name][like][a][b]=x', /name/],
    ['/lines?where[name][whatever]=x', /whatever|name/],
    ['/lines?where[status][exists]=maybe', /status/],
    ['/lines/count?where[createdAt][equals]=not-a-date', /createdAt/],
    ['/departments?where[company][in]=x,y', /company/],
  ])('GET %s → 400', async (path, why) => {
    const res = await app.rest.get(path, token)
    expect(res.status, JSON.stringify(res.body)).toBe(400)
    expect(reason(res.body)).toMatch(why)
  })

  it('a deeply nested where answers 400, not a stack overflow', async () => {
    const deep = `where${'[and][0]'.repeat(400)}[name][equals]=x`
    const res = await app.rest.get(`/lines?${deep}`, token)
    expect(res.status).toBe(400)
    expect(reason(res.body)).not.toMatch(/call stack/i)
  })

  it('bulk PATCH and DELETE with a malformed where answer 400 and change nothing', async () => {
    const patch = await app.rest.patch('/lines?where[createdAt][equals]=not-a-date', { name: 'x' }, token)
    expect(patch.status).toBe(400)
    const del = await app.rest.delete('/lines?where[id][in]=a,b', token)
    expect(del.status).toBe(400)
    const count = await app.payload.count({ collection: 'lines', overrideAccess: true })
    expect(count.totalDocs).toBe(8)
  })

  it('well-formed queries still work', async () => {
    const line = world.a.lines[0]
    for (const path of [
      `/lines?where[id][in]=${String(line.id)},${String(world.a.lines[1].id)}&limit=10&page=1&depth=0`,
      `/lines?where[createdAt][less_than]=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
      `/lines?where[createdAt][greater_than]=2020-01-01`,
      `/lines?where[quota.amountMB][exists]=false`,
      `/lines?where[or][0][name][like]=linha&where[or][1][msisdn][equals]=${String(line.msisdn)}`,
      `/lines?where[name][in]=a,b&sort=-createdAt&limit=0`,
      `/lines?where[account][equals]=${String(world.a.account.id)}`,
      `/lines/${String(line.id)}?depth=1`,
      // Past qs's 20-item array limit the list arrives as an object of indices (the admin's bulk actions).
      `/lines?${Array.from({ length: 25 }, (_, i) => `where[id][in][${i}]=${String(i === 24 ? line.id : 1000 + i)}`).join('&')}`,
    ]) {
      const res = await app.rest.get(path, token)
      expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(200)
    }
    const list = await app.rest.get(`/lines?where[id][in]=${String(line.id)}`, token)
    expect(list.body.docs.map((d: any) => d.id)).toEqual([line.id])
  })
})

describe('malformed GraphQL queries answer with the reason (finding 18)', () => {
  it('a deeply nested where answers 400 with the reason, not "Maximum call stack size exceeded"', async () => {
    let where = '{ name: { equals: "x" } }'
    for (let i = 0; i < 3000; i++) where = `{ AND: [${where}] }`
    const res = await app.rest.gql(`{ Lines(where: ${where}) { docs { id } } }`, {}, token)
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).not.toMatch(/call stack/i)
    expect(res.body.errors[0].message).toMatch(/profund|deep|nest/i)
  })

  it('an invalid date or a text for a number in where is refused with the field', async () => {
    // Execution errors travel in the body (graphql-http answers them 200) with their status.
    // GraphQL's own types refuse a bad date or a text for an Int before Payload runs (a validation error, with the reason).
    for (const where of ['{ createdAt: { equals: "not-a-date" } }', '{ id: { in: ["a", "b"] } }']) {
      const res = await app.rest.gql(`{ Lines(where: ${where}) { docs { id } } }`, {}, token)
      expect(res.body.data?.Lines ?? null, JSON.stringify(res.body)).toBeNull()
      expect(res.body.errors?.length).toBeGreaterThan(0)
      expect(JSON.stringify(res.body.errors)).not.toMatch(/Something went wrong|call stack/i)
      expect(res.body.errors[0].extensions?.statusCode ?? 400).toBe(400)
    }
    const page = await app.rest.gql(`{ Lines(limit: -1, page: -5) { docs { id } } }`, {}, token)
    expect(page.body.errors?.[0]?.extensions?.statusCode, JSON.stringify(page.body)).toBe(400)
    expect(page.body.errors[0].message).toMatch(/limit|page/)
    const ok = await app.rest.gql(`{ Lines(where: { name: { like: "linha" } }, limit: 5) { docs { id } } }`, {}, token)
    expect(ok.status).toBe(200)
    expect(ok.body.data.Lines.docs.length).toBeGreaterThan(0)
  })
})
