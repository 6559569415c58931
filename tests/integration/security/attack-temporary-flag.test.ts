import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateCpf } from '../../../src/validation/generate'
import { startAdminApp, type TestApp } from '../../helpers/app'
import { loginAs, PASSWORD, type World } from '../../helpers/world'

/**
 * Red team (issue 10 / 13): `mustChangePassword` was writable through the API. An admin of A
 * set it on a user shared with B (the user then acts as nobody in B until it replaces its
 * password), and an admin could clear it after typing a user's password itself, so the password
 * it knows stays valid for good. The flag is the server's: set when someone else sets a
 * password or a recovery is used, cleared when the user replaces it.
 */
let app: TestApp
let world: World
let adminA: string

const flag = async (id: unknown) => ((await app.payload.findByID({ collection: 'users', id: id as never, overrideAccess: true, depth: 0 })) as any).mustChangePassword

beforeAll(async () => ({ app, world, adminToken: adminA } = await startAdminApp()))
afterAll(async () => app?.close())

describe('the temporary-password flag through the API', () => {
  it('an admin of A cannot set it on a user shared with B (REST, bulk, GraphQL)', async () => {
    const shared = (await app.payload.create({
      collection: 'users',
      data: { username: generateCpf(world.rng), email: 'comp.flag@example.com', password: PASSWORD, firstName: 'C', lastName: 'F', role: 'viewer', companies: [world.a.company.id, world.b.company.id] } as never,
      overrideAccess: true,
    })) as any
    await app.rest.patch(`/users/${shared.id}`, { mustChangePassword: true }, adminA)
    await app.rest.patch(`/users?where[id][equals]=${shared.id}`, { mustChangePassword: true }, adminA)
    await app.rest.gql(`mutation($id: Int!) { updateUser(id: $id, data: { mustChangePassword: true }) { id } }`, { id: Number(shared.id) }, adminA)
    expect(await flag(shared.id)).toBe(false)
    expect(await loginAs(app.rest, app.payload, shared)).toEqual(expect.any(String))
    expect((await app.rest.get('/users/me', await loginAs(app.rest, app.payload, shared))).body?.user?.id).toBe(shared.id)
  })

  it('an admin who typed a user’s password cannot clear the flag afterwards', async () => {
    const viewer = world.a.users.viewer
    const set = await app.rest.patch(`/users/${viewer.id}`, { password: 'Digitada@1234' }, adminA)
    expect(set.status, JSON.stringify(set.body)).toBe(200)
    expect(await flag(viewer.id)).toBe(true)
    await app.rest.patch(`/users/${viewer.id}`, { mustChangePassword: false }, adminA)
    await app.rest.gql(`mutation($id: Int!) { updateUser(id: $id, data: { mustChangePassword: false }) { id } }`, { id: Number(viewer.id) }, adminA)
    expect(await flag(viewer.id)).toBe(true)
  })

  it('a user created with a typed password still gets the flag', async () => {
    const res = await app.rest.post('/users', { username: generateCpf(world.rng), email: 'novo.flag@example.com', password: PASSWORD, firstName: 'N', lastName: 'F', role: 'viewer', companies: [world.a.company.id], mustChangePassword: false }, adminA)
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(await flag(res.body.doc.id)).toBe(true)
  })
})
