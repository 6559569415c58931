import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../helpers/app'
import { loginAs, makeWorld, type World } from '../../helpers/world'

/**
 * Finding 15 (issue 10): `payload-locked-documents` could be read, created and deleted across
 * companies (it showed CLARO's line 1 and user 2 to ALFA). Locks are now seen and handled only
 * inside the companies of their user; `payload-preferences` are their own user's, and a token
 * that opens nothing (blocked, temporary password) opens neither.
 */
let app: TestApp
let world: World
let adminA: string
let lockB: any

const LOCKS = 'payload-locked-documents'
const lockOf = (line: any, user: any) =>
  app.payload.create({ collection: LOCKS as never, data: { document: { relationTo: 'lines', value: line.id }, user: { relationTo: 'users', value: user.id } } as never, overrideAccess: true, depth: 0 }) as Promise<any>

beforeAll(async () => {
  app = await startTestApp()
  world = await makeWorld(app.payload)
  adminA = await loginAs(app.rest, app.payload, world.a.users.admin)
  lockB = await lockOf(world.b.lines[0], world.b.users.admin)
})
afterAll(async () => app?.close())

describe('payload-locked-documents', () => {
  it('another company’s locks are not listed, read, changed or deleted; REST and GraphQL', async () => {
    const list = await app.rest.get(`/${LOCKS}?limit=100&depth=0`, adminA)
    expect((list.body.docs ?? []).map((d: any) => String(d.id))).not.toContain(String(lockB.id))
    expect((await app.rest.get(`/${LOCKS}/${lockB.id}`, adminA)).status).toBe(404)
    expect((await app.rest.patch(`/${LOCKS}/${lockB.id}`, { user: { relationTo: 'users', value: world.a.users.admin.id } }, adminA)).status).toBeGreaterThanOrEqual(400)
    expect((await app.rest.delete(`/${LOCKS}/${lockB.id}`, adminA)).status).toBeGreaterThanOrEqual(400)
    await app.rest.delete(`/${LOCKS}?where[id][exists]=true`, adminA)
    const gql = await app.rest.gql(`{ PayloadLockedDocuments(limit: 100) { docs { id } } }`, {}, adminA)
    expect((gql.body.data?.PayloadLockedDocuments?.docs ?? []).map((d: any) => String(d.id))).not.toContain(String(lockB.id))
    const still = await app.payload.findByID({ collection: LOCKS as never, id: lockB.id, overrideAccess: true, depth: 0 }) as any
    expect(String(still.user.value)).toBe(String(world.b.users.admin.id))
  })

  it('a lock cannot be created in another user’s name nor on another company’s document', async () => {
    const forged = await app.rest.post(`/${LOCKS}`, { document: { relationTo: 'lines', value: world.b.lines[1].id }, user: { relationTo: 'users', value: world.b.users.admin.id } }, adminA)
    expect(forged.status).toBeGreaterThanOrEqual(400)
    const foreign = await app.rest.post(`/${LOCKS}`, { document: { relationTo: 'lines', value: world.b.lines[1].id }, user: { relationTo: 'users', value: world.a.users.admin.id } }, adminA)
    expect(foreign.status).toBeGreaterThanOrEqual(400)
    const count = await app.payload.count({ collection: LOCKS as never, where: { 'document.value': { equals: world.b.lines[1].id } }, overrideAccess: true })
    expect(count.totalDocs).toBe(0)
  })

  it('inside its company the admin works with locks as the admin screens do', async () => {
    const own = await app.rest.post(`/${LOCKS}`, { document: { relationTo: 'lines', value: world.a.lines[0].id }, user: { relationTo: 'users', value: world.a.users.admin.id } }, adminA)
    expect(own.status, JSON.stringify(own.body)).toBe(201)
    const colleague = await lockOf(world.a.lines[1], world.a.users.subadmin)
    const list = await app.rest.get(`/${LOCKS}?limit=100&depth=0`, adminA)
    expect(list.body.docs.map((d: any) => String(d.id)).sort()).toEqual([String(own.body.doc.id), String(colleague.id)].sort())
    // taking over a colleague's lock
    expect((await app.rest.delete(`/${LOCKS}/${colleague.id}`, adminA)).status).toBe(200)
  })
})

describe('payload-preferences', () => {
  it('are their own user’s, and closed to a token that opens nothing', async () => {
    const viewerB = await loginAs(app.rest, app.payload, world.b.users.viewer)
    const mine = await app.rest.post('/payload-preferences/nav', { value: { open: true } }, viewerB)
    expect(mine.status, JSON.stringify(mine.body)).toBeLessThan(300)
    const theirs = await app.rest.get('/payload-preferences?limit=100&depth=0', adminA)
    expect(theirs.body.docs ?? []).toHaveLength(0)
    await app.payload.update({ collection: 'users', id: world.b.users.viewer.id, data: { blocked: true } as never, overrideAccess: true })
    try {
      expect((await app.rest.post('/payload-preferences/nav', { value: { open: false } }, viewerB)).status).toBeGreaterThanOrEqual(400)
      expect((await app.rest.get('/payload-preferences?limit=10', viewerB)).body.docs ?? []).toHaveLength(0)
    } finally {
      await app.payload.update({ collection: 'users', id: world.b.users.viewer.id, data: { blocked: false } as never, overrideAccess: true })
    }
  })
})
