import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateCpf } from '../../../src/validation/generate'
import { startTestApp, type TestApp } from '../../helpers/app'
import { loginAs, makeWorld, PASSWORD, type World } from '../../helpers/world'

/**
 * Red team (issue 10, beyond finding 2): an admin of A held authority over a user shared
 * between A and B in B too — it could promote the user to admin (an admin of B that B never
 * named), give it B's departments, or delete it (B loses its user). Changing a user's role or
 * departments, or deleting it, is for support or a manager of every company the user belongs
 * to; and departments given to a user must be of the actor's companies.
 */
let app: TestApp
let world: World
let adminA: string
let subA: string

const mkUser = (data: Record<string, unknown>) =>
  app.payload.create({ collection: 'users', data: { username: generateCpf(world.rng), password: PASSWORD, firstName: 'Comp', lastName: 'Artilhado', ...data } as never, overrideAccess: true, depth: 0 }) as Promise<any>
const stored = (id: unknown) => app.payload.findByID({ collection: 'users', id: id as never, overrideAccess: true, depth: 0 }) as Promise<any>
const exists = async (id: unknown) => (await app.payload.count({ collection: 'users', where: { id: { equals: id } }, overrideAccess: true })).totalDocs === 1
const shared = (role: string, departments: unknown[] = []) =>
  mkUser({ email: `${role}.${Math.random().toString(36).slice(2)}@example.com`, role, companies: [world.a.company.id, world.b.company.id], departments })

beforeAll(async () => {
  app = await startTestApp()
  world = await makeWorld(app.payload)
  adminA = await loginAs(app.rest, app.payload, world.a.users.admin)
  subA = await loginAs(app.rest, app.payload, world.a.users.subadmin)
})
afterAll(async () => app?.close())

describe('an admin of A on a user shared with B', () => {
  it('cannot promote it (REST, bulk PATCH, GraphQL)', async () => {
    const user = await shared('viewer')
    expect((await app.rest.patch(`/users/${user.id}`, { role: 'admin' }, adminA)).status).toBe(403)
    await app.rest.patch(`/users?where[id][equals]=${user.id}`, { role: 'admin' }, adminA)
    await app.rest.gql(`mutation($id: Int!) { updateUser(id: $id, data: { role: admin }) { id } }`, { id: Number(user.id) }, adminA)
    expect((await stored(user.id)).role).toBe('viewer')
  })

  it('cannot give it (or take from it) departments', async () => {
    const user = await shared('subadmin', [world.b.departments[1].id])
    expect((await app.rest.patch(`/users/${user.id}`, { departments: [world.b.departments[0].id, world.b.departments[1].id] }, adminA)).status).toBe(403)
    expect((await app.rest.patch(`/users/${user.id}`, { departments: [world.a.departments[0].id] }, adminA)).status).toBe(403)
    expect((await stored(user.id)).departments).toEqual([world.b.departments[1].id])
  })

  it('cannot delete it (by id, bulk, GraphQL); nor can a sub-admin of A delete a shared viewer of its department', async () => {
    const user = await shared('viewer', [world.a.departments[0].id])
    expect((await app.rest.delete(`/users/${user.id}`, adminA)).status).toBe(403)
    await app.rest.delete(`/users?where[id][equals]=${user.id}`, adminA)
    await app.rest.gql(`mutation($id: Int!) { deleteUser(id: $id) { id } }`, { id: Number(user.id) }, adminA)
    expect((await app.rest.delete(`/users/${user.id}`, subA)).status).toBe(403)
    expect(await exists(user.id)).toBe(true)
  })

  it('still changes the form’s unchanged values, and removes A from the user only through support (the companies rule)', async () => {
    const user = await shared('viewer')
    const res = await app.rest.patch(`/users/${user.id}`, { firstName: 'Outro', role: 'viewer', departments: [] }, adminA)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
  })
})

describe('an admin of A on users of A only', () => {
  it('cannot give them departments of B', async () => {
    const viewer = world.a.users.viewer
    expect((await app.rest.patch(`/users/${viewer.id}`, { departments: [world.b.departments[0].id] }, adminA)).status).toBe(403)
    const created = await app.rest.post('/users', { username: generateCpf(world.rng), email: 'novo.b@example.com', password: PASSWORD, firstName: 'N', lastName: 'B', role: 'viewer', companies: [world.a.company.id], departments: [world.b.departments[0].id] }, adminA)
    expect(created.status).toBe(403)
    expect((await stored(viewer.id)).departments).toEqual([world.a.departments[0].id])
  })

  it('still promotes, moves and deletes them', async () => {
    const user = await mkUser({ email: 'so.a@example.com', role: 'viewer', companies: [world.a.company.id], departments: [world.a.departments[0].id] })
    const res = await app.rest.patch(`/users/${user.id}`, { role: 'subadmin', departments: [world.a.departments[1].id] }, adminA)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect((await app.rest.delete(`/users/${user.id}`, adminA)).status).toBe(200)
    expect(await exists(user.id)).toBe(false)
  })

  it('support still does all of it on a shared user', async () => {
    const support = await loginAs(app.rest, app.payload, world.support)
    const user = await shared('viewer')
    expect((await app.rest.patch(`/users/${user.id}`, { role: 'admin', departments: [] }, support)).status).toBe(200)
    expect((await app.rest.delete(`/users/${user.id}`, support)).status).toBe(200)
  })
})
