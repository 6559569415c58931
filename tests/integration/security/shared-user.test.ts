import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateCpf } from '../../../src/validation/generate'
import { startTestApp, type TestApp } from '../../helpers/app'
import { rawUser } from '../../helpers/security'
import { loginAs, makeWorld, PASSWORD, type World } from '../../helpers/world'

/**
 * Finding 2 (issue 10): an admin of A could PATCH a user that belongs to A *and* B (its
 * API key, password, e-mail, blocked) and then act as that user in B. A user's credentials,
 * e-mail, API key and blocked state change only by the user itself, by support, or by an
 * admin of every company the user belongs to; admins read no other user's sessions, hashes
 * or API keys. REST by id, bulk PATCH ?where= and GraphQL updateUser alike.
 */
let app: TestApp
let world: World
let shared: any
let adminA: string

const fresh = () => app.payload.findByID({ collection: 'users', id: shared.id, overrideAccess: true, depth: 0, showHiddenFields: true }) as Promise<any>

beforeAll(async () => {
  app = await startTestApp()
  world = await makeWorld(app.payload)
  shared = await app.payload.create({
    collection: 'users',
    data: { username: generateCpf(world.rng), email: 'compartilhado@example.com', password: PASSWORD, firstName: 'Comp', lastName: 'Artilhado', role: 'admin', companies: [world.a.company.id, world.b.company.id] } as never,
    overrideAccess: true,
  })
  adminA = await loginAs(app.rest, app.payload, world.a.users.admin)
})
afterAll(async () => app?.close())

const ATTACKS: [string, Record<string, unknown>][] = [
  ['password', { password: 'Tomada@1234' }],
  ['e-mail', { email: 'atacante@example.com' }],
  ['API key', { enableAPIKey: true, apiKey: 'chave-do-atacante-0123456789' }],
  ['blocked', { blocked: true }],
  ['login', { username: generateCpf(Math.random) }],
]

describe('a user shared between companies, attacked by an admin of one of them', () => {
  it.each(ATTACKS)('PATCH /users/:id cannot change its %s', async (_, data) => {
    const before = await fresh()
    const res = await app.rest.patch(`/users/${shared.id}`, data, adminA)
    expect(res.status, JSON.stringify(res.body)).toBe(403)
    const after = await fresh()
    for (const k of ['email', 'username', 'blocked', 'enableAPIKey', 'apiKey', 'hash']) expect(after[k], k).toEqual(before[k])
  })

  it('the stolen API key would not work, and the password still is the owner’s', async () => {
    expect((await app.rest.get('/lines?limit=1', 'users API-Key chave-do-atacante-0123456789')).status).toBe(403)
    expect(await loginAs(app.rest, app.payload, shared)).toEqual(expect.any(String))
  })

  it('bulk PATCH /users?where= leaves it untouched', async () => {
    const before = await fresh()
    await app.rest.patch(`/users?where[id][equals]=${shared.id}`, { email: 'bulk@example.com', blocked: true }, adminA)
    await app.rest.patch(`/users?where[companies][in]=${world.b.company.id}`, { password: 'Tomada@1234' }, adminA)
    const after = await fresh()
    expect(after.email).toBe(before.email)
    expect(after.blocked).toBe(before.blocked)
    expect(after.hash).toBe(before.hash)
  })

  it('GraphQL updateUser leaves it untouched', async () => {
    const res = await app.rest.gql(`mutation($id: Int!) { updateUser(id: $id, data: { email: "gql@example.com", blocked: true }) { id email } }`, { id: Number(shared.id) }, adminA)
    expect(res.body.data?.updateUser ?? null).toBeNull()
    const after = await fresh()
    expect(after.email).toBe('compartilhado@example.com')
    expect(after.blocked).toBe(false)
  })

  it('the admin still edits the shared user’s other fields, and credentials of users only of its company', async () => {
    const name = await app.rest.patch(`/users/${shared.id}`, { firstName: 'Renomeado' }, adminA)
    expect(name.status, JSON.stringify(name.body)).toBe(200)
    // the admin form sends unchanged credential fields along: not a change
    const form = await app.rest.patch(`/users/${shared.id}`, { firstName: 'Comp', email: 'compartilhado@example.com', blocked: false }, adminA)
    expect(form.status, JSON.stringify(form.body)).toBe(200)
    const own = world.a.users.viewer
    const block = await app.rest.patch(`/users/${own.id}`, { blocked: true, email: 'novo.viewer@example.com' }, adminA)
    expect(block.status, JSON.stringify(block.body)).toBe(200)
    expect(block.body.doc).toMatchObject({ blocked: true, email: 'novo.viewer@example.com' })
    await app.payload.update({ collection: 'users', id: own.id, data: { blocked: false, email: own.email } as never, overrideAccess: true })
  })

  it('support, or an admin of both companies, may change them', async () => {
    const support = await loginAs(app.rest, app.payload, world.support)
    expect((await app.rest.patch(`/users/${shared.id}`, { email: 'pelo.suporte@example.com' }, support)).status).toBe(200)
    const both = await app.payload.create({
      collection: 'users',
      data: { username: generateCpf(world.rng), email: 'admin.ab@example.com', password: PASSWORD, firstName: 'AB', lastName: 'AB', role: 'admin', companies: [world.a.company.id, world.b.company.id] } as never,
      overrideAccess: true,
    })
    const token = await loginAs(app.rest, app.payload, both)
    const res = await app.rest.patch(`/users/${shared.id}`, { email: 'compartilhado@example.com' }, token)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
  })
})

describe('what an admin reads of other users', () => {
  it('no sessions, hashes, salts or API key material, by REST or GraphQL', async () => {
    await loginAs(app.rest, app.payload, world.a.users.subadmin) // gives the sub-admin a session
    expect(((await rawUser(app.payload, world.a.users.subadmin.id)).sessions ?? []).length).toBeGreaterThan(0)
    for (const id of [shared.id, world.a.users.subadmin.id]) {
      const res = await app.rest.get(`/users/${id}?depth=0`, adminA)
      expect(res.status).toBe(200)
      expect(res.body.sessions ?? [], 'sessions').toEqual([])
      for (const k of ['hash', 'salt', 'apiKey', 'apiKeyIndex', 'resetPasswordToken', 'loginAttempts', 'lockUntil']) expect(res.body[k], k).toBeUndefined()
    }
    const list = await app.rest.get('/users?limit=100&depth=0', adminA)
    for (const doc of list.body.docs) if (String(doc.id) !== String(world.a.users.admin.id)) expect(doc.sessions ?? [], `sessions of ${doc.id}`).toEqual([])
    const gql = await app.rest.gql(`{ Users(limit: 100) { docs { id sessions { id expiresAt } } } }`, {}, adminA)
    for (const doc of gql.body.data?.Users?.docs ?? []) if (String(doc.id) !== String(world.a.users.admin.id)) expect(doc.sessions ?? [], `GraphQL sessions of ${doc.id}`).toEqual([])
  })
})
