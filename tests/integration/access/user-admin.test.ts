import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateCpf } from '../../../src/validation/generate'
import { startAdminApp, type TestApp } from '../../helpers/app'
import { temporaryPasswordSentTo } from '../../helpers/security'
import { loginAs, PASSWORD, type World } from '../../helpers/world'

/**
 * Issue 13, users: a user created by an admin gets an e-mailed temporary password (the admin
 * types none) and must set its own at first access; a password set by someone else is
 * temporary too; block/unblock (the guide's "Status atual / Novo status") by the user's managers.
 */
let app: TestApp
let world: World
let adminA: string

beforeAll(async () => ({ app, world, adminToken: adminA } = await startAdminApp()))
afterAll(async () => app?.close())

const temporaryIn = (email: string) => temporaryPasswordSentTo(app.payload, email)

describe('creating users', () => {
  it('without a password: a temporary one is e-mailed, and the first login must replace it', async () => {
    const username = generateCpf(world.rng)
    const res = await app.rest.post('/users', { username, email: 'criado@example.com', firstName: 'Criado', lastName: 'Admin', role: 'viewer', companies: [world.a.company.id] }, adminA)
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body.doc.mustChangePassword).toBe(true)
    const temporary = await temporaryIn('criado@example.com')
    expect(temporary).toMatch(/^\S{8,}$/)
    const login = await app.payload.login({ collection: 'users', data: { username, password: temporary } as never, context: { golTwoStepLogin: true } })
    expect(login.user?.mustChangePassword).toBe(true)
  })

  it('an empty password (a form that asks none) is no password: the temporary one is e-mailed', async () => {
    const username = generateCpf(world.rng)
    const res = await app.rest.post('/users', { username, email: 'vazio@example.com', password: '', firstName: 'Vazio', lastName: 'Admin', role: 'viewer', companies: [world.a.company.id] }, adminA)
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    const temporary = await temporaryIn('vazio@example.com')
    expect(temporary).toMatch(/^\S{8,}$/)
    const login = await app.payload.login({ collection: 'users', data: { username, password: temporary } as never, context: { golTwoStepLogin: true } })
    expect(login.user?.mustChangePassword).toBe(true)
  })

  it('a password typed by the admin, or set later by it, is temporary: the user must replace it', async () => {
    const username = generateCpf(world.rng)
    const res = await app.rest.post('/users', { username, email: 'digitado@example.com', password: PASSWORD, firstName: 'D', lastName: 'A', role: 'viewer', companies: [world.a.company.id] }, adminA)
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body.doc.mustChangePassword).toBe(true)
    await app.payload.update({ collection: 'users', id: res.body.doc.id, data: { mustChangePassword: false } as never, overrideAccess: true })
    const reset = await app.rest.patch(`/users/${res.body.doc.id}`, { password: 'Outra@Senha123' }, adminA)
    expect(reset.status, JSON.stringify(reset.body)).toBe(200)
    expect(reset.body.doc.mustChangePassword).toBe(true)
  })
})

describe('block and unblock', () => {
  it('an admin blocks a user of its company (its token and login stop) and unblocks it', async () => {
    const user = world.a.users.viewer
    const token = await loginAs(app.rest, app.payload, user)
    expect((await app.rest.patch(`/users/${user.id}`, { blocked: true }, adminA)).status).toBe(200)
    expect((await app.rest.get('/lines?limit=1', token)).status).toBe(403)
    await expect(loginAs(app.rest, app.payload, user)).rejects.toThrow(/401/)
    expect((await app.rest.patch(`/users/${user.id}`, { blocked: false }, adminA)).status).toBe(200)
    expect(await loginAs(app.rest, app.payload, user)).toEqual(expect.any(String))
  })

  it('a sub-admin blocks the viewers of its departments only; a viewer blocks nobody', async () => {
    const subadmin = await loginAs(app.rest, app.payload, world.a.users.subadmin)
    const own = world.a.users.viewer // in the sub-admin's department
    const other = await app.payload.create({
      collection: 'users',
      data: { username: generateCpf(world.rng), email: 'outro.dep@example.com', password: PASSWORD, firstName: 'O', lastName: 'D', role: 'viewer', companies: [world.a.company.id], departments: [world.a.departments[1].id] } as never,
      overrideAccess: true,
    })
    expect((await app.rest.patch(`/users/${own.id}`, { blocked: true }, subadmin)).status).toBe(200)
    expect((await app.rest.patch(`/users/${own.id}`, { blocked: false }, subadmin)).status).toBe(200)
    expect((await app.rest.patch(`/users/${other.id}`, { blocked: true }, subadmin)).status).toBeGreaterThanOrEqual(400)
    const viewer = await loginAs(app.rest, app.payload, world.a.users.viewer)
    expect((await app.rest.patch(`/users/${world.a.users.subadmin.id}`, { blocked: true }, viewer)).status).toBeGreaterThanOrEqual(400)
    for (const id of [other.id, world.a.users.subadmin.id]) {
      const after = await app.payload.findByID({ collection: 'users', id, overrideAccess: true, depth: 0 })
      expect(after.blocked).toBe(false)
    }
  })
})

describe('a sub-admin and its departments', () => {
  it('configures the departments it is attached to, and no other; creates and deletes none', async () => {
    const subadmin = await loginAs(app.rest, app.payload, world.a.users.subadmin)
    const [own, other] = world.a.departments
    const renamed = await app.rest.patch(`/departments/${own.id}`, { name: 'Vendas Sul' }, subadmin)
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200)
    expect(renamed.body.doc.name).toBe('Vendas Sul')
    expect((await app.rest.patch(`/departments/${other.id}`, { name: 'Tomado' }, subadmin)).status).toBeGreaterThanOrEqual(400)
    await app.rest.patch(`/departments/${own.id}`, { company: world.b.company.id }, subadmin) // the company field is support's: ignored
    expect(String((await app.payload.findByID({ collection: 'departments', id: own.id, overrideAccess: true, depth: 0 })).company)).toBe(String(world.a.company.id))
    expect((await app.rest.post('/departments', { company: world.a.company.id, name: 'Novo' }, subadmin)).status).toBeGreaterThanOrEqual(400)
    expect((await app.rest.delete(`/departments/${own.id}`, subadmin)).status).toBeGreaterThanOrEqual(400)
    const after = await app.payload.findByID({ collection: 'departments', id: other.id, overrideAccess: true, depth: 0 })
    expect(after.name).toBe(other.name)
  })
})
