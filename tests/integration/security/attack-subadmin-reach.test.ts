import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateCpf } from '../../../src/validation/generate'
import { startTestApp, type TestApp } from '../../helpers/app'
import { rawUser } from '../../helpers/security'
import { loginAs, makeWorld, PASSWORD, type World } from '../../helpers/world'

/**
 * Red team (issue 10, finding 2 inside one company): a sub-admin of department A0 reaches the
 * viewers of its departments, and that included a viewer of A0 *and* A1. It could set that
 * viewer's password, e-mail or API key, and then read A1 as the viewer; or delete it. A user's
 * credentials change, and a user is deleted, by a sub-admin only when every department of the
 * user is the sub-admin's.
 */
let app: TestApp
let world: World
let subA: string

const viewerOf = (departments: unknown[]) =>
  app.payload.create({
    collection: 'users',
    data: { username: generateCpf(world.rng), email: `v${Math.random().toString(36).slice(2)}@example.com`, password: PASSWORD, firstName: 'V', lastName: 'W', role: 'viewer', companies: [world.a.company.id], departments } as never,
    overrideAccess: true,
    depth: 0,
  }) as Promise<any>

beforeAll(async () => {
  app = await startTestApp()
  world = await makeWorld(app.payload)
  subA = await loginAs(app.rest, app.payload, world.a.users.subadmin) // departments: [A0]
})
afterAll(async () => app?.close())

describe('a sub-admin on a viewer of its department and of another', () => {
  it('cannot take over its credentials (REST by id, bulk, GraphQL)', async () => {
    const viewer = await viewerOf([world.a.departments[0].id, world.a.departments[1].id])
    const before = await rawUser(app.payload, viewer.id)
    for (const data of [{ password: 'Tomada@1234' }, { email: 'atacante@example.com' }, { enableAPIKey: true, apiKey: 'chave-do-subadmin-0123456789' }]) {
      expect((await app.rest.patch(`/users/${viewer.id}`, data, subA)).status, JSON.stringify(data)).toBe(403)
    }
    await app.rest.patch(`/users?where[id][equals]=${viewer.id}`, { email: 'bulk@example.com' }, subA)
    await app.rest.gql(`mutation($id: Int!) { updateUser(id: $id, data: { email: "gql@example.com" }) { id } }`, { id: Number(viewer.id) }, subA)
    const after = await rawUser(app.payload, viewer.id)
    for (const k of ['email', 'hash', 'enableAPIKey', 'apiKey']) expect(after[k], k).toEqual(before[k])
    expect((await app.rest.get('/lines?limit=1', 'users API-Key chave-do-subadmin-0123456789')).status).toBe(403)
  })

  it('cannot delete it', async () => {
    const viewer = await viewerOf([world.a.departments[0].id, world.a.departments[1].id])
    expect((await app.rest.delete(`/users/${viewer.id}`, subA)).status).toBe(403)
    expect((await app.payload.count({ collection: 'users', where: { id: { equals: viewer.id } }, overrideAccess: true })).totalDocs).toBe(1)
  })

  it('still manages the viewers only of its departments', async () => {
    const viewer = await viewerOf([world.a.departments[0].id])
    const res = await app.rest.patch(`/users/${viewer.id}`, { email: 'novo.email@example.com', blocked: true }, subA)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect((await app.rest.delete(`/users/${viewer.id}`, subA)).status).toBe(200)
  })
})
