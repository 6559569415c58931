import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateMsisdn } from '../../../src/validation/generate'
import { startAdminApp, type TestApp } from '../../helpers/app'
import { type World } from '../../helpers/world'

let app: TestApp
let world: World
let adminA: string

const TENANT_COLLECTIONS = ['accounts', 'departments', 'profiles', 'lines'] as const

beforeAll(async () => ({ app, world, adminToken: adminA } = await startAdminApp()))
afterAll(async () => app?.close())

const docOf = (w: World['b'], collection: (typeof TENANT_COLLECTIONS)[number]) =>
  collection === 'accounts' ? w.account : collection === 'departments' ? w.departments[0] : collection === 'profiles' ? w.profile : w.lines[0]

describe('a company A admin gets nothing of company B', () => {
  it.each(TENANT_COLLECTIONS)('REST %s: lists only company A', async (collection) => {
    const res = await app.rest.get(`/${collection}?limit=100&depth=0`, adminA)
    expect(res.status).toBe(200)
    expect(res.body.totalDocs).toBeGreaterThan(0)
    for (const doc of res.body.docs) expect(doc.company).toEqual(world.a.company.id)
  })

  it.each(TENANT_COLLECTIONS)('REST %s: B by id is not found, not updatable, not deletable', async (collection) => {
    const id = docOf(world.b, collection).id
    expect((await app.rest.get(`/${collection}/${id}`, adminA)).status).toBe(404)
    expect([403, 404]).toContain((await app.rest.patch(`/${collection}/${id}`, { name: 'invadido' }, adminA)).status)
    expect([403, 404]).toContain((await app.rest.delete(`/${collection}/${id}`, adminA)).status)
    const still = await app.payload.findByID({ collection, id, overrideAccess: true, depth: 0 })
    expect((still as any).name).not.toBe('invadido')
  })

  it('REST: cannot create a document in company B', async () => {
    const res = await app.rest.post('/departments', { company: world.b.company.id, name: 'Intruso' }, adminA)
    expect(res.status).toBe(403)
    const found = await app.payload.count({ collection: 'departments', where: { name: { equals: 'Intruso' } }, overrideAccess: true })
    expect(found.totalDocs).toBe(0)
  })

  it('REST: cannot point its own line at a company B department', async () => {
    const res = await app.rest.patch(`/lines/${world.a.lines[0].id}`, { department: world.b.departments[0].id }, adminA)
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toContain('Pertence a outra empresa')
  })

  it('REST: cannot create a line in its company with company B account', async () => {
    const res = await app.rest.post('/lines', { company: world.a.company.id, account: world.b.account.id, msisdn: generateMsisdn(world.rng, 11) }, adminA)
    expect(res.status).toBe(400)
  })

  it('REST: cannot move its own document to company B', async () => {
    const res = await app.rest.patch(`/departments/${world.a.departments[1].id}`, { company: world.b.company.id }, adminA)
    const doc = await app.payload.findByID({ collection: 'departments', id: world.a.departments[1].id, overrideAccess: true, depth: 0 })
    expect(doc.company).toEqual(world.a.company.id)
    expect([200, 403]).toContain(res.status)
  })

  it('REST: companies lists only its own company', async () => {
    const res = await app.rest.get('/companies', adminA)
    expect(res.body.docs.map((c: any) => c.id)).toEqual([world.a.company.id])
    expect((await app.rest.get(`/companies/${world.b.company.id}`, adminA)).status).toBe(404)
  })

  it('REST: users lists only colleagues', async () => {
    const res = await app.rest.get('/users?limit=100&depth=0', adminA)
    const ids = res.body.docs.map((u: any) => u.id)
    expect(ids).toContain(world.a.users.viewer.id)
    expect(ids).not.toContain(world.b.users.admin.id)
    expect(ids).not.toContain(world.support.id)
  })

  it('GraphQL: lists and by-id reads see only company A', async () => {
    const res = await app.rest.gql(
      `query($id: Int!) { Lines(limit: 100) { docs { id company { id } } } Line(id: $id) { id } Departments(limit: 100) { docs { id } } }`,
      { id: Number(world.b.lines[0].id) },
      adminA,
    )
    const lines = res.body.data?.Lines?.docs ?? []
    expect(lines.length).toBe(world.a.lines.length)
    for (const l of lines) expect(l.company.id).toEqual(world.a.company.id)
    expect(res.body.data?.Line ?? null).toBeNull()
    const deps = res.body.data.Departments.docs.map((d: any) => d.id)
    expect(deps).not.toContain(world.b.departments[0].id)
  })

  it('GraphQL: cannot update a company B line', async () => {
    const res = await app.rest.gql(`mutation($id: Int!) { updateLine(id: $id, data: { name: "invadido" }) { id } }`, { id: Number(world.b.lines[0].id) }, adminA)
    expect(res.body.errors?.length).toBeGreaterThan(0)
    const line = await app.payload.findByID({ collection: 'lines', id: world.b.lines[0].id, overrideAccess: true })
    expect(line.name).not.toBe('invadido')
  })
})
